/// Markdown-aware escaping, the default for documents: `{{x}}` inserts `x` as literal inline
/// text, whatever it holds, in a paragraph or in a table cell (the engine does not say which).
///
/// The rules, applied scalar by scalar:
/// - the characters that can start or delimit markup anywhere on a line get a backslash:
///   `\` `` ` `` `*` `_` `[` `]` `<` `>` `&` `|` `~` `#` `:` `@` (no emphasis, link, image,
///   code, raw HTML, entity, footnote, table cell break, strikethrough, scheme or e-mail
///   autolink);
/// - the characters that start a block only at the start of a line get one only where the value
///   starts: a leading `-`, `+` or `=` (list item, setext underline, thematic break), and the
///   `.` or `)` after leading digits when a space, a tab or the value's end follows (`1.`
///   ordered list; `27.9%` needs nothing);
/// - a `.` after `www` gets one (the autolink extension's `www.` links);
/// - everything else stays as it is, so merged Markdown reads as plain text in review
///   (`27.9%`, `2026-03-12`, `(此件公开发布)`);
/// - a line break (`\n`, `\r\n`, `\r`, and the vertical tab and form feed that spreadsheets
///   export as line breaks) inside a value becomes one space: `{{x}}` is inline text, and a real
///   line break could end a table row or start a block;
/// - spaces and tabs at the start and end of the value become `&#32;` / `&#9;`, so they are
///   text: never indentation (an indented code block) nor a hard line break (two trailing spaces);
/// - NUL becomes U+FFFD (as cmark itself would make it); other control characters (C0 but tab,
///   DEL, C1) are dropped: they have no text to show and are not allowed in HTML.
///
/// The autolink extension still links bare e-mail addresses through backslashes; the Markdown
/// stage undoes that for the escaped ranges (`MarkdownRenderer.html(from:literalRanges:)`).
public struct MarkdownEscaper: Escaper {
    public init() {}

    public func escape(_ text: String) -> String {
        var text = text
        // UTF-8 bytes rather than scalars: every byte the rules look at is ASCII, and a
        // multi-byte scalar is copied as it is, so the result is the same, found several times
        // faster (escaping was a sixth of merging the example notice).
        return text.withUTF8 { input in
            if !Self.needsWork(input) { return nil }
            return Self.escape(bytes: input)
        } ?? text
    }

    /// False when `escape` would return the bytes unchanged: no byte any rule touches.
    static func needsWork(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") || last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            return true
        }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "=") { return true }
        for byte in bytes where isInteresting(byte) { return true }
        return false
    }

    /// Bytes that a rule may act on anywhere: the markup characters, `.` and `)`, controls, DEL,
    /// and 0xC2 (the lead byte of the C1 controls). Two constant 64-bit masks rather than a
    /// table: a static table costs a lazy-initialisation check on every call.
    @inline(__always)
    static func isInteresting(_ byte: UInt8) -> Bool {
        if byte >= 0x80 { return byte == 0xC2 }
        // 0x00–0x3F: the C0 controls and # & ) * . : < >
        let low: UInt64 = 0xFFFF_FFFF | 1 << 0x23 | 1 << 0x26 | 1 << 0x29 | 1 << 0x2A | 1 << 0x2E | 1 << 0x3A | 1 << 0x3C | 1 << 0x3E
        // 0x40–0x7F: @ [ \ ] _ ` | ~ and DEL
        let high: UInt64 = 1 << 0x00 | 1 << 0x1B | 1 << 0x1C | 1 << 0x1D | 1 << 0x1F | 1 << 0x20 | 1 << 0x3C | 1 << 0x3E | 1 << 0x3F
        return ((byte < 0x40 ? low : high) >> UInt64(byte & 0x3F)) & 1 != 0
    }

    static func escape(bytes input: UnsafeBufferPointer<UInt8>) -> String {
        let normalizedBytes = normalized(bytes: input)
        return normalizedBytes.withUnsafeBufferPointer { bytes in
            let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
            let firstText = bytes.firstIndex { !isBlank($0) } ?? bytes.endIndex
            let lastText = bytes.lastIndex { !isBlank($0) } ?? -1
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + bytes.count / 2 + 8)
            var leadingDigits = true
            for index in bytes.indices {
                let byte = bytes[index]
                if index < firstText || index > lastText {
                    result.append(contentsOf: byte == UInt8(ascii: "\t") ? Array("&#9;".utf8) : Array("&#32;".utf8))
                    continue
                }
                let needsBackslash: Bool
                switch byte {
                case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                    UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "|"),
                    UInt8(ascii: "~"), UInt8(ascii: "#"), UInt8(ascii: ":"), UInt8(ascii: "@"):
                    needsBackslash = true
                case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="):
                    needsBackslash = index == firstText
                case UInt8(ascii: "."), UInt8(ascii: ")"):
                    // `1.` starts an ordered list only before a space, a tab or the end of the
                    // line; `27.9%` and `1.2万` stay as written, so merged Markdown reads as text.
                    let endsMarker = index == lastText || isBlank(bytes[index + 1])
                    let afterWWW = byte == UInt8(ascii: ".") && index >= 3
                        && bytes[(index - 3)..<index].allSatisfy { $0 == UInt8(ascii: "w") || $0 == UInt8(ascii: "W") }
                    needsBackslash = (leadingDigits && index > firstText && endsMarker) || afterWWW
                default:
                    needsBackslash = false
                }
                leadingDigits = leadingDigits && byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                if needsBackslash { result.append(UInt8(ascii: "\\")) }
                result.append(byte)
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// `normalized(_:)` on UTF-8 bytes: line breaks to one space, NUL to U+FFFD, other C0
    /// controls (but tab), DEL and C1 controls dropped.
    static func normalized(bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var inLineBreak = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x0A, 0x0B, 0x0C, 0x0D:
                if !inLineBreak { result.append(UInt8(ascii: " ")) }
                inLineBreak = true
                continue
            case 0x00:
                result.append(contentsOf: [0xEF, 0xBF, 0xBD])
            case 0x09:
                result.append(byte)
            case 0x01...0x1F, 0x7F:
                continue
            case 0xC2 where index < bytes.count && (0x80...0x9F).contains(bytes[index]):
                // A C1 control (U+0080–U+009F): both bytes dropped.
                index += 1
                continue
            default:
                result.append(byte)
            }
            inLineBreak = false
        }
        return result
    }

    /// The text a value shows once escaped and rendered, before whitespace is normalised:
    /// line breaks as one space, NUL as U+FFFD, other control characters gone.
    public static func visibleText(of text: String) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: normalized(text))
        return String(result)
    }

    static func normalized(_ text: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.unicodeScalars.count)
        var inLineBreak = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0B, 0x0C, 0x0D:
                if !inLineBreak { result.append(" ") }
                inLineBreak = true
                continue
            case 0x00:
                result.append("\u{FFFD}")
            case 0x09:
                result.append(scalar)
            case 0x01...0x1F, 0x7F...0x9F:
                // Dropped, and it does not end a run of line breaks: "a\r\u{1}\nb" is one break.
                continue
            default:
                result.append(scalar)
            }
            inLineBreak = false
        }
        return result
    }

}
