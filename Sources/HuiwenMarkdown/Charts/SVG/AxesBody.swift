import Foundation
import HuiwenText

/// Bars (one series, grouped or stacked) or lines over a category axis, with a value axis of
/// round ticks and the values written on the bars and at the points.
struct AxesBody: ChartBody {
    let chart: Chart
    let scale: ChartScale
    let tickTexts: [String]
    let labels: CategoryLabels
    /// Where the plot starts (right of the tick labels) and ends.
    let plotLeft: Double
    let plotRight: Double
    /// The width of one bar, and how far the values of neighbouring bars may reach sideways.
    let barWidth: Double
    let valuesTurned: Bool
    /// Room above the plot for the values of the tallest bars and the unit's caption.
    let headroom: Double
    /// Room below it for values written under their bar or point (negative bars, lower lines).
    let footroom: Double
    /// `单位：起` above the value axis when every series has the same unit.
    let unitCaption: String?

    static let defaultPlotHeight = 150.0
    static let minimumBarWidth = 3.0
    static let tickSize = ChartSVG.valueSize

    var usesHatch: Bool { chart.kind != .line && BarStyle.fills.prefix(chart.series.count).contains(nil) }
    var naturalHeight: Double { headroom + Self.defaultPlotHeight + footroom + labels.height }

    init(_ chart: Chart) throws(ChartDoesNotFit) {
        self.chart = chart
        let count = chart.categories.count
        scale = ChartScale(ticks: chart.axisTicks)
        let low = scale.lowest
        tickTexts = scale.ticks.map(DecimalText.plain)
        let tickWidth = tickTexts.map { ChartText.width($0, size: Self.tickSize) }.max() ?? 0
        let units = Set(chart.series.map(\.unit))
        unitCaption = units.count == 1 && units.first?.isEmpty == false ? "单位：" + (units.first ?? "") : nil
        plotRight = ChartSVG.width - ChartSVG.margin - 2

        // The tick labels set the plot's left edge; labels turned 45° may push it further.
        let widths = chart.categories.map { ChartText.width($0, size: CategoryLabels.size) }
        var left = ChartSVG.margin + tickWidth + 5
        var fitted = CategoryLabels(chart.categories, widths: widths, slot: (plotRight - left) / Double(count))
        for _ in 0..<3 {
            guard let attempt = fitted else { break }
            let slot = (plotRight - left) / Double(count)
            let needed = ChartSVG.margin + attempt.leftReach - slot / 2 - CategoryLabels.size * 0.35
            if needed <= left { break }
            left = needed
            fitted = CategoryLabels(chart.categories, widths: widths, slot: (plotRight - left) / Double(count))
        }
        let slot = (plotRight - left) / Double(count)
        guard let labels = fitted else {
            let most = Int((plotRight - left) / CategoryLabels.rotatedSlot)
            throw ChartDoesNotFit(
                "\(count) categories do not fit a chart 156 mm wide: at most \(most) do; use limit: \(most) (with sort:) or fewer rows")
        }
        self.labels = labels
        plotLeft = left

        // Bars and the room each value has beside its neighbours.
        let series = Double(chart.series.count)
        let valueRoom: Double
        switch chart.kind {
        case .grouped:
            barWidth = min(slot * 0.8, series * 30) / series
            valueRoom = slot / series - 1
        case .line:
            barWidth = 0
            valueRoom = slot - 2
        default:
            barWidth = min(slot * 0.6, 40)
            valueRoom = slot - 2
        }
        if chart.kind != .line, barWidth < Self.minimumBarWidth {
            throw ChartDoesNotFit("\(count) categories of \(chart.series.count) bars each do not fit a chart 156 mm wide")
        }
        let widest = Self.valueTexts(of: chart).map { ChartText.width($0, size: ChartSVG.valueSize) }.max() ?? 0
        let valueExtent: Double
        if widest <= valueRoom {
            valuesTurned = false
            valueExtent = ChartSVG.valueSize + 6
        } else if valueRoom >= ChartSVG.valueSize * 1.15 {
            valuesTurned = true
            valueExtent = widest + 6
        } else {
            throw ChartDoesNotFit(
                "the values of \(count) categories do not fit a chart 156 mm wide; use limit: or fewer series")
        }
        headroom = max(valueExtent, unitCaption == nil ? 0 : Self.tickSize * ChartSVG.lineHeight + 6)
        // Values below their points: one row under a negative bar; for lines, as many rows as
        // close points may need (see `valueBottoms`).
        let rows = chart.kind == .line ? min(chart.series.count - 1, 3) : (low < 0 ? 1 : 0)
        footroom = Double(max(rows, low < 0 ? 1 : 0)) * (valueExtent + 1)
    }

    /// The group of the values: 9 pt, centred on their bars and points.
    static let valueGroup = SVGElement("g", ["class": "values", "font-size": SVGNumber.text(ChartSVG.valueSize), "text-anchor": "middle"])

    /// Every value as it is written on the chart (the stack's totals too).
    static func valueTexts(of chart: Chart) -> [String] {
        var texts = chart.series.flatMap { series in series.values.map { Chart.text(of: $0, unit: series.unit) } }
        if chart.kind == .stacked, let total = stackTotalUnit(of: chart) {
            texts += chart.categories.indices.map { index in
                Chart.text(of: chart.series.reduce(0) { $0 + $1.values[index] }, unit: total)
            }
        }
        return texts
    }

    /// A stack's total is written above it when its parts share a unit.
    static func stackTotalUnit(of chart: Chart) -> String? {
        let units = Set(chart.series.map(\.unit))
        return units.count == 1 ? units.first : nil
    }

    func draw(top: Double, height: Double, id: String) -> [SVGElement] {
        let plotTop = top + headroom
        let plotBottom = top + height - labels.height - footroom
        func y(_ value: Decimal) -> Double { plotBottom - scale.fraction(value) * (plotBottom - plotTop) }
        let slot = (plotRight - plotLeft) / Double(chart.categories.count)
        let centres = chart.categories.indices.map { plotLeft + slot * (Double($0) + 0.5) }
        var elements: [SVGElement] = []

        // Grid lines and tick labels.
        // The grid lines are one path: a move and a horizontal line per tick but 0 (the axis).
        var grid = ""
        var ticks = SVGElement("g", ["class": "ticks", "font-size": SVGNumber.text(Self.tickSize), "text-anchor": "end"])
        for (tick, text) in zip(scale.ticks, tickTexts) {
            let tickY = y(tick)
            if tick != 0 { grid += "M" + SVGNumber.text(plotLeft) + " " + SVGNumber.text(tickY) + "H" + SVGNumber.text(plotRight) }
            ticks.append(ChartSVG.text(text, x: plotLeft - 4, y: tickY + 0.35 * Self.tickSize, className: "tick"))
        }
        if !grid.isEmpty {
            elements.append(SVGElement("path", ["class": "grid", "d": grid, "fill": "none", "stroke": "#bfbfbf", "stroke-width": "0.5"]))
        }
        elements.append(ticks)
        if let unitCaption {
            elements.append(ChartSVG.text(unitCaption, x: ChartSVG.margin, y: top + Self.tickSize, size: Self.tickSize, className: "unit"))
        }

        switch chart.kind {
        case .line:
            elements += lines(centres: centres, y: y)
        case .stacked:
            elements += stacks(centres: centres, y: y, id: id)
        default:
            elements += bars(centres: centres, y: y, id: id)
        }

        // The axis at zero, over the bars' feet; the category labels under the plot.
        let zero = y(0)
        elements.append(SVGElement("line", [
            "class": "axis", "x1": SVGNumber.text(plotLeft), "y1": SVGNumber.text(zero), "x2": SVGNumber.text(plotRight),
            "y2": SVGNumber.text(zero), "stroke": "#000", "stroke-width": "0.8",
        ]))
        var categories = SVGElement("g", ["class": "categories", "text-anchor": "middle"])
        categories.append(contentsOf: labels.elements(centres: centres, axisY: plotBottom + footroom))
        elements.append(categories)
        return elements
    }

    // MARK: Bars

    private func bars(centres: [Double], y: (Decimal) -> Double, id: String) -> [SVGElement] {
        var elements: [SVGElement] = []
        var values = Self.valueGroup
        let count = Double(chart.series.count)
        let groupWidth = chart.kind == .grouped ? barWidth * count : barWidth
        for (position, series) in chart.series.enumerated() {
            var group = SVGElement("g", ["class": "series"])
            BarStyle(position).paint(&group, id: id)
            for (index, value) in series.values.enumerated() {
                let x = centres[index] - groupWidth / 2 + Double(position) * barWidth
                let (top, bottom) = (min(y(value), y(0)), max(y(value), y(0)))
                let bar = SVGElement("rect", [
                    "class": "bar", "x": SVGNumber.text(x), "y": SVGNumber.text(top), "width": SVGNumber.text(barWidth),
                    "height": SVGNumber.text(bottom - top),
                ])
                group.append(bar)
                values.append(valueText(Chart.text(of: value, unit: series.unit), x: x + barWidth / 2, end: y(value), below: value < 0))
            }
            elements.append(group)
        }
        elements.append(values)
        return elements
    }

    private func stacks(centres: [Double], y: (Decimal) -> Double, id: String) -> [SVGElement] {
        var elements: [SVGElement] = []
        var values = Self.valueGroup
        var bases = [Decimal](repeating: 0, count: chart.categories.count)
        for (position, series) in chart.series.enumerated() {
            var group = SVGElement("g", ["class": "series"])
            BarStyle(position).paint(&group, id: id)
            for (index, value) in series.values.enumerated() {
                let x = centres[index] - barWidth / 2
                let (top, bottom) = (y(bases[index] + value), y(bases[index]))
                let bar = SVGElement("rect", [
                    "class": "bar", "x": SVGNumber.text(x), "y": SVGNumber.text(top), "width": SVGNumber.text(barWidth),
                    "height": SVGNumber.text(bottom - top),
                ])
                group.append(bar)
                // A part's value inside it, where it fits; a thin part's is in the description.
                let text = Chart.text(of: value, unit: series.unit)
                if bottom - top >= ChartSVG.valueSize + 3, ChartText.width(text, size: ChartSVG.valueSize) <= barWidth - 2 {
                    var label = ChartSVG.text(text, x: centres[index], y: (top + bottom) / 2 + 0.35 * ChartSVG.valueSize, className: "value")
                    label.set("fill", BarStyle(position).isDark ? "#fff" : "#000")
                    values.append(label)
                }
                bases[index] += value
            }
            elements.append(group)
        }
        if let unit = Self.stackTotalUnit(of: chart) {
            for (index, total) in bases.enumerated() {
                values.append(valueText(Chart.text(of: total, unit: unit), x: centres[index], end: y(total), below: false, className: "total"))
            }
        }
        elements.append(values)
        return elements
    }

    // MARK: Lines

    private func lines(centres: [Double], y: (Decimal) -> Double) -> [SVGElement] {
        var elements: [SVGElement] = []
        let points = chart.series.map { series in series.values.enumerated().map { (x: centres[$0.offset], y: y($0.element)) } }
        let texts = chart.series.map { series in series.values.map { Chart.text(of: $0, unit: series.unit) } }
        let heights = texts.map { $0.map { valuesTurned ? ChartText.width($0, size: ChartSVG.valueSize) : ChartSVG.valueSize } }
        let bottoms = Self.valueBottoms(points, heights: heights)
        var values = Self.valueGroup
        for (position, series) in points.enumerated() {
            let style = LineStyle(position)
            var group = SVGElement("g", ["class": "series"])
            group.append(style.line(through: series))
            for (index, point) in series.enumerated() {
                group.append(style.marker(x: point.x, y: point.y))
                values.append(lineValue(texts[position][index], x: point.x, bottom: bottoms[position][index]))
            }
            elements.append(group)
        }
        elements.append(values)
        return elements
    }

    /// Where each point's value ends (its bottom edge): at each category, from the highest
    /// point down, a value goes in the first free place of above its point, below it, then
    /// further below and above, clear of every point and of the values already placed.
    static func valueBottoms(_ points: [[(x: Double, y: Double)]], heights: [[Double]]) -> [[Double]] {
        var bottoms = points.map { $0.map(\.y) }
        guard let count = points.first?.count else { return bottoms }
        let marker = 4.0, gap = 6.0
        for index in 0..<count {
            let order = points.indices.sorted { points[$0][index].y < points[$1][index].y }
            var taken = order.map { (top: points[$0][index].y - marker, bottom: points[$0][index].y + marker) }
            for series in order {
                let y = points[series][index].y
                let height = heights[series][index]
                let step = height + 1
                let above = y - gap, below = y + gap + height
                let candidates = [above, below, below + step, above - step, below + 2 * step, above - 2 * step]
                let bottom = candidates.first { bottom in
                    !taken.contains { $0.top < bottom && bottom - height < $0.bottom }
                } ?? above
                bottoms[series][index] = bottom
                taken.append((bottom - height, bottom))
            }
        }
        return bottoms
    }

    /// A point's value whose bottom edge is at `bottom`: level, or turned to read upwards.
    private func lineValue(_ text: String, x: Double, bottom: Double) -> SVGElement {
        let size = ChartSVG.valueSize
        guard valuesTurned else {
            return ChartSVG.text(text, x: x, y: bottom - 0.2 * size, className: "value")
        }
        let anchorX = x + 0.35 * size
        var label = ChartSVG.text(text, x: anchorX, y: bottom, anchor: "start", className: "value")
        label.set("transform", "rotate(-90 \(SVGNumber.text(anchorX)) \(SVGNumber.text(bottom)))")
        return label
    }

    // MARK: Values

    /// A value written at the end of its bar (or beside its point): above it, or below it for a
    /// negative bar; turned to read upwards when values are wider than their room.
    private func valueText(
        _ text: String, x: Double, end: Double, below: Bool, gap: Double = 3, className: String = "value"
    ) -> SVGElement {
        let size = ChartSVG.valueSize
        guard valuesTurned else {
            let baseline = below ? end + gap + 0.8 * size : end - gap
            return ChartSVG.text(text, x: x, y: baseline, className: className)
        }
        let anchorX = x + 0.35 * size
        let anchorY = below ? end + gap : end - gap
        var label = ChartSVG.text(text, x: anchorX, y: anchorY, anchor: below ? "end" : "start", className: className)
        label.set("transform", "rotate(-90 \(SVGNumber.text(anchorX)) \(SVGNumber.text(anchorY)))")
        return label
    }
}
