import HuiwenDiagnostics
import Yams

/// Finds the second occurrence of a duplicate key, which Yams does not report (it names the
/// first key, then stops). A block mapping's keys share a column, so the next key at the same
/// column is the duplicate; in a flow mapping, the next `key:` after the first is taken.
struct YAMLDuplicateKeyLocator {
    let source: SourceText

    func secondOccurrence(of key: String, after first: Mark) -> SourceLocation? {
        let lines = source.bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let spellings = [key, "\"\(key)\"", "'\(key)'"].map { Array($0.utf8) }
        var fallback: SourceLocation?
        for lineNumber in first.line...lines.count {
            let line = Array(lines[lineNumber - 1])
            var column = 1
            var offset = 0
            while offset < line.count {
                let isFirst = lineNumber == first.line && column == first.column
                if !isFirst, (lineNumber > first.line || column > first.column),
                    let spelling = spellings.first(where: { Self.matchesKey($0, in: line, at: offset) })
                {
                    _ = spelling
                    let location = SourceLocation(path: source.path, line: lineNumber, column: column)
                    let startsLine = line[..<offset].allSatisfy { $0 == 0x20 || $0 == UInt8(ascii: "-") }
                    if column == first.column, startsLine { return location }
                    if fallback == nil, Self.followsSeparator(line, at: offset) { fallback = location }
                }
                if line[offset] & 0xC0 != 0x80 { column += 1 }
                offset += 1
            }
        }
        return fallback
    }

    /// `spelling` at `offset`, then optional spaces and a `:`.
    private static func matchesKey(_ spelling: [UInt8], in line: [UInt8], at offset: Int) -> Bool {
        guard offset + spelling.count <= line.count, Array(line[offset..<offset + spelling.count]) == spelling
        else { return false }
        var next = offset + spelling.count
        while next < line.count, line[next] == 0x20 { next += 1 }
        return next < line.count && line[next] == UInt8(ascii: ":")
    }

    /// A flow mapping's key follows `{`, `,` or spaces.
    private static func followsSeparator(_ line: [UInt8], at offset: Int) -> Bool {
        var previous = offset - 1
        while previous >= 0, line[previous] == 0x20 { previous -= 1 }
        return previous < 0 || line[previous] == UInt8(ascii: "{") || line[previous] == UInt8(ascii: ",")
    }
}
