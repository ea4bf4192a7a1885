import HuiwenText

/// Draws a `Chart` as SVG: a value built here (`SVGElement`), written as markup with every
/// text escaped. No script, no external file, no style sheet: text is `<text>` in the page's
/// fonts (selectable and searchable), the chart has a `<title>` and a `<desc>` holding its
/// figures in words.
///
/// The drawing is 442.2 units wide, which is 156 mm (the GB/T 9704 text block) in points, so at
/// the block's width one unit is one point: labels are 10.5 pt (五号), values 9 pt. Its height
/// is a whole number of the page's lines (28.95 pt), so the text after it stays on the grid.
/// Colours differ in lightness as well as in hue, the third series is hatched, and lines
/// differ in dashes and markers: the chart reads in black-and-white print too.
///
/// ```swift
/// let svg = try ChartSVG.markup(for: chart)   // "<svg xmlns=… viewBox=\"0 0 442.2 260.55\" …>"
/// ```
public enum ChartSVG {
    static let width = 442.2
    static let linePitch = 28.95
    static let margin = 4.0
    static let titleSize = 12.0
    static let labelSize = 10.5
    static let valueSize = 9.0
    static let noteSize = 9.0
    static let lineHeight = 1.3
    /// Series a bar or line chart tells apart (four fills, four dash patterns).
    static let maximumSeries = 4
    /// Slices of a pie, each labelled beside it.
    static let maximumSlices = 8
    static let fontFamily =
        "仿宋_GB2312, FangSong_GB2312, 仿宋, FangSong, STFangsong, FandolFang, 'Noto Serif CJK SC', serif"
    static let titleFontFamily = "黑体, SimHei, STHeiti, 'Noto Sans CJK SC', FandolHei, sans-serif"

    /// The chart's SVG markup; throws when its categories, series or labels do not fit 156 mm.
    public static func markup(for chart: Chart) throws(ChartDoesNotFit) -> String {
        try element(for: chart).markup
    }

    /// How many of the page's lines (28.95 pt) the chart takes at 156 mm wide: what a writer
    /// of another format gives it to keep the text after it on the grid.
    public static func lineCount(for chart: Chart) throws(ChartDoesNotFit) -> Int {
        let box = try element(for: chart).attributes.first { $0.name == "viewBox" }?.value.split(separator: " ")
        let height = box.flatMap { $0.count == 4 ? Double($0[3]) : nil } ?? linePitch
        return Int((height / linePitch).rounded())
    }

    /// The HTML that stands for a chart block in a page: the SVG in a `<figure>`.
    public static func figure(for chart: Chart) throws(ChartDoesNotFit) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(16_384)
        output += #"<figure class="chart">"#.utf8
        try element(for: chart).write(into: &output)
        output += "</figure>".utf8
        return String(decoding: output, as: UTF8.self)
    }

    static func element(for chart: Chart) throws(ChartDoesNotFit) -> SVGElement {
        guard chart.series.count <= maximumSeries else {
            throw ChartDoesNotFit("\(chart.series.count) series are more than a chart tells apart (at most \(maximumSeries))")
        }
        let id = identifier(of: chart)
        var parts: [SVGElement] = []
        var top = margin

        let titleLines = ChartText.lines(chart.title, width: width - 2 * margin, size: titleSize, maximumLines: 3) ?? [chart.title]
        for line in titleLines {
            top += titleSize * lineHeight
            var title = text(line, x: width / 2, y: top - 0.3 * titleSize, size: titleSize, anchor: "middle", className: "chart-title")
            title.set("font-family", titleFontFamily)
            parts.append(title)
        }
        top += 4
        if chart.kind != .pie, chart.series.count > 1 {
            let legend = self.legend(of: chart, top: top, id: id)
            parts += legend.elements
            top += legend.height + 2
        }

        let noteLines = chart.note.isEmpty
            ? [] : ChartText.lines(chart.note, width: width - 2 * margin, size: noteSize, maximumLines: 6) ?? [chart.note]
        let noteHeight = noteLines.isEmpty ? 0 : Double(noteLines.count) * noteSize * lineHeight + 4

        let body: any ChartBody = chart.kind == .pie ? try PieBody(chart) : try AxesBody(chart)
        let natural = top + body.naturalHeight + noteHeight + margin
        let height = (natural / linePitch - 0.001).rounded(.up) * linePitch
        parts += body.draw(top: top, height: body.naturalHeight + height - natural, id: id)

        var baseline = height - margin - noteHeight + 4
        for line in noteLines {
            baseline += noteSize * lineHeight
            parts.append(text(line, x: margin, y: baseline - 0.3 * noteSize, size: noteSize, className: "chart-note"))
        }

        var svg = SVGElement("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "class": "chart", "width": "100%",
            "viewBox": "0 0 \(SVGNumber.text(width)) \(SVGNumber.text(height))",
            "role": "img", "aria-labelledby": "\(id)-title \(id)-desc", "font-family": fontFamily,
            "font-size": SVGNumber.text(labelSize),
        ])
        svg.append(SVGElement("title", ["id": "\(id)-title"], text: chart.title))
        svg.append(SVGElement("desc", ["id": "\(id)-desc"], text: chart.summary))
        if body.usesHatch { svg.append(hatchPattern(id: id)) }
        svg.append(contentsOf: parts)
        return svg
    }

    // MARK: Legend

    /// One swatch and label per series, centred in rows as wide as the chart.
    private static func legend(of chart: Chart, top: Double, id: String) -> (elements: [SVGElement], height: Double) {
        let swatch = chart.kind == .line ? 18.0 : 10.0
        let items = chart.series.map { swatch + 4 + ChartText.width($0.label, size: labelSize) }
        let rowHeight = labelSize * lineHeight + 2
        var rows: [[Int]] = [[]]
        var rowWidth = 0.0
        for (index, itemWidth) in items.enumerated() {
            if !rows[rows.count - 1].isEmpty, rowWidth + 14 + itemWidth > width - 2 * margin {
                rows.append([])
                rowWidth = 0
            }
            rowWidth += (rows[rows.count - 1].isEmpty ? 0 : 14) + itemWidth
            rows[rows.count - 1].append(index)
        }
        var elements: [SVGElement] = []
        for (rowIndex, row) in rows.enumerated() {
            let total = row.map { items[$0] }.reduce(0, +) + Double(row.count - 1) * 14
            var x = (width - total) / 2
            let middle = top + Double(rowIndex) * rowHeight + rowHeight / 2
            for index in row {
                var group = SVGElement("g", ["class": "legend-item"])
                if chart.kind == .line {
                    group.append(contentsOf: LineStyle(index).sample(x: x, y: middle, length: swatch))
                } else {
                    var box = SVGElement("rect", [
                        "x": SVGNumber.text(x), "y": SVGNumber.text(middle - 5), "width": "10", "height": "10",
                    ])
                    BarStyle(index).paint(&box, id: id)
                    group.append(box)
                }
                group.append(text(chart.series[index].label, x: x + swatch + 4, y: middle + 0.35 * labelSize, className: "legend"))
                elements.append(group)
                x += items[index] + 14
            }
        }
        return (elements, Double(rows.count) * rowHeight)
    }

    // MARK: Pieces

    /// A `<text>` at a baseline point; without a size or an anchor it takes its group's (the
    /// chart's size is the labels', 10.5).
    static func text(
        _ string: String, x: Double, y: Double, size: Double? = nil, anchor: String? = nil, className: String
    ) -> SVGElement {
        var element = SVGElement("text", ["class": className, "x": SVGNumber.text(x), "y": SVGNumber.text(y)], text: string)
        if let size { element.set("font-size", SVGNumber.text(size)) }
        if let anchor { element.set("text-anchor", anchor) }
        return element
    }

    /// The third series' fill: dark diagonal lines on white.
    private static func hatchPattern(id: String) -> SVGElement {
        SVGElement("defs", [:], [
            .element(SVGElement(
                "pattern",
                ["id": "\(id)-hatch", "width": "4", "height": "4", "patternUnits": "userSpaceOnUse", "patternTransform": "rotate(45)"],
                [
                    .element(SVGElement("rect", ["width": "4", "height": "4", "fill": "#fff"])),
                    .element(SVGElement("path", ["d": "M1 0V4", "stroke": BarStyle.dark, "stroke-width": "1.6"])),
                ])),
        ])
    }

    /// An id for the chart's `<title>`, `<desc>` and pattern, from its content (FNV-1a): the
    /// same chart gets the same id on every run; two charts of one page differ.
    static func identifier(of chart: Chart) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            hash ^= 0xff
            hash = hash &* 0x0000_0100_0000_01b3
        }
        add(chart.kind.rawValue)
        add(chart.title)
        add(chart.note)
        chart.categories.forEach(add)
        for series in chart.series {
            add(series.label)
            add(series.unit)
            series.values.forEach { add(DecimalText.plain($0)) }
        }
        let hex = String(hash & 0xffff_ffff, radix: 16)
        return "chart-" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}

/// A chart that cannot be drawn 156 mm wide: too many categories for their labels or values,
/// too many series or slices, pie labels too long. The message says what fits.
public struct ChartDoesNotFit: Error, Sendable, Hashable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}

/// The part of a chart below its title and legend: axes with bars or lines, or a pie.
protocol ChartBody {
    /// The height it takes at its natural size; `draw` may be given more.
    var naturalHeight: Double { get }
    /// Whether it fills something with the hatch pattern.
    var usesHatch: Bool { get }
    func draw(top: Double, height: Double, id: String) -> [SVGElement]
}
