import Foundation

/// How the category labels under an axis are set so that none overlaps another: on one line
/// each when they all fit their slot, else wrapped to at most three lines, else turned 45°
/// (reading upwards, each ending under its category). When even turned labels would touch,
/// the categories do not fit.
struct CategoryLabels {
    enum Mode: Equatable {
        case horizontal
        case wrapped
        case rotated
    }

    let mode: Mode
    /// Each label's lines (one line unless wrapped).
    let lines: [[String]]
    /// The height the labels take under the axis.
    let height: Double
    /// How far the first label reaches left of its category's centre (turned labels only).
    let leftReach: Double

    static let size = ChartSVG.labelSize
    static let maximumLines = 3
    static let angle = Double.pi / 4
    /// Neighbouring labels turned 45° are `slot × sin 45°` apart: at least a line of text.
    static let rotatedSlot = size * 1.25 / sin(angle)

    /// nil when `slot` (the width each category has) is too narrow even for turned labels;
    /// `widths` are the labels' (`ChartText.width` at `size`).
    init?(_ labels: [String], widths: [Double], slot: Double) {
        let room = slot - 3
        let lineHeight = Self.size * ChartSVG.lineHeight
        if widths.allSatisfy({ $0 <= room }) {
            mode = .horizontal
            lines = labels.map { [$0] }
            height = lineHeight + 4
            leftReach = 0
            return
        }
        if room >= Self.size {
            let wrapped = labels.map { ChartText.lines($0, width: room, size: Self.size, maximumLines: Self.maximumLines) }
            if wrapped.allSatisfy({ $0 != nil }) {
                mode = .wrapped
                lines = wrapped.map { $0 ?? [] }
                height = Double(lines.map(\.count).max() ?? 1) * lineHeight + 4
                leftReach = 0
                return
            }
        }
        guard slot >= Self.rotatedSlot else { return nil }
        mode = .rotated
        lines = labels.map { [$0] }
        let reach = (widths.max() ?? 0) * sin(Self.angle) + Self.size * cos(Self.angle)
        height = reach + 8
        leftReach = (widths.first ?? 0) * cos(Self.angle)
    }

    /// The labels' text elements, centred under `centres` (their group's anchor is the middle),
    /// from `axisY` down.
    func elements(centres: [Double], axisY: Double) -> [SVGElement] {
        let lineHeight = Self.size * ChartSVG.lineHeight
        var elements: [SVGElement] = []
        for (index, labelLines) in lines.enumerated() {
            let x = centres[index]
            switch mode {
            case .horizontal, .wrapped:
                for (row, line) in labelLines.enumerated() {
                    let y = axisY + 4 + Double(row + 1) * lineHeight - 0.3 * Self.size
                    elements.append(ChartSVG.text(line, x: x, y: y, className: "category"))
                }
            case .rotated:
                let anchorX = x + Self.size * 0.35
                let anchorY = axisY + 6
                var label = ChartSVG.text(labelLines[0], x: anchorX, y: anchorY, anchor: "end", className: "category")
                label.set("transform", "rotate(-45 \(SVGNumber.text(anchorX)) \(SVGNumber.text(anchorY)))")
                elements.append(label)
            }
        }
        return elements
    }
}
