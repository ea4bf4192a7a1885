/// Output names come from data (`output: notice-{{name}}`), so they are made safe to use as
/// one file name inside `output/`: no path separators, no `..`, no control characters, no
/// name a file system reserves (`index` is the index page's; `CON`, `NUL`, `COM1` … are
/// devices on Windows, where the output folder may be copied or checked out).
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
        let stem = result.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        if windowsDevices.contains(stem.uppercased()) {
            result = stem + "-document" + result.dropFirst(stem.count)
        }
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

    /// Names Windows gives to devices, in any letter case and before any extension.
    static let windowsDevices: Set<String> = Set(
        ["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] })

    /// The form two names share when a file system that ignores letter case (Windows, macOS)
    /// would make them one file. (Swift compares strings by canonical equivalence, so names
    /// that differ only in Unicode normalisation already count as one.)
    static func folded(_ name: String) -> String {
        name.lowercased()
    }
}
