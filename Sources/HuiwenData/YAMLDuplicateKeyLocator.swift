import HuiwenDiagnostics
import Yams

/// Finds the second occurrence of a duplicate key, which Yams does not report (it names the
/// first key, then stops). A block mapping's keys share a column, so the next key at the same
/// column is the duplicate; in a flow mapping, the next `key:` after the first is taken.
struct YAMLDuplicateKeyLocator {
    let source: SourceText

    func secondOccurrence(of key: String, after first: Mark) -> SourceLocation? {
        let lines = source.lines
        guard let firstRange = lines.range(ofLine: first.line),
            let firstOffset = lines.offset(line: first.line, column: first.column)
        else { return nil }
        let spellings = [key, "\"\(key)\"", "'\(key)'"].map { Array($0.utf8) }
        // A key with only indentation (or `- `) before it belongs to a block mapping.
        let isBlock = Self.startsLine(Array(lines.bytes[firstRange]), before: firstOffset - firstRange.lowerBound)
        for lineNumber in first.line...lines.count {
            let line = Array(lines.bytes[lines.range(ofLine: lineNumber)!])
            var column = 1
            for offset in line.indices {
                if lineNumber > first.line || column > first.column,
                    spellings.contains(where: { Self.matchesKey($0, in: line, at: offset) })
                {
                    let found =
                        isBlock
                        ? column == first.column && Self.startsLine(line, before: offset)
                        : Self.followsSeparator(line, at: offset)
                    if found { return SourceLocation(path: source.path, line: lineNumber, column: column) }
                }
                if line[offset] & 0xC0 != 0x80 { column += 1 }
            }
        }
        return nil
    }

    private static func startsLine(_ line: [UInt8], before offset: Int) -> Bool {
        line[..<min(offset, line.count)].allSatisfy { $0 == 0x20 || $0 == UInt8(ascii: "-") }
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
