import HuiwenDiagnostics

/// A data file's bytes after the checks every format shares: the size limit, valid UTF-8, and
/// a leading byte-order mark removed (it is not part of the content and takes no column).
struct SourceText {
    let path: String
    /// The content, without the byte-order mark.
    let bytes: [UInt8]
    /// How many bytes the byte-order mark took (0 or 3), for byte offsets in messages.
    let bomLength: Int

    init(_ raw: [UInt8], path: String, limits: DataLimits) throws(DiagnosticError) {
        self.path = path
        guard raw.count <= limits.maxFileSize else {
            throw DiagnosticError(Diagnostic(path: path, Self.sizeMessage(raw.count, limits)))
        }
        let hasBOM = raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF
        bomLength = hasBOM ? 3 : 0
        bytes = hasBOM ? Array(raw[3...]) : raw
        // The standard library's validation is fast; the slow walk below runs only on failure,
        // to say where the bad byte is.
        if String(validating: bytes, as: UTF8.self) == nil {
            throw DiagnosticError(invalidUTF8Diagnostic())
        }
    }

    static func sizeMessage(_ size: Int, _ limits: DataLimits) -> String {
        "file is \(size) bytes, over the limit of \(limits.maxFileSize) bytes"
    }

    /// The text, for readers that need a `String` (Yams). Valid by construction.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The error for the first invalid sequence: its byte offset in the file (0-based, counting
    /// the byte-order mark) and the line and column where it starts.
    private func invalidUTF8Diagnostic() -> Diagnostic {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var line = 1
        var column = 1
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput, .error:
                break decoding
            }
        }
        let location = SourceLocation(path: path, line: line, column: column)
        return Diagnostic(at: location, "invalid UTF-8 at byte \(offset + bomLength)")
    }

    /// The location of the byte at `offset` (an index into `bytes`): columns count Unicode
    /// scalars, so continuation bytes do not advance them.
    func location(ofByte offset: Int) -> SourceLocation {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(path: path, line: line, column: column)
    }

    /// The text of line `line` (1-based) without its line break, for a diagnostic's caret.
    func sourceLine(_ line: Int) -> String? {
        var current = 1
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if current == line { return Self.lineText(bytes[start..<index]) }
            current += 1
            start = index + 1
        }
        return current == line ? Self.lineText(bytes[start...]) : nil
    }

    private static func lineText(_ slice: ArraySlice<UInt8>) -> String {
        let trimmed = slice.last == UInt8(ascii: "\r") ? slice.dropLast() : slice
        return String(decoding: trimmed, as: UTF8.self)
    }

    /// A diagnostic at `location` with the source line filled in.
    func diagnostic(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(at: location, message, sourceLine: sourceLine(location.line))
    }

    /// A diagnostic at `location`, which is byte `offset`: the source line is found around
    /// the offset, so a file with many problems is not rescanned from its start for each.
    func diagnostic(at location: SourceLocation, offset: Int, _ message: String) -> Diagnostic {
        var start = min(offset, bytes.count)
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        var end = min(offset, bytes.count)
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        return Diagnostic(at: location, message, sourceLine: Self.lineText(bytes[start..<end]))
    }
}
