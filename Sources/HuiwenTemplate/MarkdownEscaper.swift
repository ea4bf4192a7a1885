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
///   `.` or `)` after leading digits when a space or the end follows (`1. ` ordered list);
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
        let scalars = Self.normalized(text)
        let firstText = scalars.firstIndex { $0 != " " && $0 != "\t" } ?? scalars.endIndex
        let lastText = scalars.lastIndex { $0 != " " && $0 != "\t" } ?? -1
        var result = ""
        result.reserveCapacity(text.utf8.count + text.utf8.count / 2)
        var leadingDigits = true
        for (index, scalar) in scalars.enumerated() {
            if index < firstText || index > lastText {
                result += scalar == "\t" ? "&#9;" : "&#32;"
                continue
            }
            let needsBackslash: Bool
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "~", "#", ":", "@":
                needsBackslash = true
            case "-", "+", "=":
                needsBackslash = index == firstText
            case ".", ")":
                // `1.` starts an ordered list only before a space, a tab or the end of the line.
                let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                let endsMarker = next == " " || next == "\t"
                needsBackslash = (leadingDigits && index > firstText && endsMarker)
                    || (scalar == "." && Self.followsWWW(scalars, index))
            default:
                needsBackslash = false
            }
            leadingDigits = leadingDigits && ("0"..."9").contains(scalar)
            if needsBackslash { result.unicodeScalars.append("\\") }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// Whether the three scalars before `index` spell `www` (any case).
    static func followsWWW(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        index >= 3 && scalars[(index - 3)..<index].allSatisfy { $0 == "w" || $0 == "W" }
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
