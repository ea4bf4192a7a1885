import Foundation
import HuiwenData
import HuiwenMarkdown
import Testing

/// Every problem a chart block can have is reported at its place in the Markdown (line and
/// column of the key or value at fault, or of the opening fence), with a did-you-mean for
/// names; the block then stays a code block, and nothing else of the document changes.
@Suite struct ChartErrorTests {
    /// The one problem of a chart block holding `spec`, after a paragraph and a blank line
    /// (so the fence is on line 3 and the spec starts on line 4).
    static func problem(_ spec: String, data: Value = ChartFixture.data) -> String {
        let problems = ChartFixture.problems("段落\n\n" + ChartFixture.block(spec), data: data)
        return problems.count == 1 ? problems[0] : "\(problems)"
    }

    static let base = "title: 标题\ndata: statistics.byYear\nx: year\n"

    @Test func anUnknownTypeIsAtItsValueWithTheNearestType() {
        #expect(Self.problem("type: bra\n\(Self.base)y: accidents")
            == "4:7: unknown chart type 'bra'; did you mean 'bar'? a chart is one of: bar, grouped, stacked, line, pie")
        #expect(Self.problem("type: donut\n\(Self.base)y: accidents")
            == "4:7: unknown chart type 'donut'; a chart is one of: bar, grouped, stacked, line, pie")
    }

    @Test func anUnknownKeyIsAtTheKeyWithTheNearestKey() {
        #expect(Self.problem("type: bar\ntitle: 标题\ndata: statistics.byYear\nx: year\ny: accidents\nuint: 起")
            == "9:1: unknown chart key 'uint'; did you mean 'unit'? (a chart has type, title, data, x, y, unit, sort, limit, note)")
    }

    @Test func aMissingKeyIsAtTheFence() {
        #expect(Self.problem("type: bar\ntitle: 标题\ndata: statistics.byYear\ny: accidents") == "3:1: the chart has no 'x'")
    }

    @Test func aMissingDataPathIsAtItsValueWithTheNearestKey() {
        #expect(Self.problem("type: bar\ntitle: 标题\ndata: statistics.byYaer\nx: year\ny: accidents")
            == "6:7: no 'byYaer' in 'statistics'; did you mean 'byYear'?")
        #expect(Self.problem("type: bar\ntitle: 标题\ndata: statistcs.byYear\nx: year\ny: accidents")
            == "6:7: no 'statistcs' in the data; did you mean 'statistics'?")
    }

    @Test func dataThatIsNotAListOfRowsIsAtItsValue() {
        #expect(Self.problem("type: bar\ntitle: 标题\ndata: statistics\nx: year\ny: accidents")
            == "6:7: 'statistics' is a map (data.yaml:2:3); a chart's data is a list of rows (maps)")
    }

    @Test func aMissingSeriesKeyIsAtTheSeriesWithTheNearestKey() {
        #expect(Self.problem("type: bar\n\(Self.base)y: acidents")
            == "8:4: row 1 (data.yaml:3:7) of 'statistics.byYear' has no 'acidents'; did you mean 'accidents'?")
        #expect(Self.problem("type: bar\ntitle: 标题\ndata: statistics.byYear\nx: yaer\ny: accidents")
            == "7:4: row 1 (data.yaml:3:7) of 'statistics.byYear' has no 'yaer'; did you mean 'year'?")
    }

    @Test func aValueThatIsNotANumberIsAtTheSeriesNamingWhereItIs() {
        #expect(Self.problem("type: bar\ntitle: 标题\ndata: text.rows\nx: name\ny: value")
            == "8:4: 'value' of row 1 (data.yaml:11:15) is \"多\" (data.yaml:11:32), not a number")
    }

    @Test func anInlineValueThatIsNotANumberIsAtTheValueItself() {
        let spec = "type: bar\ntitle: 标题\ndata:\n  - {地区: 长沙, 起数: 12}\n  - {地区: 株洲, 起数: 十二}\nx: 地区\ny: 起数"
        #expect(Self.problem(spec) == "8:18: '起数' of row 2 is \"十二\", not a number")
    }

    @Test func noRowsIsAnEmptySeries() {
        #expect(Self.problem("type: bar\ntitle: 标题\ndata: []\nx: a\ny: b") == "6:7: data has no rows: the chart has nothing to draw")
        let empty = Value.map(["empty": .list([])])
        #expect(Self.problem("type: bar\ntitle: 标题\ndata: empty\nx: a\ny: b", data: empty)
            == "6:7: 'empty' has no rows: the chart has nothing to draw")
        #expect(Self.problem("type: bar\n\(Self.base)y: []") == "8:1: 'y' names no series")
    }

    @Test func moreCategoriesThanFitIsAtTheData() {
        let rows = (1...40).map { "{名称: 第\($0)类企业, 数: \($0)}" }.joined(separator: ", ")
        #expect(Self.problem("type: bar\ntitle: 标题\ndata: [\(rows)]\nx: 名称\ny: 数")
            == "6:7: 40 categories do not fit a chart 156 mm wide: at most 22 do; use limit: 22 (with sort:) or fewer rows")
        let slices = (1...9).map { "{名称: 类\($0), 数: \($0)}" }.joined(separator: ", ")
        #expect(Self.problem("type: pie\ntitle: 标题\ndata: [\(slices)]\nx: 名称\ny: 数")
            == "6:7: a pie shows at most 8 parts, not 9; use limit: 7 (with sort: descending): the rest becomes one slice, 其他")
    }

    @Test func seriesATypeCannotDrawAreAtTheSeries() {
        #expect(Self.problem("type: bar\n\(Self.base)y: [accidents, deaths]")
            == "8:16: a bar chart draws one series; for 2 use type: grouped (side by side) or stacked")
        #expect(Self.problem("type: pie\ntitle: 标题\ndata: [{a: x, b: -1}, {a: y, b: 3}]\nx: a\ny: b")
            == "8:4: 'b' is -1 for x: a pie chart draws parts, which cannot be negative")
        let five = "[" + (1...5).map { "s\($0)" }.joined(separator: ", ") + "]"
        let row = "{a: x, " + (1...5).map { "s\($0): 1" }.joined(separator: ", ") + "}"
        #expect(Self.problem("type: grouped\ntitle: 标题\ndata: [\(row)]\nx: a\ny: \(five)")
            == "6:7: 5 series are more than a chart tells apart (at most 4)")
    }

    @Test func badSortLimitAndYAMLAreAtTheirPlaces() {
        #expect(Self.problem("type: bar\n\(Self.base)y: accidents\nsort: decending")
            == "9:7: unknown sort 'decending'; did you mean 'descending'? sort is one of: none, ascending, descending")
        #expect(Self.problem("type: bar\n\(Self.base)y: accidents\nlimit: 0") == "9:8: 'limit' is 0; it must be a whole number from 1 to 1000")
        #expect(Self.problem("type: bar\ntitle: [未闭合\n").hasPrefix("6:1: "))
        #expect(Self.problem("- 一\n- 二") == "3:1: the chart's spec is a list; it is a map with type, title, data, x and y (see README, “Charts”)")
    }

    @Test func aWrongTypeAndAWrongPathAreReportedTogether() {
        let markdown = "段落\n\n" + ChartFixture.block("type: bra\ntitle: 标题\ndata: statistics.byYaer\nx: year\ny: accidents")
        #expect(ChartFixture.problems(markdown) == [
            "4:7: unknown chart type 'bra'; did you mean 'bar'? a chart is one of: bar, grouped, stacked, line, pie",
            "6:7: no 'byYaer' in 'statistics'; did you mean 'byYear'?",
        ])
    }

    @Test func problemsInsideAListItemAreAtTheirColumns() {
        let markdown = "1. 第一项\n\n   ```chart\n   type: bra\n   ```\n"
        let problems = ChartFixture.problems(markdown)
        #expect(problems.first?.hasPrefix("4:10: unknown chart type 'bra'") == true, "\(problems)")
    }

    @Test func everyProblemOfABlockIsReportedAndTheBlockStaysCode() {
        let markdown = "段落\n\n" + ChartFixture.block("type: bra\ntitel: 标题\ndata: statistics.byYear\nx: year\ny: accidents")
        let rendered = ChartFixture.render(markdown)
        #expect(rendered.problems.count == 3, "\(rendered.problems)")
        #expect(rendered.html.contains(#"<pre><code class="language-chart">type: bra"#))
        #expect(rendered.blocks.last == .codeBlock(info: "chart", literal: "type: bra\ntitel: 标题\ndata: statistics.byYear\nx: year\ny: accidents\n"))
    }

    @Test func escapedTemplateValuesAreTheirTextInTheSpec() throws {
        // `{{title}}` with `a*b_c: d` merges as `a\*b\_c\: d`; the spec reads the value itself.
        let markdown = ChartFixture.block("type: bar\ntitle: \"a\\*b\\_c\\: d\"\ndata: [{k: x, v: 1}]\nx: k\ny: v")
        let start = try #require(markdown.range(of: "a\\*b"))
        let offset = markdown.utf8.distance(from: markdown.utf8.startIndex, to: start.lowerBound)
        let rendered = ChartFixture.render(markdown, literalRanges: [offset..<(offset + 11)])
        #expect(rendered.blocks == [.chart(Chart(
            kind: .bar, title: "a*b_c: d", categoryName: "k", categories: ["x"], series: [.init(label: "v", values: [1])]))])
        #expect(ChartFixture.render(markdown).problems.first?.message.contains("escape") == true)
    }
}
