import Foundation
import HuiwenData
import OrderedCollections

/// A small JSON reader for the spec files that yields `Value`s directly: numbers keep their
/// written digits as `Decimal` (JSONSerialization would hand back doubles and NSNumber bools),
/// and objects keep their key order.
struct SpecJSON {
    struct SyntaxError: Error, CustomStringConvertible {
        var offset: Int
        var description: String { "invalid JSON at byte \(offset)" }
    }

    private let bytes: [UInt8]
    private var position = 0

    static func parse(_ text: String) throws -> Value {
        var parser = SpecJSON(bytes: Array(text.utf8))
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.position == parser.bytes.count else { throw SyntaxError(offset: parser.position) }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func value() throws -> Value {
        skipWhitespace()
        guard position < bytes.count else { throw SyntaxError(offset: position) }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            var entries = OrderedDictionary<String, Value>()
            skipWhitespace()
            if peek(UInt8(ascii: "}")) { return .map(entries) }
            repeat {
                skipWhitespace()
                let key = try string()
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                entries[key] = try value()
                skipWhitespace()
            } while peek(UInt8(ascii: ","))
            try expect(UInt8(ascii: "}"))
            return .map(entries)
        case UInt8(ascii: "["):
            position += 1
            var items: [Value] = []
            skipWhitespace()
            if peek(UInt8(ascii: "]")) { return .list(items) }
            repeat {
                items.append(try value())
                skipWhitespace()
            } while peek(UInt8(ascii: ","))
            try expect(UInt8(ascii: "]"))
            return .list(items)
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            let start = position
            while position < bytes.count, "+-0123456789.eE".utf8.contains(bytes[position]) { position += 1 }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            guard let number = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
                throw SyntaxError(offset: start)
            }
            return .number(number)
        }
    }

    private mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        var scalars = String.UnicodeScalarView()
        var utf8: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: utf8, as: UTF8.self).unicodeScalars)
            utf8.removeAll()
        }
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "\"") {
                flush()
                return String(scalars)
            }
            guard byte == UInt8(ascii: "\\") else {
                utf8.append(byte)
                continue
            }
            flush()
            guard position < bytes.count else { break }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code), peek(UInt8(ascii: "\\")), peek(UInt8(ascii: "u")) {
                    let low = try hex4()
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw SyntaxError(offset: position) }
                scalars.append(scalar)
            default:
                scalars.append(Unicode.Scalar(escape))
            }
        }
        throw SyntaxError(offset: position)
    }

    private mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count,
            let code = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
        else { throw SyntaxError(offset: position) }
        position += 4
        return code
    }

    private mutating func literal(_ word: String) throws {
        for byte in word.utf8 { try expect(byte) }
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard position < bytes.count, bytes[position] == byte else { throw SyntaxError(offset: position) }
        position += 1
    }

    private mutating func peek(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
    }
}
