import HuiwenText

/// Text as XML 1.0 character data or an attribute value: `&`, `<`, `>` and `"` escaped, and the
/// characters XML 1.0 forbids (C0 controls other than tab and line feed, U+FFFE, U+FFFF)
/// dropped, so that no value from data or templates can end a tag or make a part unreadable.
/// Control characters go as on the page (`ControlCharacters`: NUL becomes U+FFFD; DEL and the
/// C1 controls are dropped too), and so does a carriage return (a line break in a run is `w:br`).
///
/// ```swift
/// XMLText.escaped("a < b & \"c\"")  // "a &lt; b &amp; &quot;c&quot;"
/// ```
enum XMLText {
    /// `text`, safe inside an element or a double-quoted attribute.
    static func escaped(_ text: String) -> String {
        // Most text needs nothing: one pass over the bytes decides, and the copy is made only
        // when a byte asks for it.
        guard needsWork(text[...]) else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        append(text[...], to: &output)
        return output
    }

    /// Appends `text`, escaped, to `output` (no intermediate string).
    static func append(_ text: Substring, to output: inout String) {
        guard needsWork(text) else {
            output.append(contentsOf: text)
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "\t", "\n": output.unicodeScalars.append(scalar)
            case "\r", "\u{FFFE}", "\u{FFFF}": continue
            default: if let kept = ControlCharacters.replacement(for: scalar) { output.unicodeScalars.append(kept) }
            }
        }
    }

    /// Whether `text` holds a byte to escape or a character to drop. U+FFFE and U+FFFF are
    /// EF BF BE and EF BF BF in UTF-8; the fullwidth punctuation of Chinese text (，：（）,
    /// EF BC xx) also starts with EF, so the check looks at the two bytes before BE or BF.
    private static func needsWork(_ text: Substring) -> Bool {
        let utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable(needsWork) ?? needsWork(Array(utf8)[...])
    }

    private static func needsWork<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var lead: (UInt8, UInt8) = (0, 0)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""): return true
            case 0x09, 0x0A: break
            case 0..<0x20, 0x7F: return true
            case 0x80...0x9F where lead.1 == 0xC2: return true
            case 0xBE...0xBF where lead == (0xEF, 0xBF): return true
            default: break
            }
            lead = (lead.1, byte)
        }
        return false
    }
}
