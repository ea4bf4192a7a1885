import HuiwenData
import HuiwenDiagnostics

/// A template file split into its YAML front matter and its body.
///
/// Front matter is the block between a first line `---` and the next line `---` (or `...`).
/// Positions stay those of the file: the YAML is parsed with its opening line blanked, and the
/// body is compiled from the line it starts on.
struct FrontMatterSplit: Sendable {
    /// The front matter's map (empty when the file has none), values positioned in the file.
    var values: Value
    /// Where its keys were written.
    var keys = YAMLKeyLocations()
    /// The template text after the front matter.
    var body: String
    /// The line of the file on which `body` starts.
    var bodyStartLine: Int

    /// Splits `source` (the text of the file at `path`) and parses the front matter.
    init(splitting source: String, path: String) throws(DiagnosticError) {
        var text = Substring(source)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        let lines = Self.lines(of: text)
        func isFence(_ line: Substring, _ marks: [String]) -> Bool {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            return marks.contains { trimmed.trimmingTrailingSpaces == $0 }
        }
        guard let first = lines.first, isFence(first, ["---"]) else {
            values = .map([:], at: SourceLocation(path: path, line: 1, column: 1))
            body = String(text)
            bodyStartLine = 1
            return
        }
        guard let closing = lines.indices.dropFirst().first(where: { isFence(lines[$0], ["---", "..."]) }) else {
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(path: path, line: 1, column: 1),
                "front matter starts with '---' but has no closing '---' line",
                sourceLine: String(first)))
        }
        // The opening fence becomes an empty line, so YAML line numbers are the file's.
        let yaml = ([""] + lines[1..<closing]).joined(separator: "\n") + "\n"
        let (parsed, keys) = try YAMLReader().readWithKeyLocations(yaml, path: path)
        self.keys = keys
        switch parsed.kind {
        case .map:
            values = parsed
        case .null:
            values = .map([:], at: SourceLocation(path: path, line: 1, column: 1))
        default:
            throw DiagnosticError(Diagnostic(
                at: parsed.location ?? SourceLocation(path: path, line: 2, column: 1),
                "front matter must be a map of fields (key: value), got a \(parsed.typeName)"))
        }
        body = lines[(closing + 1)...].joined(separator: "\n")
        bodyStartLine = closing + 2
    }
}

extension FrontMatterSplit {
    /// The lines of `text`, split at each line feed; a CRLF line keeps its `\r`. (Splitting a
    /// string at the character "\n" would not split there: "\r\n" is one character.)
    static func lines(of text: Substring) -> [Substring] {
        var lines: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        for index in scalars.indices where scalars[index] == "\n" {
            lines.append(Substring(scalars[start..<index]))
            start = scalars.index(after: index)
        }
        lines.append(Substring(scalars[start...]))
        return lines
    }
}

extension Substring {
    fileprivate var trimmingTrailingSpaces: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
