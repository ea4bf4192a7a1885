import HuiwenDiagnostics
import HuiwenText

/// A tag or a run of text found by the scanner, before standalone lines are removed and the
/// tree is built. Text is cut after every newline so that lines can be judged one by one.
struct TemplateToken {
    enum Kind: Equatable {
        case text, variable, unescaped, section, inverted, close, comment, partial, parent, block
        case delimiters

        /// Tags that print nothing themselves, so a line holding only them (and whitespace) is
        /// "standalone" and disappears from the output.
        var canStandAlone: Bool {
            switch self {
            case .section, .inverted, .close, .comment, .partial, .parent, .block, .delimiters: true
            case .text, .variable, .unescaped: false
            }
        }
    }

    var kind: Kind
    /// Text tokens: the literal text. Tags: the content after the sigil, trimmed.
    var text: String
    /// Where the token starts in its file: a tag's `{{`, a text's first character.
    var location: SourceLocation
    var isRemoved = false
    var isStandalone = false
    /// Partials and parents: the whitespace before a standalone tag.
    var indentation = ""
}

/// Cuts template source into tokens, following `{{=<% %>=}}` delimiter changes as it goes.
/// Works on UTF-8 bytes: every delimiter and sigil is ASCII-safe to search for, and a
/// multi-byte character can never contain one.
struct TemplateScanner {
    private let bytes: [UInt8]
    private let start: SourceLocation
    private(set) var diagnostics: [Diagnostic] = []
    /// How far positions have been counted, and the position reached: tags are found in
    /// order, so each is counted on from the last and the whole source is walked once. (Counting
    /// each tag's column from its line's start took quadratic time on a long line of tags.)
    private var counted = 0
    private var countedLocation: SourceLocation

    init(source: String, start: SourceLocation) {
        bytes = Array(source.utf8)
        self.start = start
        countedLocation = start
    }

    mutating func scan() -> [TemplateToken] {
        var tokens: [TemplateToken] = []
        tokens.reserveCapacity(bytes.count / 16 + 4)
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
        var position = 0
        while position < bytes.count {
            let tagStart = find(open, from: position) ?? bytes.count
            appendText(from: position, to: tagStart, into: &tokens)
            guard tagStart < bytes.count else { break }
            let location = location(ofByte: tagStart)
            var cursor = tagStart + open.count
            let sigil: UInt8? = cursor < bytes.count ? bytes[cursor] : nil
            // Triple mustaches and delimiter changes end with an extra character before the
            // closing delimiter: `}` and `=`.
            var closing = close
            if sigil == UInt8(ascii: "{") { closing = [UInt8(ascii: "}")] + close }
            if sigil == UInt8(ascii: "=") { closing = [UInt8(ascii: "=")] + close }
            if sigil == UInt8(ascii: "{") || sigil == UInt8(ascii: "=") { cursor += 1 }
            guard let end = find(closing, from: cursor) else {
                let expected = String(decoding: closing, as: UTF8.self)
                diagnostics.append(Diagnostic(at: location, "unclosed tag: expected '\(expected)'"))
                break
            }
            let raw = String(decoding: bytes[cursor..<end], as: UTF8.self)
            position = end + closing.count
            switch sigil {
            case UInt8(ascii: "{"):
                tokens.append(TemplateToken(kind: .unescaped, text: trimmed(raw), location: location))
            case UInt8(ascii: "="):
                let parts = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
                if parts.count == 2, !parts.contains(where: { $0.contains("=") }) {
                    open = Array(parts[0].utf8)
                    close = Array(parts[1].utf8)
                } else {
                    diagnostics.append(Diagnostic(
                        at: location, "invalid delimiter change '=\(raw)=': expected two delimiters such as {{=<% %>=}}"))
                }
                tokens.append(TemplateToken(kind: .delimiters, text: "", location: location))
            default:
                tokens.append(tagToken(raw, at: location))
            }
        }
        return tokens
    }

    /// The position of the byte at `offset`, at or after the last one asked for.
    private mutating func location(ofByte offset: Int) -> SourceLocation {
        bytes.withUnsafeBufferPointer { buffer in
            while counted < offset {
                let byte = buffer[counted]
                if byte == UInt8(ascii: "\n") {
                    countedLocation.line += 1
                    countedLocation.column = 1
                } else if byte & 0xC0 != 0x80 {
                    countedLocation.column += 1
                }
                counted += 1
            }
        }
        return countedLocation
    }

    private func tagToken(_ raw: String, at location: SourceLocation) -> TemplateToken {
        let content = trimmed(raw)
        let kind: TemplateToken.Kind
        switch content.unicodeScalars.first {
        case "!": kind = .comment
        case "#": kind = .section
        case "^": kind = .inverted
        case "/": kind = .close
        case ">": kind = .partial
        case "<": kind = .parent
        case "$": kind = .block
        case "&": kind = .unescaped
        default: return TemplateToken(kind: .variable, text: content, location: location)
        }
        let rest = kind == .comment ? "" : trimmed(String(content.unicodeScalars.dropFirst()))
        return TemplateToken(kind: kind, text: rest, location: location)
    }

    /// Appends text, one token per line, so the standalone pass can see line boundaries.
    private mutating func appendText(from start: Int, to end: Int, into tokens: inout [TemplateToken]) {
        var lineStart = start
        var index = start
        while index < end {
            if bytes[index] == UInt8(ascii: "\n") {
                tokens.append(textToken(lineStart, index + 1))
                lineStart = index + 1
            }
            index += 1
        }
        if lineStart < end { tokens.append(textToken(lineStart, end)) }
    }

    private mutating func textToken(_ start: Int, _ end: Int) -> TemplateToken {
        // Text keeps its position for the source map of merged text (`TemplateSourceMap`):
        // problems found later in the merged Markdown (a chart's spec) point back into the file.
        TemplateToken(
            kind: .text, text: String(decoding: bytes[start..<end], as: UTF8.self),
            location: location(ofByte: start))
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        ByteSearch.firstIndex(of: needle, in: bytes, from: start)
    }
}

/// Trims spaces, tabs and line breaks, which are the only padding Mustache allows in tags.
func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    func isPadding(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }
    guard let first = scalars.firstIndex(where: { !isPadding($0) }),
        let last = scalars.lastIndex(where: { !isPadding($0) })
    else { return "" }
    return String(scalars[first...last])
}
