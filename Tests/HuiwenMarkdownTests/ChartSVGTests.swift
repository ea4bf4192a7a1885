import Foundation
import HuiwenData
import HuiwenMarkdown
import Testing

/// The SVG of every chart type: how many bars, points or slices, which labels, which values
/// (with their units), which ticks; and what every chart has (title, description, size).
@Suite struct ChartSVGTests {
    static let sectors = "data: sectors\nx: name\n"

    @Test func aBarChartHasABarALabelAndAValuePerCategoryAndRoundTicks() throws {
        let svg = try #require(ChartFixture.svg(ChartFixture.block("type: bar\ntitle: 各行业事故起数\n\(Self.sectors)y: accidents\nunit: 起")))
        #expect(svg.nodes("bar").count == 5)
        #expect(svg.texts("category") == ["煤矿", "道路交通", "非煤矿山", "危险化学品", "烟花爆竹"])
        #expect(svg.texts("value") == ["120起", "5210起", "88起", "35起", "60起"])
        #expect(svg.texts("tick") == ["0", "2000", "4000", "6000"])
        #expect(svg.texts("unit") == ["单位：起"])
        #expect(svg.nodes("legend-item").isEmpty, "one series needs no legend")
        // Taller bars for larger values, all standing on the axis.
        let bars = svg.nodes("bar")
        #expect(bars[1].number("height") > bars[0].number("height"))
        let feet = bars.map { $0.number("y") + $0.number("height") }
        #expect((feet.max() ?? 0) - (feet.min() ?? 0) < 0.02)
    }

    @Test func aGroupedChartHasABarPerSeriesInEachCategoryAndALegend() throws {
        let spec = "type: grouped\ntitle: 同比\ndata: statistics.byYear\nx: year\ny:\n  - {key: accidents, label: 事故起数, unit: 起}\n  - {key: deaths, label: 死亡人数, unit: 人}\n"
        let svg = try #require(ChartFixture.svg(ChartFixture.block(spec)))
        #expect(svg.nodes("bar").count == 4)
        #expect(svg.texts("legend") == ["事故起数", "死亡人数"])
        #expect(svg.texts("category") == ["2024年", "2025年"])
        #expect(svg.texts("value") == ["12460起", "8984起", "3612人", "3009人"])
        #expect(svg.texts("tick") == ["0", "2500", "5000", "7500", "10000", "12500"])
        #expect(svg.texts("unit").isEmpty, "two units: no common caption")
        // The two series differ in lightness, not only in hue.
        let fills = svg.nodes("series").map { $0.attributes["fill"] ?? "" }
        #expect(fills == ["#1f3864", "#9dc3e6"])
    }

    @Test func aStackedChartStacksTheSeriesAndWritesEachTotal() throws {
        let spec = "type: stacked\ntitle: 事故和死亡\n\(Self.sectors)y: [accidents, deaths]\nunit: 起\n"
        let svg = try #require(ChartFixture.svg(ChartFixture.block(spec)))
        let series = svg.nodes("series")
        #expect(series.count == 2 && series.allSatisfy { $0.nodes("bar").count == 5 })
        #expect(svg.texts("total") == ["165起", "7030起", "119起", "47起", "82起"])
        // A part sits on the part below it.
        let below = series[0].nodes("bar")[1]
        let above = series[1].nodes("bar")[1]
        #expect(abs(above.number("y") + above.number("height") - below.number("y")) < 0.02)
        // Parts too thin for their figure leave it to the description; the tall ones show it.
        #expect(svg.texts("value").contains("5210起"))
        #expect(svg.texts("tick") == ["0", "2000", "4000", "6000", "8000"])
    }

    @Test func aLineChartHasALinePerSeriesAMarkerAndAValueAtEachPoint() throws {
        let spec = "type: line\ntitle: 趋势\n\(Self.sectors)y:\n  - {key: accidents, label: 事故起数}\n  - {key: deaths, label: 死亡人数}\nunit: 起\n"
        let svg = try #require(ChartFixture.svg(ChartFixture.block(spec)))
        #expect(svg.nodes("series-line").count == 2 + 2, "two lines and their two legend samples")
        #expect(svg.nodes("series").flatMap { $0.nodes("marker") }.count == 10)
        #expect(svg.texts("value").count == 10)
        #expect(svg.texts("legend") == ["事故起数", "死亡人数"])
        // Dashes tell the lines apart in black and white.
        let lines = svg.nodes("series").compactMap { $0.nodes("series-line").first }
        #expect(lines[0].attributes["stroke-dasharray"] == nil && lines[1].attributes["stroke-dasharray"] == "6 3")
        let points = try #require(lines[0].attributes["points"]).split(separator: " ")
        #expect(points.count == 5)
    }

    @Test func valuesOfCloseLinePointsDoNotCoverEachOther() throws {
        let rows = "[{k: 2024年, a: 1867, b: 880, c: 567}, {k: 2025年, a: 1328, b: 630, c: 451}, {k: 2026年, a: 600, b: 590, c: 585}]"
        let svg = try #require(ChartFixture.svg(ChartFixture.block("type: line\ntitle: 三市\ndata: \(rows)\nx: k\ny: [a, b, c]\nunit: 起")))
        let values = svg.nodes("value")
        #expect(values.count == 9)
        for x in Set(values.map { $0.number("x") }) {
            let ys = values.filter { $0.number("x") == x }.map { $0.number("y") }.sorted()
            for (upper, lower) in zip(ys, ys.dropFirst()) { #expect(lower - upper >= 9, "at \(x): \(ys)") }
        }
    }

    @Test func aPieHasASliceAndALabelWithValueAndSharePerCategory() throws {
        let spec = "type: pie\ntitle: 事故起数构成\n\(Self.sectors)y: accidents\nunit: 起\n"
        let svg = try #require(ChartFixture.svg(ChartFixture.block(spec)))
        #expect(svg.nodes("slice").count == 5)
        #expect(svg.texts("category") == ["煤矿", "道路交通", "非煤矿山", "危险化学品", "烟花爆竹"])
        #expect(svg.texts("value") == ["120起（2.2%）", "5210起（94.5%）", "88起（1.6%）", "35起（0.6%）", "60起（1.1%）"])
        #expect(svg.nodes("leader").count == 5)
        #expect(svg.nodes("tick").isEmpty && svg.nodes("legend-item").isEmpty)
        // No two labels of one side overlap, however thin their slices.
        let labels = svg.nodes("labels").first?.children.filter { $0.name == "text" } ?? []
        for side in ["start", "end"] {
            let ys = labels.filter { $0.attributes["text-anchor"] == side }.map { $0.number("y") }.sorted()
            for (a, b) in zip(ys, ys.dropFirst()) { #expect(b - a >= 10.5, "\(side): \(ys)") }
        }
    }

    @Test func aPieWithALimitSumsTheRestAsOneSlice() throws {
        let svg = try #require(ChartFixture.svg(ChartFixture.block("type: pie\ntitle: 构成\n\(Self.sectors)y: accidents\nsort: descending\nlimit: 2")))
        #expect(svg.texts("category") == ["道路交通", "煤矿", "其他"])
        #expect(svg.texts("value") == ["5210（94.5%）", "120（2.2%）", "183（3.3%）"])
    }

    @Test func aPieOfOneWholeIsACircle() throws {
        let svg = try #require(ChartFixture.svg(ChartFixture.block("type: pie\ntitle: 全部\ndata: [{name: 全省, n: 3}]\nx: name\ny: n")))
        #expect(svg.nodes("slice").map(\.name) == ["circle"])
        #expect(svg.texts("value") == ["3（100.0%）"])
    }

    @Test(arguments: Chart.Kind.allCases) func everyChartHasATitleADescriptionAndAHeightOfWholeLines(_ kind: Chart.Kind) throws {
        let y = kind == .bar || kind == .pie ? "accidents" : "[accidents, deaths]"
        let svg = try #require(ChartFixture.svg(ChartFixture.block("type: \(kind.rawValue)\ntitle: 标题\n\(Self.sectors)y: \(y)\nnote: 资料来源：测试")))
        #expect(svg.name == "svg" && svg.attributes["role"] == "img")
        let title = try #require(svg.children.first { $0.name == "title" })
        let desc = try #require(svg.children.first { $0.name == "desc" })
        #expect(title.text == "标题")
        #expect(desc.text.hasPrefix("煤矿：") && desc.text.contains("道路交通：") && desc.text.hasSuffix("。"))
        #expect(svg.attributes["aria-labelledby"] == "\(title.attributes["id"] ?? "") \(desc.attributes["id"] ?? "")")
        #expect(svg.texts("chart-title") == ["标题"] && svg.texts("chart-note") == ["资料来源：测试"])
        // 442.2 wide (156 mm in points); as tall as a whole number of 28.95 pt lines.
        let box = try #require(svg.attributes["viewBox"]).split(separator: " ").compactMap { Double($0) }
        #expect(box.count == 4 && box[2] == 442.2)
        let lines = box[3] / 28.95
        #expect(abs(lines - lines.rounded()) < 0.001, "height \(box[3])")
        // Everything drawn inside the box.
        for node in svg.all where node.name == "text" && node.attributes["transform"] == nil {
            #expect(node.number("x") >= 0 && node.number("x") <= 442.2 && node.number("y") > 0 && node.number("y") <= box[3])
        }
        #expect(svg.all.allSatisfy { $0.name != "script" && $0.name != "style" && $0.name != "foreignObject" })
    }

    @Test func ticksAreRoundForSmallNegativeAndFractionalValues() throws {
        func ticks(_ values: [String]) throws -> [String] {
            let rows = values.enumerated().map { "{k: c\($0.offset), v: \($0.element)}" }.joined(separator: ", ")
            let svg = try #require(ChartFixture.svg(ChartFixture.block("type: bar\ntitle: t\ndata: [\(rows)]\nx: k\ny: v")))
            return svg.texts("tick")
        }
        #expect(try ticks(["0.3", "0.12"]) == ["0", "0.1", "0.2", "0.3"])
        #expect(try ticks(["-12", "30"]) == ["-20", "-10", "0", "10", "20", "30"])
        #expect(try ticks(["86.3", "48.0"]) == ["0", "20", "40", "60", "80", "100"])
        #expect(try ticks(["0", "0"]) == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
        #expect(try ticks(["7"]) == ["0", "2", "4", "6", "8"])
    }

    @Test func sortAndLimitChooseAndOrderTheCategories() throws {
        let svg = try #require(ChartFixture.svg(ChartFixture.block("type: bar\ntitle: 前三\n\(Self.sectors)y: accidents\nsort: descending\nlimit: 3")))
        #expect(svg.texts("category") == ["道路交通", "煤矿", "非煤矿山"])
        let ascending = try #require(ChartFixture.svg(ChartFixture.block("type: bar\ntitle: 少\n\(Self.sectors)y: deaths\nsort: ascending\nlimit: 2")))
        #expect(ascending.texts("category") == ["危险化学品", "烟花爆竹"])
    }

    /// The width the chart reckons a label takes: a Chinese character one em, others 0.55.
    static func width(_ text: String, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 1 : 0.55) } * size
    }

    /// Category labels of every count that fits and of several lengths, Chinese and not: they
    /// are set on one line, wrapped or turned, never overlapping; past what fits, the chart is
    /// refused rather than drawn with labels on top of each other.
    @Test(arguments: ["煤矿", "危险化学品企业", "湘西土家族苗族自治州人民政府", "Route 66 段", "2025年第一季度"])
    func categoryLabelsNeverOverlap(_ stem: String) throws {
        var drawn = 0
        for count in 1...30 {
            let rows = (1...count).map { "{k: '\(stem)\($0)', v: \($0)}" }.joined(separator: ", ")
            let markdown = ChartFixture.block("type: bar\ntitle: t\ndata: [\(rows)]\nx: k\ny: v")
            guard let svg = ChartFixture.svg(markdown) else {
                #expect(ChartFixture.render(markdown).problems.first?.message.contains("do not fit") == true, "\(stem) × \(count)")
                continue
            }
            drawn += 1
            let labels = svg.nodes("category")
            let size = 10.5
            if labels.allSatisfy({ $0.attributes["transform"] != nil }) {
                // Turned 45°: neighbours are (distance × sin 45°) apart, at least a line.
                let xs = labels.map { $0.number("x") }
                for (a, b) in zip(xs, xs.dropFirst()) { #expect((b - a) * 0.7071 >= size * 1.2, "\(stem) × \(count)") }
                // The first reaches down and left without leaving the chart.
                #expect(xs[0] - Self.width(labels[0].text, size: size) * 0.7071 >= 0, "\(stem) × \(count)")
            } else {
                // On lines: each line of a label within its share of the axis.
                let lines = labels.map { (x: $0.number("x"), y: $0.number("y"), width: Self.width($0.text, size: size)) }
                for (a, b) in zip(lines, lines.dropFirst()) where abs(a.y - b.y) < 1 && b.x > a.x {
                    #expect(a.x + a.width / 2 < b.x - b.width / 2, "\(stem) × \(count): '\(a)' and '\(b)'")
                }
                #expect(lines.allSatisfy { $0.x - $0.width / 2 >= 0 && $0.x + $0.width / 2 <= 442.2 })
            }
        }
        // Even labels of 16 characters fit 18 to a chart.
        #expect(drawn >= 18, "\(stem): only \(drawn) counts drawn")
    }

    @Test func drawingIsDeterministic() {
        let markdown = ChartFixture.block("type: grouped\ntitle: 同比\ndata: statistics.byYear\nx: year\ny: [accidents, deaths]")
        let first = ChartFixture.render(markdown)
        #expect(first.html.contains("<svg"))
        for _ in 0..<3 { #expect(ChartFixture.render(markdown) == first) }
    }
}
