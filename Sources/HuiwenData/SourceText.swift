import HuiwenDiagnostics

/// A data file's bytes after the checks every format shares: the size limit, valid UTF-8, and
/// a leading byte-order mark removed (it is not part of the content and takes no column).
struct SourceText {
    let path: String
    /// The content, without the byte-order mark, as lines for the positions in messages.
    let lines: SourceLines
    /// How many bytes the byte-order mark took (0 or 3), for byte offsets in messages.
    let bomLength: Int

    init(_ raw: [UInt8], path: String, limits: DataLimits) throws(DiagnosticError) {
        self.path = path
        guard raw.count <= limits.maxFileSize else {
            throw DiagnosticError(Diagnostic(path: path, Self.sizeMessage(raw.count, limits)))
        }
        let hasBOM = raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF
        bomLength = hasBOM ? 3 : 0
        let bytes = hasBOM ? Array(raw[3...]) : raw
        do {
            _ = try UTF8Validation.decode(bytes, path: path, bytesBefore: bomLength)
        } catch {
            throw DiagnosticError(error)
        }
        lines = SourceLines(bytes)
    }

    static func sizeMessage(_ size: Int, _ limits: DataLimits) -> String {
        "file is \(size) bytes, over the limit of \(limits.maxFileSize) bytes"
    }

    /// The content, without the byte-order mark.
    var bytes: [UInt8] { lines.bytes }

    /// The text, for readers that need a `String` (Yams). Valid by construction.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The location of the byte at `offset` (an index into `bytes`).
    func location(ofByte offset: Int) -> SourceLocation {
        lines.location(ofByte: offset, path: path)
    }

    /// A diagnostic at `location` with the source line filled in.
    func diagnostic(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(at: location, message, sourceLine: lines.line(location.line))
    }

    /// A diagnostic at `location`, which is byte `offset`.
    func diagnostic(at location: SourceLocation, offset: Int, _ message: String) -> Diagnostic {
        Diagnostic(at: location, message, sourceLine: lines.line(containingByte: offset))
    }
}
