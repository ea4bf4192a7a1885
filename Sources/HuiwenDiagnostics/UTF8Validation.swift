/// Strict UTF-8 decoding of a user's file: the text, or an error at the first bad byte.
public enum UTF8Validation {
    /// `bytes` as text; invalid UTF-8 throws `path:line:col: error: invalid UTF-8 at byte N`,
    /// N the 0-based offset of the first invalid sequence. `bytesBefore` counts what the caller
    /// took off the front of the file (a byte-order mark): part of N, but taking no column.
    public static func decode(_ bytes: [UInt8], path: String, bytesBefore: Int = 0) throws(Diagnostic) -> String {
        // The standard library's validation is fast; the walk below runs only on failure, to
        // say where the bad byte is.
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let offset = firstInvalidOffset(bytes)
        let location = SourceLines(Array(bytes[..<offset])).location(ofByte: offset, path: path)
        throw Diagnostic(at: location, "invalid UTF-8 at byte \(offset + bytesBefore)")
    }

    /// The offset where the first invalid sequence starts (the end when there is none).
    private static func firstInvalidOffset(_ bytes: [UInt8]) -> Int {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            offset += UTF8.width(scalar)
        }
        return offset
    }
}
