import Foundation
import HuiwenText

/// A pie: slices clockwise from twelve o'clock in the data's order, each labelled beside it
/// (its name, its value and its share of the whole) with a leader line, so no legend is needed.
/// Labels on one side are moved apart until none touches another.
struct PieBody: ChartBody {
    let chart: Chart
    let radius: Double
    /// Each slice's label lines: the name (wrapped to three lines at most), then value and share.
    let labels: [[String]]
    let shares: [String]

    static let maximumRadius = 92.0
    static let minimumRadius = 40.0
    static let gap = 16.0
    static let nameWidth = 120.0

    var usesHatch: Bool { Self.fills.prefix(chart.categories.count).contains(nil) }
    var naturalHeight: Double { 2 * radius + 36 }

    init(_ chart: Chart) throws(ChartDoesNotFit) {
        self.chart = chart
        let count = chart.categories.count
        guard count <= ChartSVG.maximumSlices else {
            throw ChartDoesNotFit(
                "a pie shows at most \(ChartSVG.maximumSlices) parts, not \(count); use limit: \(ChartSVG.maximumSlices - 1) (with sort: descending): the rest becomes one slice, 其他")
        }
        let series = chart.series[0]
        let total = series.values.reduce(0, +)
        shares = series.values.map { Self.percent($0, of: total) }
        var labels: [[String]] = []
        for (index, name) in chart.categories.enumerated() {
            let nameLines = ChartText.lines(name, width: Self.nameWidth, size: ChartSVG.labelSize, maximumLines: 3)
                ?? [name]
            labels.append(nameLines + [Chart.text(of: series.values[index], unit: series.unit) + "（" + shares[index] + "）"])
        }
        self.labels = labels
        let widest = labels.flatMap { $0 }.map { ChartText.width($0, size: ChartSVG.labelSize) }.max() ?? 0
        let room = ChartSVG.width / 2 - ChartSVG.margin - Self.gap - 4 - widest
        guard room >= Self.minimumRadius else {
            throw ChartDoesNotFit("the pie's labels are too long to sit beside it in 156 mm; shorten the names")
        }
        radius = min(Self.maximumRadius, room)
    }

    /// `value` as a share of `total`: one decimal, half up, as the `percent` helper writes it.
    static func percent(_ value: Decimal, of total: Decimal) -> String {
        guard total != 0 else { return "0%" }
        var exact = value * 100 / total
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 1, .plain)
        var text = DecimalText.plain(rounded)
        if !text.contains(".") { text += ".0" }
        return text + "%"
    }

    func draw(top: Double, height: Double, id: String) -> [SVGElement] {
        let cx = ChartSVG.width / 2
        let cy = top + height / 2
        let series = chart.series[0]
        let total = ChartScale.double(series.values.reduce(0, +))
        var slices = SVGElement("g", ["class": "series", "stroke": "#fff", "stroke-width": "1"])
        var angles: [Double] = []
        var start = 0.0
        for (index, value) in series.values.enumerated() {
            let sweep = total == 0 ? 0 : ChartScale.double(value) / total * 2 * Double.pi
            var slice: SVGElement
            if sweep >= 2 * Double.pi - 1e-9 {
                slice = SVGElement("circle", ["class": "slice", "cx": SVGNumber.text(cx), "cy": SVGNumber.text(cy), "r": SVGNumber.text(radius)])
            } else {
                let (x0, y0) = point(cx, cy, radius, start)
                let (x1, y1) = point(cx, cy, radius, start + sweep)
                let d = "M\(SVGNumber.text(cx)) \(SVGNumber.text(cy))L\(SVGNumber.text(x0)) \(SVGNumber.text(y0))"
                    + "A\(SVGNumber.text(radius)) \(SVGNumber.text(radius)) 0 \(sweep > Double.pi ? 1 : 0) 1 \(SVGNumber.text(x1)) \(SVGNumber.text(y1))Z"
                slice = SVGElement("path", ["class": "slice", "d": d])
            }
            slice.set("fill", Self.fills[index % Self.fills.count] ?? "url(#\(id)-hatch)")
            slices.append(slice)
            angles.append(start + sweep / 2)
            start += sweep
        }
        var elements = [slices]
        var outline = SVGElement("circle", ["cx": SVGNumber.text(cx), "cy": SVGNumber.text(cy), "r": SVGNumber.text(radius)])
        outline.set("fill", "none")
        outline.set("stroke", BarStyle.dark)
        outline.set("stroke-width", "0.6")
        elements.append(outline)
        elements += self.labels(angles: angles, cx: cx, cy: cy, top: top, bottom: top + height)
        return elements
    }

    /// Slices alternate dark and light so that neighbours differ in print; the fourth is hatched.
    static let fills = ChartPalette.pieFills.map { $0.map { "#" + $0.lowercased() } }

    private func point(_ cx: Double, _ cy: Double, _ r: Double, _ angle: Double) -> (Double, Double) {
        (cx + r * sin(angle), cy - r * cos(angle))
    }

    /// The labels, right of the pie for slices on its right half and left for the others, each
    /// side spread so that no two labels touch, with a leader to its slice.
    private func labels(angles: [Double], cx: Double, cy: Double, top: Double, bottom: Double) -> [SVGElement] {
        let lineHeight = ChartSVG.labelSize * ChartSVG.lineHeight
        var placed: [(index: Int, y: Double)] = []
        for right in [true, false] {
            let side = angles.indices.filter { (sin(angles[$0]) >= -1e-9) == right }
                .map { (index: $0, y: cy - (radius + 12) * cos(angles[$0]) - Double(labels[$0].count) * lineHeight / 2) }
                .sorted { $0.y < $1.y }
            // Top edges, pushed down past the label above, then the whole column pulled up
            // if it ran past the bottom.
            var tops: [Double] = []
            for (position, label) in side.enumerated() {
                let floor = position == 0 ? top : tops[position - 1] + Double(labels[side[position - 1].index].count) * lineHeight + 2
                tops.append(max(label.y, floor))
            }
            if let last = side.last, let lastTop = tops.last {
                let overflow = lastTop + Double(labels[last.index].count) * lineHeight - bottom
                if overflow > 0 { tops = tops.map { $0 - overflow } }
            }
            placed += zip(side, tops).map { (index: $0.index, y: $1) }
        }
        var group = SVGElement("g", ["class": "labels"])
        for (index, labelTop) in placed.sorted(by: { $0.index < $1.index }) {
            let angle = angles[index]
            let right = sin(angle) >= -1e-9
            let x = right ? cx + radius + Self.gap : cx - radius - Self.gap
            let middle = labelTop + Double(labels[index].count) * lineHeight / 2
            let (edgeX, edgeY) = point(cx, cy, radius, angle)
            let (elbowX, elbowY) = point(cx, cy, radius + 7, angle)
            let points = [(edgeX, edgeY), (elbowX, elbowY), (right ? x - 3 : x + 3, middle)]
            group.append(SVGElement("polyline", [
                "class": "leader", "points": points.map { SVGNumber.text($0.0) + "," + SVGNumber.text($0.1) }.joined(separator: " "),
                "fill": "none", "stroke": "#595959", "stroke-width": "0.6",
            ]))
            for (row, line) in labels[index].enumerated() {
                let isFigure = row == labels[index].count - 1
                let baseline = labelTop + Double(row + 1) * lineHeight - 0.3 * ChartSVG.labelSize
                group.append(ChartSVG.text(
                    line, x: x, y: baseline, anchor: right ? "start" : "end",
                    className: isFigure ? "value" : "category"))
            }
        }
        return [group]
    }
}
