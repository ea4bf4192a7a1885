/// How a series of bars is filled: dark, light, hatched, middle, in that order, so that
/// neighbours differ in lightness (and the third in texture) in black-and-white print. Every
/// bar has a dark outline, so a light one keeps its edge on white paper.
struct BarStyle {
    static let dark = "#" + ChartPalette.dark.lowercased()
    static let fills = ChartPalette.barFills.map { $0.map { "#" + $0.lowercased() } }

    let index: Int

    init(_ index: Int) {
        self.index = index
    }

    var isHatched: Bool { Self.fills[index % Self.fills.count] == nil }

    /// A dark fill, on which a value is written in white rather than black.
    var isDark: Bool { index % Self.fills.count == 0 || index % Self.fills.count == 3 }

    func paint(_ element: inout SVGElement, id: String) {
        element.set("fill", Self.fills[index % Self.fills.count] ?? "url(#\(id)-hatch)")
        element.set("stroke", Self.dark)
        element.set("stroke-width", "0.6")
    }
}

/// How a line series is drawn: solid, dashed, dotted, dash-dotted, with a circle, square,
/// triangle or diamond at each point, filled or hollow in turn.
struct LineStyle {
    static let colours = ChartPalette.lineColours.map { "#" + $0.lowercased() }
    /// `ChartPalette.lineDashes` as SVG dash arrays.
    static let dashes: [String?] = [nil, "6 3", "1.5 2", "7 3 1.5 3"]

    let index: Int

    init(_ index: Int) {
        self.index = index
    }

    var colour: String { Self.colours[index % Self.colours.count] }

    /// The line through `points`.
    func line(through points: [(x: Double, y: Double)]) -> SVGElement {
        var path = SVGElement("polyline", [
            "class": "series-line",
            "points": points.map { SVGNumber.text($0.x) + "," + SVGNumber.text($0.y) }.joined(separator: " "),
            "fill": "none", "stroke": colour, "stroke-width": "1.5", "stroke-linejoin": "round",
        ])
        if let dash = Self.dashes[index % Self.dashes.count] { path.set("stroke-dasharray", dash) }
        return path
    }

    /// The marker at a point.
    func marker(x: Double, y: Double) -> SVGElement {
        let r = 3.2
        var shape: SVGElement
        switch index % 4 {
        case 0:
            shape = SVGElement("circle", ["cx": SVGNumber.text(x), "cy": SVGNumber.text(y), "r": SVGNumber.text(r)])
        case 1:
            shape = SVGElement("rect", [
                "x": SVGNumber.text(x - r), "y": SVGNumber.text(y - r), "width": SVGNumber.text(2 * r), "height": SVGNumber.text(2 * r),
            ])
        case 2:
            shape = SVGElement("path", ["d": "M\(SVGNumber.text(x)) \(SVGNumber.text(y - r * 1.2))L\(SVGNumber.text(x + r * 1.1)) \(SVGNumber.text(y + r * 0.8))H\(SVGNumber.text(x - r * 1.1))Z"])
        default:
            shape = SVGElement("path", ["d": "M\(SVGNumber.text(x)) \(SVGNumber.text(y - r * 1.3))L\(SVGNumber.text(x + r * 1.3)) \(SVGNumber.text(y))L\(SVGNumber.text(x)) \(SVGNumber.text(y + r * 1.3))L\(SVGNumber.text(x - r * 1.3)) \(SVGNumber.text(y))Z"])
        }
        shape.set("class", "marker")
        shape.set("fill", ChartPalette.markerIsFilled(index) ? colour : "#fff")
        shape.set("stroke", colour)
        shape.set("stroke-width", "1.2")
        return shape
    }

    /// The legend's sample: a short stretch of the line with its marker.
    func sample(x: Double, y: Double, length: Double) -> [SVGElement] {
        [line(through: [(x, y), (x + length, y)]), marker(x: x + length / 2, y: y)]
    }
}
