import Foundation
import HuiwenData
import HuiwenMarkdown
import Testing

/// A chart block in a document: its figure takes the code block's place in the HTML and the
/// body tree, everything else stays as cmark-gfm renders it, and text from data stays text.
@Suite struct ChartDocumentTests {
    static let document = """
        ## 总体情况

        全省事故起数
        同比下降。

        ```chart
        type: grouped
        title: 同比
        data: statistics.byYear
        x: year
        y: [accidents, deaths]
        ```

        ```yaml
        chart: not this one
        ```

        - 其后的列表

        """

    @Test func theFigureReplacesTheCodeBlockAndTheRestOfTheHTMLIsUntouched() throws {
        let transforms = DocumentTransforms(numbering: .gongwen)
        let plain = MarkdownRenderer().document(from: Self.document, transforms: transforms)
        let drawn = ChartFixture.render(Self.document)
        let code = try #require(plain.html.range(of: #"<pre><code class="language-chart">"#))
        let codeEnd = try #require(plain.html.range(of: "</code></pre>\n", range: code.upperBound..<plain.html.endIndex))
        let figure = try #require(drawn.html.range(of: #"<figure class="chart"><svg "#))
        let figureEnd = try #require(drawn.html.range(of: "</figure>\n"))
        #expect(plain.html[..<code.lowerBound] == drawn.html[..<figure.lowerBound])
        #expect(plain.html[codeEnd.upperBound...] == drawn.html[figureEnd.upperBound...])
        #expect(drawn.problems.isEmpty && drawn.dataNames == ["statistics"])
    }

    @Test func theTreeHoldsTheChartInTheBlocksPlace() throws {
        let blocks = ChartFixture.render(Self.document).blocks
        #expect(blocks.count == 5)
        guard case .chart(let chart) = blocks[2] else {
            Issue.record("\(blocks[2])")
            return
        }
        #expect(chart == Chart(
            kind: .grouped, title: "同比", categoryName: "year", categories: ["2024年", "2025年"],
            series: [.init(label: "accidents", values: [12460, 8984]), .init(label: "deaths", values: [3612, 3009])]))
        #expect(chart.summary == "2024年：accidents12460，deaths3612；2025年：accidents8984，deaths3009。")
        #expect(blocks[3] == .codeBlock(info: "yaml", literal: "chart: not this one\n"))
    }

    @Test func theCategoriesCanBeNamedForTheWorkbook() {
        let spec = "type: bar\ntitle: 起数\ndata: statistics.byYear\nx: {key: year, label: 年份}\ny: {key: accidents, label: 事故起数, unit: 起}"
        let blocks = ChartFixture.render(ChartFixture.block(spec)).blocks
        #expect(blocks == [.chart(Chart(
            kind: .bar, title: "起数", categoryName: "年份", categories: ["2024年", "2025年"],
            series: [.init(label: "事故起数", unit: "起", values: [12460, 8984])]))])
        #expect(ChartFixture.problems(ChartFixture.block("type: bar\ntitle: t\ndata: statistics.byYear\nx: {lable: 年份}\ny: deaths"))
            == ["5:5: unknown key 'lable' in 'x'; did you mean 'label'? (x has key and label)", "5:4: 'x' needs its 'key': the name of each row's category"])
    }

    @Test func withoutAChartContextAChartBlockIsCode() {
        let rendered = MarkdownRenderer().document(from: Self.document, transforms: DocumentTransforms())
        #expect(!rendered.html.contains("<svg") && rendered.problems.isEmpty)
        #expect(MarkdownRenderer().html(from: Self.document).contains(#"<pre><code class="language-chart">"#))
    }

    @Test func chartsAreDrawnInSafeModeAndPastTagfilter() {
        // Safe mode omits raw HTML and tagfilter spoils <title>: neither touches the figure.
        let unsafe = MarkdownRenderer(options: MarkdownOptions(allowsRawHTML: true))
        for renderer in [MarkdownRenderer(), unsafe] {
            let html = renderer.document(from: Self.document, transforms: DocumentTransforms(), charts: ChartContext(data: ChartFixture.data)).html
            #expect(html.contains("<title id=\"chart-"))
            #expect(!html.contains("raw HTML omitted") && !html.contains("&lt;title"))
        }
    }

    /// Labels, titles, notes and units made to break out of text: every one stays text.
    static let hostile = [
        "<script>alert(1)</script>", "\"onload=\"alert(1)", "</text></svg><img src=x onerror=alert(1)>", "&amp;&lt;", "]]><x/>",
        "{{x}}", "<!-- c -->", "'\"><foreignObject>",
    ]

    @Test func hostileLabelsStayText() throws {
        let rows = Self.hostile.enumerated().map { index, label in
            Value.map(["label": .string(label), "n": .number(Decimal(index + 1)), "m": .number(Decimal(2 * index + 1))])
        }
        let data = Value.map(["rows": .list(Array(rows.prefix(8)))])
        for kind in Chart.Kind.allCases {
            let series = "{key: n, label: '<i>系列</i>', unit: '<u>'}"
            let y = kind == .grouped || kind == .stacked ? "[\(series), {key: m, label: '&lt;二&gt;', unit: '<u>'}]" : series
            let spec = "type: \(kind.rawValue)\ntitle: '<b>标题</b>'\ndata: rows\nx: label\ny: \(y)\nnote: '</figure><p>注'"
            let rendered = ChartFixture.render(ChartFixture.block(spec), data: data)
            #expect(rendered.problems.isEmpty, "\(rendered.problems)")
            let figure = try #require(SVGNode.parse(rendered.html.trimmingCharacters(in: .newlines)), "not well-formed: \(rendered.html)")
            let elements = Set(figure.all.map(\.name))
            #expect(elements.isSubset(of: Self.allowedElements), "\(kind): \(elements.subtracting(Self.allowedElements))")
            let attributes = Set(figure.all.flatMap(\.attributes.keys))
            #expect(attributes.isSubset(of: Self.allowedAttributes), "\(kind): \(attributes.subtracting(Self.allowedAttributes))")
            let texts = figure.all.map(\.text)
            for label in Self.hostile { #expect(texts.contains(where: { $0.contains(label) }), "\(kind): \(label) not shown as text") }
            #expect(texts.contains("<b>标题</b>") && texts.contains("</figure><p>注"))
            if kind == .grouped || kind == .stacked { #expect(texts.contains("&lt;二&gt;"), "\(kind): the legend's label as written") }
        }
    }

    static let allowedElements: Set<String> = [
        "figure", "svg", "title", "desc", "defs", "pattern", "g", "rect", "path", "line", "polyline", "circle", "text",
    ]
    static let allowedAttributes: Set<String> = [
        "class", "xmlns", "viewBox", "role", "aria-labelledby", "font-family", "font-size", "id", "x", "y", "width", "height",
        "x1", "y1", "x2", "y2", "cx", "cy", "r", "d", "points", "fill", "stroke", "stroke-width", "stroke-dasharray",
        "stroke-linejoin", "text-anchor", "transform", "patternUnits", "patternTransform",
    ]
}
