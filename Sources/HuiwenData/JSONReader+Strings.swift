import HuiwenDiagnostics

extension JSONReader.Parser {
    /// A string literal with its escapes; the cursor is on the opening quote.
    mutating func parseString() throws(Diagnostic) -> String {
        let opening = cursor.location(in: source.path)
        cursor.advance()
        var bytes: [UInt8] = []
        while true {
            let segment = cursor.index
            cursor.skip(until: UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "\""))
            bytes.append(contentsOf: source.bytes[segment..<cursor.index])
            guard let byte = cursor.current else {
                throw source.diagnostic(at: opening, "unterminated string")
            }
            switch byte {
            case UInt8(ascii: "\""):
                cursor.advance()
                return String(decoding: bytes, as: UTF8.self)
            case UInt8(ascii: "\\"):
                cursor.advance()
                try parseEscape(into: &bytes)
            case 0x00..<0x20:
                throw failure("a control character in a string must be escaped")
            default:
                bytes.append(byte)
                cursor.advance()
            }
        }
    }

    private mutating func parseEscape(into bytes: inout [UInt8]) throws(Diagnostic) {
        guard let byte = cursor.current else { throw failure("unterminated string") }
        let simple: UInt8? =
            switch byte {
            case UInt8(ascii: "\""): UInt8(ascii: "\"")
            case UInt8(ascii: "\\"): UInt8(ascii: "\\")
            case UInt8(ascii: "/"): UInt8(ascii: "/")
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "t"): 0x09
            default: nil
            }
        if let simple {
            bytes.append(simple)
            cursor.advance()
            return
        }
        guard byte == UInt8(ascii: "u") else {
            throw failure("invalid escape \"\\\(cursor.currentScalarText)\" in a string")
        }
        let start = cursor.location(in: source.path)
        cursor.advance()
        var scalarValue = try hexQuad()
        if (0xD800..<0xDC00).contains(scalarValue) {
            // A high surrogate must be followed by an escaped low surrogate: together they
            // name one scalar outside the Basic Multilingual Plane.
            guard cursor.current == UInt8(ascii: "\\"), cursor.peek() == UInt8(ascii: "u") else {
                throw source.diagnostic(at: start, "unpaired surrogate in a \\u escape")
            }
            cursor.advance()
            cursor.advance()
            let low = try hexQuad()
            guard (0xDC00..<0xE000).contains(low) else {
                throw source.diagnostic(at: start, "unpaired surrogate in a \\u escape")
            }
            scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(scalarValue) else {
            throw source.diagnostic(at: start, "unpaired surrogate in a \\u escape")
        }
        bytes.append(contentsOf: String(Character(scalar)).utf8)
    }

    private mutating func hexQuad() throws(Diagnostic) -> UInt32 {
        var result: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = cursor.current, let digit = Self.hexValue(byte) else {
                throw failure("expected four hexadecimal digits after \\u")
            }
            result = result << 4 | digit
            cursor.advance()
        }
        return result
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
