import Foundation
import HuiwenDiagnostics
import OrderedCollections

/// Reads JSON (RFC 8259) into a positioned `Value`, with numbers as exact `Decimal`s.
///
/// Foundation's `JSONSerialization` cannot serve: it reports no positions and reads numbers
/// through `Double`. Strings stay strings (JSON has no date type, so `"2026-01-10"` is text).
/// Duplicate keys are errors at the second key; all of them are reported, but a syntax error
/// ends the reading (what follows it cannot be trusted). Throws `DiagnosticError`.
public struct JSONReader: Sendable {
    public var limits: DataLimits

    public init(limits: DataLimits = DataLimits()) {
        self.limits = limits
    }

    /// Reads `bytes` (the file's content) as JSON; `path` names the file in every location.
    public func read(_ bytes: [UInt8], path: String) throws(DiagnosticError) -> Value {
        let source = try SourceText(bytes, path: path, limits: limits)
        var parser = Parser(source: source, limits: limits)
        // A syntax error ends the reading; duplicate keys before it are reported with it.
        do throws(Diagnostic) {
            parser.skipWhitespace()
            let value = try parser.parseValue(depth: 1)
            parser.skipWhitespace()
            if !parser.cursor.isAtEnd {
                throw parser.failure("unexpected \(parser.describeCurrent()) after the JSON value")
            }
            if parser.diagnostics.isEmpty { return value }
        } catch {
            parser.diagnostics.append(error)
        }
        throw DiagnosticError(parser.diagnostics.all)
    }

    /// Reads JSON text; the same as `read(_:path:)` on its UTF-8 bytes.
    public func read(_ text: String, path: String) throws(DiagnosticError) -> Value {
        try read(Array(text.utf8), path: path)
    }
}

extension JSONReader {
    /// Recursive descent: one call per nesting level, bounded by `limits.maxDepth`, so the
    /// stack stays small whatever the input.
    struct Parser {
        let source: SourceText
        let limits: DataLimits
        var cursor: ByteCursor
        var diagnostics: DiagnosticList
        var valueCount = 0

        init(source: SourceText, limits: DataLimits) {
            self.source = source
            self.limits = limits
            self.cursor = ByteCursor(source.bytes)
            self.diagnostics = DiagnosticList(path: source.path)
        }

        func failure(_ message: String) -> Diagnostic {
            source.diagnostic(at: cursor.location(in: source.path), offset: cursor.index, message)
        }

        func describeCurrent() -> String {
            cursor.isAtEnd ? "end of file" : "character \"\(cursor.currentScalarText)\""
        }

        mutating func skipWhitespace() {
            while let byte = cursor.current,
                byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
            {
                cursor.advance()
            }
        }

        mutating func countValue() throws(Diagnostic) {
            valueCount += 1
            if valueCount > limits.maxValues {
                throw failure("more than \(limits.maxValues) values in one file")
            }
        }

        mutating func parseValue(depth: Int) throws(Diagnostic) -> Value {
            try countValue()
            let location = cursor.location(in: source.path)
            switch cursor.current ?? 0 {
            case UInt8(ascii: "{"):
                return try parseObject(depth: depth, at: location)
            case UInt8(ascii: "["):
                return try parseArray(depth: depth, at: location)
            case UInt8(ascii: "\""):
                return .string(try parseString(), at: location)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return .number(try parseNumber(), at: location)
            case UInt8(ascii: "t"):
                try expectWord("true")
                return .bool(true, at: location)
            case UInt8(ascii: "f"):
                try expectWord("false")
                return .bool(false, at: location)
            case UInt8(ascii: "n"):
                try expectWord("null")
                return Value(.null, at: location)
            default:
                throw failure("expected a value, found \(describeCurrent())")
            }
        }

        mutating func enter(depth: Int) throws(Diagnostic) {
            if depth > limits.maxDepth {
                throw failure("nesting deeper than \(limits.maxDepth) levels")
            }
        }

        mutating func parseObject(depth: Int, at location: SourceLocation) throws(Diagnostic) -> Value {
            try enter(depth: depth)
            cursor.advance()  // {
            var entries: OrderedDictionary<String, Value> = [:]
            var keyLocations: [String: SourceLocation] = [:]
            skipWhitespace()
            if cursor.current == UInt8(ascii: "}") {
                cursor.advance()
                return .map(entries, at: location)
            }
            while true {
                skipWhitespace()
                guard cursor.current == UInt8(ascii: "\"") else {
                    throw failure("expected a key in double quotes, found \(describeCurrent())")
                }
                let keyLocation = cursor.location(in: source.path)
                let keyOffset = cursor.index
                let key = try parseString()
                skipWhitespace()
                guard cursor.current == UInt8(ascii: ":") else {
                    throw failure("expected \":\" after the key \"\(key)\", found \(describeCurrent())")
                }
                cursor.advance()
                skipWhitespace()
                let value = try parseValue(depth: depth + 1)
                if let first = keyLocations[key] {
                    diagnostics.append(source.diagnostic(
                        at: keyLocation, offset: keyOffset,
                        "duplicate key \"\(key)\" (first at line \(first.line), column \(first.column))"))
                } else {
                    keyLocations[key] = keyLocation
                    entries[key] = value
                }
                skipWhitespace()
                switch cursor.current {
                case UInt8(ascii: ","):
                    cursor.advance()
                case UInt8(ascii: "}"):
                    cursor.advance()
                    return .map(entries, at: location)
                default:
                    throw failure("expected \",\" or \"}\" after a value, found \(describeCurrent())")
                }
            }
        }

        mutating func parseArray(depth: Int, at location: SourceLocation) throws(Diagnostic) -> Value {
            try enter(depth: depth)
            cursor.advance()  // [
            var items: [Value] = []
            skipWhitespace()
            if cursor.current == UInt8(ascii: "]") {
                cursor.advance()
                return .list(items, at: location)
            }
            while true {
                skipWhitespace()
                items.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                switch cursor.current {
                case UInt8(ascii: ","):
                    cursor.advance()
                case UInt8(ascii: "]"):
                    cursor.advance()
                    return .list(items, at: location)
                default:
                    throw failure("expected \",\" or \"]\" after a list item, found \(describeCurrent())")
                }
            }
        }

        mutating func expectWord(_ word: String) throws(Diagnostic) {
            let start = cursor.location(in: source.path)
            for expected in word.utf8 {
                guard cursor.current == expected else {
                    throw source.diagnostic(at: start, "expected a value, found an unknown word")
                }
                cursor.advance()
            }
        }

        /// JSON's number grammar; the text goes to `Decimal(string:)`, never through `Double`.
        mutating func parseNumber() throws(Diagnostic) -> Decimal {
            let start = cursor.index
            let startLocation = cursor.location(in: source.path)
            if cursor.current == UInt8(ascii: "-") { cursor.advance() }
            if cursor.current == UInt8(ascii: "0") {
                cursor.advance()
                if let byte = cursor.current, DecimalNumeral.isDigit(byte) {
                    throw failure("a number may not have a leading zero")
                }
            } else {
                try digits()
            }
            if cursor.current == UInt8(ascii: ".") {
                cursor.advance()
                try digits()
            }
            if cursor.current == UInt8(ascii: "e") || cursor.current == UInt8(ascii: "E") {
                cursor.advance()
                if cursor.current == UInt8(ascii: "+") || cursor.current == UInt8(ascii: "-") { cursor.advance() }
                try digits()
            }
            let text = String(decoding: source.bytes[start..<cursor.index], as: UTF8.self)
            // Decimal holds 38 digits and exponents of about ±128; beyond that it would round
            // or fail, and a figure must be exact.
            let significant = text.prefix { $0 != "e" && $0 != "E" }.filter(\.isNumber).count
            guard significant <= 38, let number = Decimal(string: text, locale: DecimalNumeral.posix),
                !number.isNaN, number.exponent > -100, number.exponent < 100
            else {
                throw source.diagnostic(at: startLocation, "number \(text) cannot be held exactly")
            }
            return number
        }

        mutating func digits() throws(Diagnostic) {
            guard let byte = cursor.current, DecimalNumeral.isDigit(byte) else {
                throw failure("expected a digit, found \(describeCurrent())")
            }
            while let byte = cursor.current, DecimalNumeral.isDigit(byte) { cursor.advance() }
        }
    }
}
