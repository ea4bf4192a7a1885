import HuiwenDiagnostics

/// A read position in UTF-8 bytes that keeps its line and column as it moves, so a reader can
/// stamp each value with where it starts without rescanning the line.
struct ByteCursor {
    let bytes: [UInt8]
    private(set) var index = 0
    private(set) var line = 1
    /// 1-based, in Unicode scalars: only a scalar's first byte advances it.
    private(set) var column = 1

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { index >= bytes.count }

    /// The byte at the cursor; nil at the end.
    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// The byte `distance` after the cursor; nil past the end.
    func peek(_ distance: Int = 1) -> UInt8? {
        index + distance < bytes.count ? bytes[index + distance] : nil
    }

    mutating func advance() {
        guard index < bytes.count else { return }
        let byte = bytes[index]
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
        index += 1
    }

    /// Moves to the next byte that is `a`, `b`, `c` or a control character (which includes
    /// every line break), in one tight loop: the fast path through long text.
    mutating func skip(until a: UInt8, _ b: UInt8, _ c: UInt8) {
        let (end, columns) = bytes.withUnsafeBufferPointer { buffer -> (Int, Int) in
            var position = index
            var columns = 0
            while position < buffer.count {
                let byte = buffer[position]
                if byte < 0x20 || byte == a || byte == b || byte == c { break }
                if byte & 0xC0 != 0x80 { columns += 1 }
                position += 1
            }
            return (position, columns)
        }
        index = end
        column += columns
    }

    func location(in path: String) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    /// The whole Unicode scalar at the cursor, for messages (`unexpected character "，"`).
    var currentScalarText: String {
        guard index < bytes.count else { return "end of file" }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[index..<end], as: UTF8.self)
    }
}
