import HuiwenDiagnostics

/// A ```` ```chart ```` block of a document: the spec's text, and the way back from a place in
/// the spec to a byte of the Markdown the document was rendered from.
///
/// The spec is the block's lines as they stand in the Markdown (so that a problem's column is
/// the column the author sees), with the Markdown escapes of values a template inserted with
/// `{{x}}` undone: inside a code block Markdown shows a backslash as it is, and the spec wants
/// the value's own text (`title: {{meeting.period}}全省情况` reads `2025年全省情况`).
struct ChartBlock {
    /// The path of locations inside the spec (never shown: problems are mapped to the document).
    static let specPath = "<chart>"

    /// One line of the spec: where it stands in the Markdown, and whether it was read from there
    /// (false: cmark expanded a tab, and the line is cmark's).
    private struct Line {
        var range: Range<Int>
        var isSource: Bool
    }

    /// The spec, in YAML.
    let spec: String
    /// The byte of the Markdown where the opening fence starts.
    let fenceOffset: Int
    private let lines: [Line]
    private let bytes: [UInt8]
    private let escaped: [Range<Int>]
    /// Where the line after the spec starts (the closing fence, or the end of the text).
    private let endOffset: Int

    /// The block whose fence starts at `fenceOffset` on line `fenceLine` of `source` (the
    /// Markdown, cut as CommonMark cuts lines), holding `literal` (cmark's content of the block,
    /// without the fence lines and the indentation of containers); `escaped` are the byte ranges
    /// of values a template inserted with `{{x}}`.
    init(lines source: SourceLines, fenceLine: Int, fenceOffset: Int, literal: String, escaped: [Range<Int>]) {
        self.fenceOffset = fenceOffset
        self.bytes = source.bytes
        self.escaped = escaped
        var spec: [UInt8] = []
        spec.reserveCapacity(literal.utf8.count + 16)
        var lines: [Line] = []
        var contentLines = literal.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if contentLines.last?.isEmpty == true { contentLines.removeLast() }
        for (index, content) in contentLines.enumerated() {
            let range = source.range(ofLine: fenceLine + 1 + index) ?? fenceOffset..<fenceOffset
            if range.count >= content.count, bytes[(range.upperBound - content.count)..<range.upperBound].elementsEqual(content) {
                // The line as written: container indentation before it is not part of the spec.
                let line = (range.upperBound - content.count)..<range.upperBound
                Self.unescape(bytes, line, escaped: escaped) { byte, _ in spec.append(byte) }
                lines.append(Line(range: line, isSource: true))
            } else {
                spec += content
                lines.append(Line(range: range, isSource: false))
            }
            spec.append(UInt8(ascii: "\n"))
        }
        self.spec = String(decoding: spec, as: UTF8.self)
        self.lines = lines
        endOffset = source.range(ofLine: fenceLine + 1 + contentLines.count)?.lowerBound ?? bytes.count
    }

    /// The Markdown byte of a place in the spec: line 0 is the fence, a line past the spec's
    /// end (where YAML found it unfinished) the line after it. Only problems ask, so the
    /// columns of a line are counted here rather than stored.
    func offset(of location: SourceLocation) -> Int {
        if location.line > lines.count { return endOffset }
        guard location.line >= 1 else { return fenceOffset }
        let line = lines[location.line - 1]
        var column = 1
        var found: Int?
        let visit = { (byte: UInt8, offset: Int) in
            guard found == nil, byte & 0xC0 != 0x80 else { return }
            if column == location.column { found = offset }
            column += 1
        }
        if line.isSource {
            Self.unescape(bytes, line.range, escaped: escaped, visit)
        } else {
            for offset in line.range { visit(bytes[offset], offset) }
        }
        return found ?? line.range.upperBound
    }

    /// Hands each byte of `bytes[range]` to `body` with its offset, dropping the escapes
    /// `MarkdownEscaper` adds inside the `escaped` ranges: a backslash before ASCII punctuation;
    /// `&#32;` and `&#9;` for spaces and tabs at a value's ends (given at the entity's offset).
    private static func unescape(_ bytes: [UInt8], _ range: Range<Int>, escaped: [Range<Int>], _ body: (UInt8, Int) -> Void) {
        let values = escaped.filter { $0.overlaps(range) }
        guard !values.isEmpty else {
            for offset in range { body(bytes[offset], offset) }
            return
        }
        var index = range.lowerBound
        while index < range.upperBound {
            let inValue = values.contains { $0.contains(index) }
            if inValue, bytes[index] == UInt8(ascii: "\\"), index + 1 < range.upperBound, isASCIIPunctuation(bytes[index + 1]) {
                index += 1
            } else if inValue, let (length, replacement) = entity(in: bytes, at: index, end: range.upperBound) {
                body(replacement, index)
                index += length
                continue
            }
            body(bytes[index], index)
            index += 1
        }
    }

    private static func entity(in bytes: [UInt8], at index: Int, end: Int) -> (length: Int, scalar: UInt8)? {
        for (entity, scalar) in [("&#32;", UInt8(ascii: " ")), ("&#9;", UInt8(ascii: "\t"))] {
            let pattern = Array(entity.utf8)
            if index + pattern.count <= end, bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                return (pattern.count, scalar)
            }
        }
        return nil
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }
}
