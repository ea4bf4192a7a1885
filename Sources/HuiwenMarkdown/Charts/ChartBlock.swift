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

    /// The spec, in YAML.
    let spec: String
    /// The byte of the Markdown where the opening fence starts.
    let fenceOffset: Int
    /// For each line of the spec, the Markdown offset of each of its scalars, and of its end.
    private let scalarOffsets: [[Int]]
    /// Where the line after the spec starts (the closing fence, or the end of the text).
    private let endOffset: Int

    /// The block whose fence starts at `fenceOffset` on line `fenceLine` of `lines` (the Markdown,
    /// cut as CommonMark cuts lines), holding `literal` (cmark's content of the block, without
    /// the fence lines and the indentation of containers); `escaped` are the byte ranges of
    /// values a template inserted with `{{x}}`.
    init(lines: SourceLines, fenceLine: Int, fenceOffset: Int, literal: String, escaped: [Range<Int>]) {
        self.fenceOffset = fenceOffset
        var spec = ""
        var offsets: [[Int]] = []
        var contentLines = literal.split(separator: "\n", omittingEmptySubsequences: false)
        if contentLines.last?.isEmpty == true { contentLines.removeLast() }
        let bytes = lines.bytes
        for (index, content) in contentLines.enumerated() {
            let contentBytes = Array(content.utf8)
            var line = ""
            var lineOffsets: [Int] = []
            if let range = lines.range(ofLine: fenceLine + 1 + index), range.count >= contentBytes.count,
                bytes[(range.upperBound - contentBytes.count)..<range.upperBound].elementsEqual(contentBytes)
            {
                // The line as written: container indentation before it is not part of the spec.
                Self.unescape(bytes, from: range.upperBound - contentBytes.count, to: range.upperBound, escaped: escaped, into: &line, offsets: &lineOffsets)
                lineOffsets.append(range.upperBound)
            } else {
                // A tab cmark expanded: the literal as it is, its columns counted from the line start.
                let start = lines.range(ofLine: fenceLine + 1 + index)?.lowerBound ?? fenceOffset
                var offset = start
                for scalar in content.unicodeScalars {
                    line.unicodeScalars.append(scalar)
                    lineOffsets.append(offset)
                    offset += String(scalar).utf8.count
                }
                lineOffsets.append(offset)
            }
            spec += line + "\n"
            offsets.append(lineOffsets)
        }
        self.spec = spec
        self.scalarOffsets = offsets
        endOffset = lines.range(ofLine: fenceLine + 1 + contentLines.count)?.lowerBound ?? bytes.count
    }

    /// The Markdown byte of a place in the spec: line 0 is the fence, a line past the spec's
    /// end (where YAML found it unfinished) the line after it.
    func offset(of location: SourceLocation) -> Int {
        if location.line > scalarOffsets.count { return endOffset }
        guard location.line >= 1 else { return fenceOffset }
        let line = scalarOffsets[location.line - 1]
        return line[min(max(location.column, 1), line.count) - 1]
    }

    /// Copies `bytes[start..<end]` into `line`, dropping the escapes `MarkdownEscaper` adds
    /// inside the `escaped` ranges (a backslash before ASCII punctuation; `&#32;` and `&#9;` for
    /// spaces and tabs at a value's ends), and notes where each scalar came from.
    private static func unescape(
        _ bytes: [UInt8], from start: Int, to end: Int, escaped: [Range<Int>], into line: inout String, offsets: inout [Int]
    ) {
        var text: [UInt8] = []
        var index = start
        while index < end {
            let inValue = escaped.contains { $0.contains(index) }
            if inValue, bytes[index] == UInt8(ascii: "\\"), index + 1 < end, isASCIIPunctuation(bytes[index + 1]) {
                index += 1
            } else if inValue, let (entity, replacement) = entity(in: bytes, at: index, end: end) {
                offsets.append(index)
                text.append(replacement)
                index += entity
                continue
            }
            if bytes[index] & 0xC0 != 0x80 { offsets.append(index) }
            text.append(bytes[index])
            index += 1
        }
        line += String(decoding: text, as: UTF8.self)
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
