/// A position in a user's file: `path:line:col`, 1-based; `column` counts Unicode scalars
/// (a Chinese character is one column), as editors and compilers do.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:col`, the form every diagnostic starts with.
    public var description: String { "\(path):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }

    /// The location `text` advances to when read from here: used to map a position inside an
    /// embedded text (front matter, a template) back to its file.
    public func advanced(over text: Substring) -> SourceLocation {
        let lines = SourceLines(Array(text.utf8))
        return lines.location(ofByte: lines.bytes.count, from: self)
    }
}
