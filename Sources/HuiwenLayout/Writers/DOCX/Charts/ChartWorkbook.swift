import HuiwenDiagnostics
import HuiwenMarkdown
import HuiwenText

/// The workbook embedded beside a Word chart (`word/embeddings/ChartN.xlsx`): one sheet holding
/// the chart's data, the categories in column A and a column per series, headed by their names.
/// Word and WPS open it with "Edit Data" and redraw the chart from it; the chart's series name
/// its cells (`Sheet1!$B$2:$B$3`).
///
/// | 年份 | 事故起数 | 死亡人数 |
/// |---|---|---|
/// | 2024年 | 12460 | 3612 |
///
/// The smallest workbook Excel opens: content types, the package and workbook relationships,
/// `workbook.xml` and one sheet, text as inline strings (no shared strings, no styles). Stored,
/// not deflated, with fixed dates, as the `.docx` itself: the same chart gives the same bytes.
enum ChartWorkbook {
    static let sheet = "Sheet1"

    /// The column letters of column `index` (0 is A).
    static func column(_ index: Int) -> String {
        var index = index
        var letters = ""
        repeat {
            letters = String(UnicodeScalar(UInt8(65 + index % 26))) + letters
            index = index / 26 - 1
        } while index >= 0
        return letters
    }

    static func file(for chart: Chart) throws(DiagnosticError) -> [UInt8] {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let spreadsheetML = "application/vnd.openxmlformats-officedocument.spreadsheetml."
        let contentTypes = WordPackage.xmlDeclaration
            + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="\#(spreadsheetML)sheet.main+xml"/>"#
            + #"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="\#(spreadsheetML)worksheet+xml"/>"#
            + "</Types>"
        let packageRelationships = WordPackage.xmlDeclaration
            + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + #"<Relationship Id="rId1" Type="\#(WordPackage.relationshipType("officeDocument"))" Target="xl/workbook.xml"/>"#
            + "</Relationships>"
        let workbook = WordPackage.xmlDeclaration
            + #"<workbook xmlns="\#(main)" xmlns:r="\#(WordPackage.relationshipsNamespace)">"#
            + #"<sheets><sheet name="\#(sheet)" sheetId="1" r:id="rId1"/></sheets></workbook>"#
        let workbookRelationships = WordPackage.xmlDeclaration
            + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + #"<Relationship Id="rId1" Type="\#(WordPackage.relationshipType("worksheet"))" Target="worksheets/sheet1.xml"/>"#
            + "</Relationships>"
        return try DOCXPackage.archive([
            ("[Content_Types].xml", Array(contentTypes.utf8)),
            ("_rels/.rels", Array(packageRelationships.utf8)),
            ("xl/workbook.xml", Array(workbook.utf8)),
            ("xl/_rels/workbook.xml.rels", Array(workbookRelationships.utf8)),
            ("xl/worksheets/sheet1.xml", Array(worksheet(chart, namespace: main).utf8)),
        ])
    }

    /// The sheet: a header row, then a row per category.
    private static func worksheet(_ chart: Chart, namespace: String) -> String {
        var xml = WordPackage.xmlDeclaration + #"<worksheet xmlns="\#(namespace)"><sheetData>"#
        xml += #"<row r="1">"# + text(chart.categoryName, at: "A1")
        for (index, series) in chart.series.enumerated() {
            xml += text(series.label, at: column(index + 1) + "1")
        }
        xml += "</row>"
        for (point, category) in chart.categories.enumerated() {
            let row = point + 2
            xml += #"<row r="\#(row)">"# + text(category, at: "A\(row)")
            for (index, series) in chart.series.enumerated() {
                xml += #"<c r="\#(column(index + 1))\#(row)"><v>\#(DecimalText.plain(series.values[point]))</v></c>"#
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// A text cell, as an inline string (spaces at its ends kept).
    private static func text(_ text: String, at cell: String) -> String {
        let space = text.first?.isWhitespace == true || text.last?.isWhitespace == true ? #" xml:space="preserve""# : ""
        return #"<c r="\#(cell)" t="inlineStr"><is><t\#(space)>\#(XMLText.escaped(text))</t></is></c>"#
    }
}
