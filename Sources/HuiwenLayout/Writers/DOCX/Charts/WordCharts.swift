import HuiwenDiagnostics
import HuiwenMarkdown

/// The charts of one `.docx`, numbered in the order the body shows them: each is a chart part
/// (`word/charts/chartN.xml`) with its workbook (`word/embeddings/chartN.xlsx`), a relationship
/// of `document.xml` (`rIdChartN`), and an inline drawing in its paragraph.
struct WordCharts {
    private(set) var charts: [Chart] = []

    static let relationshipType = WordPackage.relationshipType("chart")
    static let contentType = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    static let workbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    var isEmpty: Bool { charts.isEmpty }

    /// Adds a chart; its number (from 1).
    mutating func add(_ chart: Chart) -> Int {
        charts.append(chart)
        return charts.count
    }

    static func relationshipID(_ number: Int) -> String { "rIdChart\(number)" }

    /// `document.xml`'s relationships to the chart parts.
    var relationships: String {
        charts.indices.map { index in
            #"<Relationship Id="\#(Self.relationshipID(index + 1))" Type="\#(Self.relationshipType)" Target="charts/chart\#(index + 1).xml"/>"#
        }.joined()
    }

    /// The content types of the chart parts.
    var overrides: [(part: String, type: String)] {
        charts.indices.map { ("/word/charts/chart\($0 + 1).xml", Self.contentType) }
    }

    /// Each chart's part, its relationships and its workbook.
    func parts() throws(DiagnosticError) -> [(path: String, bytes: [UInt8])] {
        var parts: [(path: String, bytes: [UInt8])] = []
        for (index, chart) in charts.enumerated() {
            let number = index + 1
            let relationships = WordPackage.xmlDeclaration
                + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
                + #"<Relationship Id="rId1" Type="\#(WordPackage.relationshipType("package"))" Target="../embeddings/chart\#(number).xlsx"/>"#
                + "</Relationships>"
            parts.append(("word/charts/chart\(number).xml", Array(WordChartXML(chart: chart).xml(workbook: "rId1").utf8)))
            parts.append(("word/charts/_rels/chart\(number).xml.rels", Array(relationships.utf8)))
            parts.append(("word/embeddings/chart\(number).xlsx", try ChartWorkbook.file(for: chart)))
        }
        return parts
    }

    /// The run that shows chart `number` inline, 156 mm wide and `lines` grid lines tall, with
    /// the chart's figures in words as its alternative text.
    static func drawingRun(_ chart: Chart, number: Int, lines: Int) -> String {
        // EMU: 36,000 a millimetre, 635 a twip.
        let width = 156 * 36_000
        let height = lines * WordPage.linePitch * 635 - chartInset
        var xml = #"<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">"#
        xml += #"<wp:extent cx="\#(width)" cy="\#(height)"/><wp:effectExtent l="0" t="0" r="0" b="0"/>"#
        xml += #"<wp:docPr id="\#(number)" name="图表 \#(number)" descr="\#(XMLText.escaped(chart.title + "：" + chart.summary))"/>"#
        xml += "<wp:cNvGraphicFramePr/>"
        xml += #"<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">"#
        xml += #"<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="\#(relationshipID(number))"/>"#
        return xml + "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    }

    /// What the drawing leaves of its grid lines for the line's descent, so that the line
    /// holding it takes exactly those lines (measured in LibreOffice: see docs/docx.md).
    static let chartInset = 0
}
