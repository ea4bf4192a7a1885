import Foundation
import HuiwenLayout
import HuiwenTestSupport
import Testing

/// Every part of the `.docx` files the writer makes validates against the subset of the Office
/// Open XML schemas the writer uses (`Tests/OOXMLSchemas/`, ECMA-376 transitional), checked by
/// xmllint: the WordprocessingML parts against `wml.xsd` (the children's order that Word
/// insists on, the attributes' value types, required attributes), the package parts against the
/// Open Packaging Conventions' schemas.
///
/// The documents (`DOCXSchemaFixture`) take every path through the writer, and together use
/// every element and attribute the subset declares: the subset holds nothing the writer does not
/// write, so a misspelt or misplaced name cannot pass as some other valid one.
///
/// Without xmllint the tests print why and skip; under `CI=true` they fail.
@Suite struct DOCXSchemaTests {
    static let schemas = SchemaValidator.ooxmlSchemas

    /// The schema a part is checked against, by its path in the package.
    static func schema(for path: String) -> String? {
        // A workbook embedded beside a chart: its parts, under its path.
        if let workbook = path.range(of: ".xlsx/") {
            let inner = path[workbook.upperBound...]
            switch inner {
            case "[Content_Types].xml": return "opc-contentTypes.xsd"
            case _ where inner.hasSuffix(".rels"): return "opc-relationships.xsd"
            case _ where inner.hasPrefix("xl/") && inner.hasSuffix(".xml"): return "sml.xsd"
            default: return nil
            }
        }
        switch path {
        case "[Content_Types].xml": return "opc-contentTypes.xsd"
        case _ where path.hasSuffix(".rels"): return "opc-relationships.xsd"
        case "docProps/core.xml": return "opc-coreProperties.xsd"
        case "docProps/app.xml": return "shared-documentPropertiesExtended.xsd"
        case _ where path.hasPrefix("word/charts/") && path.hasSuffix(".xml"): return "dml-chart.xsd"
        case _ where path.hasPrefix("word/") && path.hasSuffix(".xml"): return "wml.xsd"
        default: return nil
        }
    }

    /// Writes the parts of every fixture document into `folder` (`NAME/PATH`), grouped by the
    /// schema that checks them; the packages, for what they hold.
    static func writeParts(into folder: URL) throws -> (bySchema: [String: [URL]], packages: [DOCXPackageReader]) {
        var bySchema: [String: [URL]] = [:]
        var packages: [DOCXPackageReader] = []
        for (name, document) in try DOCXSchemaFixture.documents() {
            let package = try DOCXPackageReader(DOCXWriter.file(for: document))
            packages.append(package)
            for entry in try package.xmlParts() {
                let file = folder.appendingPathComponent(name).appendingPathComponent(entry.path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(entry.data).write(to: file)
                bySchema[schema(for: entry.path) ?? "(none)", default: []].append(file)
            }
        }
        return (bySchema, packages)
    }

    static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("huiwen-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Each part of each fixture document, against the schema of its kind of part, every one
    /// of them counted as validated.
    @Test func everyPartOfEveryDocumentValidates() throws {
        guard SchemaValidator.available(for: "everyPartOfEveryDocumentValidates") else { return }
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (bySchema, packages) = try Self.writeParts(into: folder)
        #expect(bySchema["(none)"] == nil, "parts no schema checks: \(bySchema["(none)"] ?? [])")

        var validated: [URL] = []
        for (schema, files) in bySchema.sorted(by: { $0.key < $1.key }) where schema != "(none)" {
            let report = try SchemaValidator.validate(files, against: Self.schemas.appendingPathComponent(schema))
            validated += report.valid
            for (file, messages) in report.invalid {
                let part = file.path.dropFirst(folder.path.count + 1)
                Issue.record("\(part) does not validate against \(schema):\n\(messages.joined(separator: "\n"))")
            }
        }
        // Counted, so that the test cannot pass by validating nothing: six documents with
        // page-number footers (14 parts each), the plain page without (12); the charts'
        // document has five charts, each a chart part, its relationships and a workbook of 5.
        let written = bySchema.values.flatMap { $0 }
        #expect(written.count == packages.map { (try? $0.xmlParts().count) ?? 0 }.reduce(0, +))
        #expect(written.count == 6 * 14 + 12 + 5 * (2 + 5))
        #expect(bySchema["dml-chart.xsd"]?.count == 5 && bySchema["sml.xsd"]?.count == 10)
        #expect(validated.count == written.count, "\(validated.count) of \(written.count) parts validated")
    }

    /// The subset is exactly what the writer writes: each element and attribute the schemas
    /// declare appears in some part of the fixture documents, and the parts use no other.
    @Test func theSchemasDeclareExactlyTheNamesTheWriterUses() throws {
        var declaredElements: Set<String> = []
        var declaredAttributes: Set<String> = []
        let files = try FileManager.default.contentsOfDirectory(at: Self.schemas, includingPropertiesForKeys: nil)
        for xsd in files where xsd.pathExtension == "xsd" {
            let names = XMLNames.declared(in: try String(contentsOf: xsd, encoding: .utf8))
            #expect(names.unknownNamespaces.isEmpty, "\(xsd.lastPathComponent): \(names.unknownNamespaces)")
            declaredElements.formUnion(names.elements)
            declaredAttributes.formUnion(names.attributes)
        }
        var usedElements: Set<String> = []
        var usedAttributes: Set<String> = []
        for (_, document) in try DOCXSchemaFixture.documents() {
            for entry in try DOCXPackageReader(DOCXWriter.file(for: document)).xmlParts() {
                let names = XMLNames.used(in: entry.text)
                usedElements.formUnion(names.elements)
                usedAttributes.formUnion(names.attributes)
            }
        }
        #expect(declaredElements.count > 100)
        #expect(declaredElements.subtracting(usedElements).sorted() == [], "declared, never written")
        #expect(usedElements.subtracting(declaredElements).sorted() == [], "written, not declared")
        #expect(declaredAttributes.subtracting(usedAttributes).sorted() == [], "declared, never written")
        #expect(usedAttributes.subtracting(declaredAttributes).sorted() == [], "written, not declared")
    }

    /// A mistake the schemas must refuse, and the same XML put right, which they accept.
    struct Mistake: Sendable, CustomTestStringConvertible {
        var name: String
        var schema = "wml.xsd"
        var wrong: String
        var right: String
        /// Part of what xmllint says about the wrong XML.
        var message: String

        var testDescription: String { name }

        /// A `document.xml` whose body is `body`.
        static func document(_ body: String) -> String {
            #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#
                + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>\#(body)</w:body></w:document>"#
        }

        static func paragraph(_ properties: String) -> String {
            document("<w:p><w:pPr>\(properties)</w:pPr><w:r><w:t>正文</w:t></w:r></w:p>")
        }

        static func run(_ properties: String) -> String {
            document("<w:p><w:r><w:rPr>\(properties)</w:rPr><w:t>正文</w:t></w:r></w:p>")
        }

        static func section(_ properties: String) -> String {
            document("<w:p/><w:sectPr>\(properties)</w:sectPr>")
        }

        static func row(_ properties: String) -> String {
            document(#"<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid><w:tr><w:trPr>\#(properties)</w:trPr>"#
                + "<w:tc><w:p/></w:tc></w:tr></w:tbl><w:p/>")
        }

        static let margins = #"w:top="1951" w:right="1490" w:bottom="2149" w:left="1587" w:header="851" w:footer="1427""#
        static let size = #"<w:pgSz w:w="11906" w:h="16838"/>"#
        static let core = #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#
            + #"xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#

        /// A chart part whose data labels hold `labels`.
        static func chart(labels: String) -> String {
            #"<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:barChart>"#
                + #"<c:barDir val="col"/><c:ser><c:idx val="0"/><c:order val="0"/><c:dLbls>\#(labels)</c:dLbls></c:ser>"#
                + #"<c:axId val="1"/><c:axId val="2"/></c:barChart></c:plotArea></c:chart></c:chartSpace>"#
        }

        /// A run holding an inline drawing whose children are `inline`.
        static func drawing(_ inline: String) -> String {
            document(#"<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">"#
                + inline + #"<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="u">"#
                + #"<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdChart1"/></a:graphicData></a:graphic>"#
                + "</wp:inline></w:drawing></w:r></w:p>")
        }

        static func cell(_ attributes: String) -> String {
            #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">"#
                + #"<c r="A1" \#(attributes)><is><t>年份</t></is></c></row></sheetData></worksheet>"#
        }

        static let all: [Mistake] = [
            Mistake(
                name: "chart data label flags out of order", schema: "dml-chart.xsd",
                wrong: chart(labels: #"<c:showCatName val="0"/><c:showVal val="1"/>"#),
                right: chart(labels: #"<c:showVal val="1"/><c:showCatName val="0"/>"#), message: "}showVal'"),
            Mistake(
                name: "inline drawing without its docPr",
                wrong: drawing(#"<wp:extent cx="5616000" cy="2941320"/>"#),
                right: drawing(#"<wp:extent cx="5616000" cy="2941320"/><wp:docPr id="1" name="图表 1"/>"#), message: "}graphic'"),
            Mistake(
                name: "cell type the embedded workbook does not write", schema: "sml.xsd",
                wrong: cell(#"t="s""#), right: cell(#"t="inlineStr""#), message: "'s'"),
            Mistake(
                name: "pPr children out of order", wrong: paragraph(#"<w:jc w:val="center"/><w:pStyle w:val="Title"/>"#),
                right: paragraph(#"<w:pStyle w:val="Title"/><w:jc w:val="center"/>"#), message: "}pStyle'"),
            Mistake(
                name: "rPr children out of order", wrong: run(#"<w:sz w:val="32"/><w:b/>"#), right: run(#"<w:b/><w:sz w:val="32"/>"#),
                message: "}b'"),
            Mistake(
                name: "sectPr children out of order", wrong: section("<w:pgMar \(margins) w:gutter=\"0\"/>\(size)"),
                right: section("\(size)<w:pgMar \(margins) w:gutter=\"0\"/>"), message: "}pgSz'"),
            Mistake(
                name: "trPr children out of order",
                wrong: row(#"<w:tblHeader/><w:trHeight w:val="579" w:hRule="atLeast"/>"#),
                right: row(#"<w:trHeight w:val="579" w:hRule="atLeast"/><w:tblHeader/>"#), message: "}trHeight'"),
            Mistake(
                name: "misspelt element", wrong: paragraph(#"<w:justify w:val="center"/>"#), right: paragraph(#"<w:jc w:val="center"/>"#),
                message: "}justify'"),
            Mistake(
                name: "misspelt value", wrong: paragraph(#"<w:jc w:val="centre"/>"#), right: paragraph(#"<w:jc w:val="center"/>"#),
                message: "'centre'"),
            Mistake(
                name: "negative first-line indent", wrong: paragraph(#"<w:ind w:firstLine="-315"/>"#),
                right: paragraph(#"<w:ind w:left="-315" w:firstLine="315"/>"#), message: "'-315'"),
            Mistake(
                name: "colour by name", wrong: run(#"<w:color w:val="red"/>"#), right: run(#"<w:color w:val="E60000"/>"#), message: "'red'"),
            Mistake(
                name: "required attribute missing", wrong: section("<w:pgMar \(margins)/>"), right: section("<w:pgMar \(margins) w:gutter=\"0\"/>"),
                message: "}gutter' is required"),
            Mistake(
                name: "valid WordprocessingML the writer does not write", wrong: run("<w:b/><w:i/>"), right: run("<w:b/>"),
                message: "}i'"),
            Mistake(
                name: "relationship id that is not a name", schema: "opc-relationships.xsd",
                wrong: #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="8" Type="t" Target="a.xml"/></Relationships>"#,
                right: #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId8" Type="t" Target="a.xml"/></Relationships>"#,
                message: "'8'"),
            Mistake(
                name: "creation date without its W3CDTF type", schema: "opc-coreProperties.xsd",
                wrong: core + "<dcterms:created>2026-01-12T00:00:00Z</dcterms:created></cp:coreProperties>",
                right: core + #"<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-12T00:00:00Z</dcterms:created></cp:coreProperties>"#,
                message: "is abstract"),
        ]
    }

    /// The check bites: each mistake is refused (with a message naming what is wrong), and the
    /// same XML put right validates, so the refusal is the mistake's.
    @Test(arguments: Mistake.all) func theSchemasRefuse(_ mistake: Mistake) throws {
        guard SchemaValidator.available(for: "theSchemasRefuse(\(mistake.name))") else { return }
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let wrong = folder.appendingPathComponent("wrong.xml")
        let right = folder.appendingPathComponent("right.xml")
        try Data(mistake.wrong.utf8).write(to: wrong)
        try Data(mistake.right.utf8).write(to: right)
        let report = try SchemaValidator.validate([wrong, right], against: Self.schemas.appendingPathComponent(mistake.schema))
        #expect(report.valid == [right], "\(report.output)")
        let messages = report.invalid.first { $0.file == wrong }?.messages ?? []
        #expect(messages.contains { $0.contains(mistake.message) }, "\(report.output)")
    }
}
