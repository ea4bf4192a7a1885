/// A file's text as lines, for positions: a byte offset becomes `line:column`, a line number
/// gives the text a caret is drawn under, and a line and column give back a byte offset.
///
/// Columns count Unicode scalars (a Chinese character is one column), as `SourceLocation` does.
/// The line index is built once, so many lookups in one file cost one pass over it:
///
/// ```swift
/// let lines = SourceLines("地区,事故起数\n长沙,12\n")
/// let location = lines.location(ofByte: 27, path: "data/a.csv")  // data/a.csv:2:4, the "1"
/// let caret = lines.line(location.line)                          // "长沙,12", without "\n"
/// ```
public struct SourceLines: Sendable {
    /// Where lines end.
    public enum LineBreaks: Sendable {
        /// At `\n`, as every diagnostic counts lines; a `\r` before it is kept out of the line's
        /// text but, like any scalar, takes a column.
        case lineFeed
        /// At `\n`, `\r\n` or a lone `\r`, as CommonMark (and cmark-gfm's positions) count them.
        case commonMark
    }

    /// The text, in UTF-8.
    public let bytes: [UInt8]
    /// The offset of each line's first byte; line 1 starts at 0.
    private let starts: [Int]

    /// The lines of `bytes` (UTF-8), cut at `breaks`.
    public init(_ bytes: [UInt8], breaks: LineBreaks = .lineFeed) {
        self.bytes = bytes
        starts = bytes.withUnsafeBufferPointer { buffer in
            var starts = [0]
            var index = 0
            while index < buffer.count {
                let byte = buffer[index]
                if byte == UInt8(ascii: "\n") {
                    starts.append(index + 1)
                } else if byte == UInt8(ascii: "\r"), breaks == .commonMark {
                    if index + 1 < buffer.count, buffer[index + 1] == UInt8(ascii: "\n") { index += 1 }
                    starts.append(index + 1)
                }
                index += 1
            }
            return starts
        }
    }

    /// The lines of `text`, cut at `breaks`; offsets count its UTF-8 bytes.
    public init(_ text: String, breaks: LineBreaks = .lineFeed) {
        self.init(Array(text.utf8), breaks: breaks)
    }

    /// How many lines there are: one more than the line breaks, so a text that ends with a
    /// line break ends with an empty line.
    public var count: Int { starts.count }

    /// Where the byte at `offset` sits in the file at `path` (an offset past the end is the end).
    public func location(ofByte offset: Int, path: String) -> SourceLocation {
        location(ofByte: offset, from: SourceLocation(path: path, line: 1, column: 1))
    }

    /// Where the byte at `offset` sits when this text starts at `start` in its file (a
    /// template after front matter, or a value that starts mid-line).
    public func location(ofByte offset: Int, from start: SourceLocation) -> SourceLocation {
        let offset = min(max(offset, 0), bytes.count)
        let index = lineIndex(containing: offset)
        var column = 1
        for byte in bytes[starts[index]..<offset] where byte & 0xC0 != 0x80 { column += 1 }
        if index == 0 { return SourceLocation(path: start.path, line: start.line, column: start.column + column - 1) }
        return SourceLocation(path: start.path, line: start.line + index, column: column)
    }

    /// The text of line `number` (1-based) without its line break; nil past the last line.
    public func line(_ number: Int) -> String? {
        range(ofLine: number).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// The text of the line that holds the byte at `offset`, without its line break.
    public func line(containingByte offset: Int) -> String {
        line(lineIndex(containing: min(max(offset, 0), bytes.count)) + 1) ?? ""
    }

    /// The bytes of line `number` (1-based) without its line break; nil past the last line.
    public func range(ofLine number: Int) -> Range<Int>? {
        guard number >= 1, number <= starts.count else { return nil }
        let start = starts[number - 1]
        var end = number < starts.count ? starts[number] : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<end
    }

    /// The offset of the scalar at `line`:`column` (1-based; a column past the line's end is
    /// its end); nil for a line that does not exist or a column below 1.
    public func offset(line: Int, column: Int) -> Int? {
        guard column >= 1, let range = range(ofLine: line) else { return nil }
        var current = 1
        for offset in range where bytes[offset] & 0xC0 != 0x80 {
            if current == column { return offset }
            current += 1
        }
        return range.upperBound
    }

    /// The offset of the byte at `line`:`byteColumn`, a column that counts bytes (cmark-gfm's
    /// positions do); nil for a line that does not exist or a column below 1.
    public func offset(line: Int, byteColumn: Int) -> Int? {
        guard line >= 1, line <= starts.count, byteColumn >= 1 else { return nil }
        return starts[line - 1] + byteColumn - 1
    }

    /// The 0-based index of the line that holds `offset` (the last line starting at or before it).
    private func lineIndex(containing offset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
