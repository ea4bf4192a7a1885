import Foundation
import HuiwenData
import HuiwenLayout
import HuiwenMarkdown
import Testing

/// Charts in the `.docx`: a native DrawingML chart part per chart, its figures cached and in
/// an embedded workbook that Word and WPS edit, an inline drawing in a paragraph of its own,
/// the note after it; the same bytes every time.
@Suite struct DOCXChartTests {
    static func package() throws -> DOCXPackageReader {
        let document = try LayoutFixture.document(
            DOCXFixture.outlineFrontMatter, body: DOCXSchemaFixture.charts, data: DOCXSchemaFixture.chartData).document
        return try DOCXPackageReader(DOCXWriter.file(for: document))
    }

    @Test func eachChartIsAPartWithItsWorkbookAndARelationship() throws {
        let package = try Self.package()
        for number in 1...5 {
            #expect(package.paths.contains("word/charts/chart\(number).xml"))
            #expect(package["word/charts/_rels/chart\(number).xml.rels"]?.contains(#"Target="../embeddings/chart\#(number).xlsx""#) == true)
            #expect(package.paths.contains("word/embeddings/chart\(number).xlsx"))
            #expect(package["[Content_Types].xml"]?.contains(
                #"<Override PartName="/word/charts/chart\#(number).xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>"#) == true)
            #expect(package["word/_rels/document.xml.rels"]?.contains(
                #"<Relationship Id="rIdChart\#(number)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart\#(number).xml"/>"#) == true)
        }
        #expect(package["[Content_Types].xml"]?.contains(#"<Default Extension="xlsx""#) == true)
        #expect(package.paths.filter { $0.hasPrefix("word/charts/chart") }.count == 5)
    }

    @Test func aBarChartCachesItsCategoriesAndValuesAndSetsThePagesTicks() throws {
        let chart = try #require(try Self.package()["word/charts/chart1.xml"])
        #expect(chart.contains(#"<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>"#))
        #expect(chart.components(separatedBy: "<c:ser>").count - 1 == 1)
        #expect(chart.contains("<c:v>各地&lt;增减&gt;</c:v>") || chart.contains("<a:t>各地&lt;增减&gt;</a:t>"))
        #expect(chart.contains(#"<c:f>Sheet1!$A$2:$A$6</c:f><c:strCache><c:ptCount val="5"/><c:pt idx="0"><c:v> 长沙 </c:v></c:pt>"#))
        #expect(chart.contains(#"<c:pt idx="2"><c:v>湘潭&quot;&amp;&lt;</c:v></c:pt>"#))
        #expect(chart.contains(#"<c:f>Sheet1!$B$2:$B$6</c:f>"#))
        let values = ["-3", "7", "4", "8", "2"].enumerated().map { #"<c:pt idx="\#($0.offset)"><c:v>\#($0.element)</c:v></c:pt>"# }.joined()
        #expect(chart.contains(values))
        #expect(chart.contains(#"<c:numFmt formatCode="General&quot;起&quot;" sourceLinked="0"/>"#))
        // The page's round ticks: -5 … 10 by 2.5.
        #expect(chart.contains(#"<c:max val="10"/><c:min val="-5"/>"#) && chart.contains(#"<c:majorUnit val="2.5"/>"#))
        #expect(chart.contains(#"<c:externalData r:id="rId1">"#))
        #expect(!chart.contains("<c:legend>"), "one series needs no legend")
    }

    @Test func stackedBarsOverlapAndTheThirdSeriesIsHatched() throws {
        let chart = try #require(try Self.package()["word/charts/chart3.xml"])
        #expect(chart.contains(#"<c:grouping val="stacked"/>"#) && chart.contains(#"<c:overlap val="100"/>"#))
        #expect(chart.components(separatedBy: "<c:ser>").count - 1 == 3)
        #expect(chart.contains(#"<a:pattFill prst="wdUpDiag">"#))
        #expect(chart.contains(#"<c:legend><c:legendPos val="t"/>"#))
    }

    @Test func linesDifferInDashAndMarker() throws {
        let chart = try #require(try Self.package()["word/charts/chart4.xml"])
        #expect(chart.contains(#"<c:lineChart><c:grouping val="standard"/>"#))
        for (dash, marker) in zip(["solid", "dash", "sysDot", "lgDashDot"], ["circle", "square", "triangle", "diamond"]) {
            #expect(chart.contains(#"<a:prstDash val="\#(dash)"/>"#) && chart.contains(#"<c:symbol val="\#(marker)"/>"#))
        }
        #expect(chart.contains(#"<c:numFmt formatCode="General&quot;人&quot;" sourceLinked="0"/>"#))
    }

    @Test func aPieLabelsEachSliceWithNameValueAndShare() throws {
        let chart = try #require(try Self.package()["word/charts/chart5.xml"])
        #expect(chart.contains(#"<c:pieChart><c:varyColors val="1"/>"#))
        #expect(chart.components(separatedBy: "<c:dPt>").count - 1 == 5)
        #expect(chart.contains(#"<c:showVal val="1"/><c:showCatName val="1"/><c:showSerName val="0"/><c:showPercent val="1"/>"#))
        #expect(!chart.contains("<c:valAx>") && !chart.contains("<c:catAx>"))
    }

    @Test func theEmbeddedWorkbookHoldsTheChartsData() throws {
        let package = try Self.package()
        let workbook = try #require(package.entries.first { $0.path == "word/embeddings/chart2.xlsx" })
        let rows = try XLSXReader().read(workbook.data, path: "chart2.xlsx")
        let items = try #require(rows.listItems)
        #expect(items.count == 5)
        #expect(items[1]["name"]?.stringValue == "株洲" && items[1]["a"]?.numberValue == 7 && items[1]["b"]?.numberValue == 2)
        #expect(items[0]["name"]?.stringValue == " 长沙 " && items[0]["a"]?.numberValue == -3)
        #expect(items[2]["name"]?.stringValue == "湘潭\"&<")
    }

    @Test func theDrawingIsInlineInAChartParagraphAndTheNoteFollows() throws {
        let document = try #require(try Self.package()["word/document.xml"])
        #expect(document.components(separatedBy: "<wp:inline ").count - 1 == 5)
        // 156 mm wide; as tall as whole grid lines (579 tw a line, 635 EMU a twip).
        let heights = document.components(separatedBy: #"<wp:extent cx="5616000" cy=""#).dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        #expect(heights.count == 5 && heights.allSatisfy { $0 % (579 * 635) == 0 })
        #expect(document.contains(#"<wp:docPr id="2" name="图表 2" descr="同比： 长沙 ：a-3，b5；株洲：a7，b2；"#))
        #expect(document.contains(#"<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdChart2"/>"#))
        let paragraphs = WordParagraphReader.paragraphs(of: document)
        #expect(paragraphs.filter { $0.style == "Chart" }.count == 5)
        #expect(paragraphs.contains(WordParagraphReader.Paragraph(style: "ChartNote", text: "注：两组 & 比较。")))
        // The chart in a list item is indented with the item.
        #expect(document.contains(#"<w:pStyle w:val="Chart"/><w:ind w:left="#))
    }

    @Test func theFileIsTheSameEveryTime() throws {
        #expect(try Self.package().bytes == Self.package().bytes)
    }
}
