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
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
