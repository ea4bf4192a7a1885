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
        var output: [UInt8] = []
        output.reserveCapacity(16_384)
        write(into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    func write(into output: inout [UInt8]) {
        output.append(UInt8(ascii: "<"))
        Self.appendName(name, to: &output)
        for attribute in attributes {
            output.append(UInt8(ascii: " "))
            Self.appendName(attribute.name, to: &output)
            output.append(UInt8(ascii: "="))
            output.append(UInt8(ascii: "\""))
            Self.append(attribute.value, to: &output)
            output.append(UInt8(ascii: "\""))
        }
        guard !content.isEmpty else {
            output += "/>".utf8
            return
        }
        output.append(UInt8(ascii: ">"))
        for item in content {
            switch item {
            case .element(let element): element.write(into: &output)
            case .text(let text): Self.append(text, to: &output)
            }
        }
        output.append(UInt8(ascii: "<"))
        output.append(UInt8(ascii: "/"))
        Self.appendName(name, to: &output)
        output.append(UInt8(ascii: ">"))
    }

    /// An element's or attribute's name (ours, never data's), copied as it is.
    private static func appendName(_ name: String, to output: inout [UInt8]) {
        var name = name
        name.withUTF8 { output.append(contentsOf: $0) }
    }

    static func append(_ text: String, to output: inout [UInt8]) {
        HTMLEscaping.appendXMLSafe(text, to: &output)
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
