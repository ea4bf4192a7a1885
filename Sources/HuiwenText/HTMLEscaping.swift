/// Escaping of text set into HTML, for the Mustache engine's escaper and the preview server's
/// own pages alike.
public enum HTMLEscaping {
    /// `text` with `&`, `<`, `>` and `"` as entities (`&amp;` `&lt;` `&gt;` `&quot;`): safe in
    /// element content and in double-quoted attributes; control characters as
    /// `ControlCharacters` says (HTML forbids them). Text holding none comes back untouched.
    public static func escape(_ text: String) -> String {
        let text = ControlCharacters.cleaned(text)
        // Most values (Chinese prose, figures) hold none of the four characters: return them
        // untouched instead of rebuilding them scalar by scalar.
        let utf8 = text.utf8
        func isSpecial(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
        }
        // Scanning the contiguous bytes directly is several times faster than the UTF8View
        // iterator; bridged strings without contiguous storage take the slow path.
        let needsEscaping = utf8.withContiguousStorageIfAvailable { $0.contains(where: isSpecial) } ?? utf8.contains(where: isSpecial)
        guard needsEscaping else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            if let entity = entity(of: byte) { entity.withUTF8Buffer { bytes.append(contentsOf: $0) } } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The entity standing for `byte` when it is one of the four, else nil.
    @inline(__always)
    private static func entity(of byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        default: nil
        }
    }

    /// Appends `text` escaped as `escape(_:)` escapes it to a UTF-8 buffer, dropping the C0
    /// controls (but tab and line feed) that XML 1.0 forbids, so the result is well-formed XML
    /// as well as HTML (the charts' SVG).
    public static func appendXMLSafe(_ text: String, to output: inout [UInt8]) {
        var text = text
        // Most text (figures, coordinates, Chinese labels) needs nothing: copied at once.
        let copied = text.withUTF8 { bytes in
            if bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") }) {
                return false
            }
            output.append(contentsOf: bytes)
            return true
        }
        if copied { return }
        for byte in text.utf8 {
            if let entity = entity(of: byte) {
                entity.withUTF8Buffer { output.append(contentsOf: $0) }
            } else if byte >= 0x20 || byte == 0x09 || byte == 0x0A {
                output.append(byte)
            }
        }
    }
}
