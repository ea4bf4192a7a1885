/// The colours, dashes and markers of charts, shared by the page's SVG and the Word chart so
/// that both print alike. Fills differ in lightness, not only in hue (dark, light, hatched,
/// middle), so series stay apart in black-and-white print; lines differ in dash and marker.
/// Colours are RGB in hex, without `#`.
public enum ChartPalette {
    /// The outline of bars and the hatch's lines.
    public static let dark = "1F3864"
    /// Bar fills by series; nil is the hatch (dark diagonal lines on white).
    public static let barFills: [String?] = [dark, "9DC3E6", nil, "5B7FA6"]
    /// Line colours by series.
    public static let lineColours = [dark, "2E75B6", "404040", "7F7F7F"]
    /// Line dashes by series, by their DrawingML names (solid, dashed, dotted, dash-dotted).
    public static let lineDashes = ["solid", "dash", "sysDot", "lgDashDot"]
    /// Markers by series, by their DrawingML names; the second and fourth hollow.
    public static let lineMarkers = ["circle", "square", "triangle", "diamond"]
    /// Pie slices in turn, alternating dark and light; nil is the hatch.
    public static let pieFills: [String?] = [dark, "BDD7EE", "5B7FA6", nil, "2E5C8A", "DAE3F3", "7F9CC0", "FFFFFF"]

    /// Whether a line series' marker is filled (else white inside its outline).
    public static func markerIsFilled(_ series: Int) -> Bool { series % 2 == 0 }
}
