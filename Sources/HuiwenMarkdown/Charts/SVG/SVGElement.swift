import HuiwenText

/// An SVG element as a value: its name, its attributes in order, and what it holds. Written out
/// by `markup`, where every attribute value and every text is escaped (and the controls XML 1.0
/// forbids are dropped), so text from data stays text: no element or attribute ever comes from
/// it, and the SVG is well-formed XML as well as HTML.
struct SVGElement: Hashable, Sendable {
    enum Content: Hashable, Sendable {
        case element(SVGElement)
        case text(String)
    }

    var name: String
    var attributes: [Attribute]
    var content: [Content]

    struct Attribute: Hashable, Sendable {
        var name: String
        var value: String
    }

    init(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ content: [Content] = []) {
        self.name = name
        self.attributes = attributes.map { Attribute(name: $0.key, value: $0.value) }
        self.content = content
    }

    /// An element holding only text.
    init(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) {
        self.init(name, attributes, [.text(text)])
    }

    /// Adds an attribute after the others (an optional one, a computed name).
    mutating func set(_ name: String, _ value: String) {
        attributes.append(Attribute(name: name, value: value))
    }

    mutating func append(_ element: SVGElement) {
        content.append(.element(element))
    }

    mutating func append(contentsOf elements: [SVGElement]) {
        content += elements.map { .element($0) }
    }

    /// The element as XML (which HTML parses as the same SVG): `<rect x="1"/>`, `<text>…</text>`.
    var markup: String {
        var output = ""
        write(into: &output)
        return output
    }

    func write(into output: inout String) {
        output += "<" + name
        for attribute in attributes {
            output += " " + attribute.name + "=\"" + Self.escaped(attribute.value) + "\""
        }
        guard !content.isEmpty else {
            output += "/>"
            return
        }
        output += ">"
        for item in content {
            switch item {
            case .element(let element): element.write(into: &output)
            case .text(let text): output += Self.escaped(text)
            }
        }
        output += "</" + name + ">"
    }

    /// `text` HTML-escaped, without the C0 controls (but tab and line feed) XML 1.0 forbids.
    static func escaped(_ text: String) -> String {
        let escaped = HTMLEscaping.escape(text)
        guard escaped.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A }) else { return escaped }
        return String(escaped.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" })
    }
}

/// Coordinates as SVG writes them: at most two decimals, no trailing zeros, the same text on
/// every machine (no locale, no floating-point printing).
enum SVGNumber {
    static func text(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return sign + String(whole) }
        if fraction % 10 == 0 { return sign + String(whole) + "." + String(fraction / 10) }
        return sign + String(whole) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
