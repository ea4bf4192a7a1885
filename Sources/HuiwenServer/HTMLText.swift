import Foundation

/// Text for the scripts of the server's own pages; their HTML text is escaped by
/// `HTMLEscaping.escape`, and every attribute they write is double-quoted.
enum HTMLText {
    /// A JavaScript string literal that is also safe inside `<script>`: no `<`, `>`, `&`,
    /// quotes, or line separators appear raw.
    static func scriptString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&", "'", "\u{2028}", "\u{2029}":
                result += String(format: "\\u%04x", scalar.value)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += String(format: "\\u%04x", scalar.value)
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
