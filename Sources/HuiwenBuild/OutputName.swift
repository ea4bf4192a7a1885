/// Output names come from data (`output: notice-{{name}}`), so they are made safe to use as
/// one file name inside `output/`: no path separators, no `..`, no control characters.
public enum OutputName {
    public static func sanitize(_ raw: String) -> String {
        var result = ""
        for scalar in raw.unicodeScalars {
            switch scalar {
            case "/", "\\", ":", "*", "?", "\"", "<", ">", "|":
                result += "-"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                continue
            case _ where scalar.properties.isWhitespace:
                result += "-"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        while result.contains("..") { result = result.replacing("..", with: ".") }
        while result.hasPrefix(".") || result.hasPrefix("-") { result.removeFirst() }
        while result.hasSuffix(".") || result.hasSuffix("-") { result.removeLast() }
        if result.lowercased() == "index" { result = "index-document" }
        // File systems allow 255 bytes per name, not characters: a Chinese character takes
        // three, and ".html" comes on top. Cut at a character boundary.
        if result.utf8.count <= maxBytes { return result }
        var limited = ""
        for character in result {
            if limited.utf8.count + character.utf8.count > maxBytes { break }
            limited.append(character)
        }
        while limited.hasSuffix(".") || limited.hasSuffix("-") { limited.removeLast() }
        return limited
    }

    /// The longest name in UTF-8 bytes, leaving room for an extension.
    public static let maxBytes = 200
}
