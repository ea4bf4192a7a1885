import Foundation
import HuiwenDiagnostics
import OrderedCollections

/// Reads CSV (RFC 4180) into a list of maps, one per row, keyed by the header row.
///
/// - The first row names the keys, in order; names may be Chinese (`地区,事故起数`). An empty
///   or repeated name is an error. Names are kept exactly as written (no trimming), except
///   that a dot nests: columns `accidents.current,accidents.previous` give each row a map
///   `accidents: {current, previous}`, the shape the `change` helper reads.
/// - Fields may be quoted: commas, line breaks and doubled quotes (`""`) inside are data.
///   Records end with LF or CRLF; a UTF-8 byte-order mark is skipped; empty lines are skipped.
/// - An unquoted cell is a number only when it is a plain decimal numeral (`DecimalNumeral`:
///   `0731` stays text), a date when it is a real `YYYY-MM-DD`, and text otherwise; an empty
///   cell is the empty string. A quoted cell is always text, so `"12"` forces text.
/// - A row with another field count than the header (a ragged row) is an error at its line;
///   every such row is reported. An unterminated quote is an error at the quote.
///
/// Throws `DiagnosticError` with every problem found.
public struct CSVReader: Sendable {
    public var limits: DataLimits

    public init(limits: DataLimits = DataLimits()) {
        self.limits = limits
    }

    /// Reads `bytes` (the file's content); `path` names the file in every location.
    public func read(_ bytes: [UInt8], path: String) throws(DiagnosticError) -> Value {
        let source = try SourceText(bytes, path: path, limits: limits)
        var scanner = Scanner(source: source, limits: limits)
        let records = scanner.records()
        var diagnostics = scanner.diagnostics
        let fileLocation = SourceLocation(path: path, line: 1, column: 1)
        guard let header = records.first else {
            if diagnostics.isEmpty { return .list([], at: fileLocation) }
            throw DiagnosticError(diagnostics.all)
        }
        if scanner.exceedsValueLimit {
            throw DiagnosticError(Diagnostic(path: path, "more than \(limits.maxValues) values in one file"))
        }
        for problem in headerProblems(header, source: source) { diagnostics.append(problem) }
        let keyPaths = header.map { $0.text.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }
        var rows: [Value] = []
        rows.reserveCapacity(records.count - 1)
        for record in records.dropFirst() {
            guard record.count == header.count else {
                diagnostics.append(source.diagnostic(
                    at: record[0].location, offset: record[0].offset,
                    "row has \(record.count) fields, the header has \(header.count)"))
                continue
            }
            var entries: OrderedDictionary<String, Value> = [:]
            entries.reserveCapacity(header.count)
            for (keyPath, field) in zip(keyPaths, record) {
                Self.insert(field.value, at: keyPath[...], into: &entries)
            }
            rows.append(.map(entries, at: record[0].location))
        }
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics.all) }
        return .list(rows, at: fileLocation)
    }

    /// Reads CSV text; the same as `read(_:path:)` on its UTF-8 bytes.
    public func read(_ text: String, path: String) throws(DiagnosticError) -> Value {
        try read(Array(text.utf8), path: path)
    }

    /// Puts a cell under its column's key path, creating the maps a dotted name nests in.
    private static func insert(
        _ value: Value, at keyPath: ArraySlice<String>, into entries: inout OrderedDictionary<String, Value>
    ) {
        guard let key = keyPath.first else { return }
        if keyPath.count == 1 {
            entries[key] = value
            return
        }
        var nested = entries[key]?.mapEntries ?? [:]
        insert(value, at: keyPath.dropFirst(), into: &nested)
        entries[key] = .map(nested, at: entries[key]?.location ?? value.location)
    }

    private func headerProblems(_ header: [Field], source: SourceText) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var seen: [String: SourceLocation] = [:]
        // Every proper prefix of a dotted name is a map, so it cannot also be a column.
        var prefixes: [String: SourceLocation] = [:]
        for field in header {
            let segments = field.text.split(separator: ".", omittingEmptySubsequences: false)
            for end in 1..<max(1, segments.count) {
                let prefix = segments[..<end].joined(separator: ".")
                if prefixes[prefix] == nil { prefixes[prefix] = field.location }
            }
        }
        for field in header {
            if field.text.isEmpty {
                problems.append(source.diagnostic(at: field.location, "empty column name in the header"))
            } else if field.text.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
                problems.append(source.diagnostic(
                    at: field.location, "column name \"\(field.text)\" has an empty part between dots"))
            } else if let nested = prefixes[field.text] {
                problems.append(source.diagnostic(
                    at: field.location,
                    "column \"\(field.text)\" is also the map of the dotted column at line \(nested.line), column \(nested.column)"))
            } else if let first = seen[field.text] {
                problems.append(source.diagnostic(
                    at: field.location,
                    "duplicate column name \"\(field.text)\" (first at line \(first.line), column \(first.column))"))
            } else {
                seen[field.text] = field.location
            }
        }
        return problems
    }
}

extension CSVReader {
    struct Field {
        var text: String
        var quoted: Bool
        var location: SourceLocation
        /// The byte where the field starts, to find its line for messages.
        var offset: Int

        /// The cell's value by the number rule; see the type's documentation.
        var value: Value {
            if quoted || text.isEmpty { return .string(text, at: location) }
            if let number = DecimalNumeral.parse(text) { return .number(number, at: location) }
            if text.utf8.count == 10, let date = CalendarDate(iso: text) { return .date(date, at: location) }
            return .string(text, at: location)
        }
    }

    /// Splits the bytes into records of fields, collecting problems as it goes.
    struct Scanner {
        let source: SourceText
        let limits: DataLimits
        var cursor: ByteCursor
        var diagnostics: DiagnosticList
        /// Set when the rows would hold more values than allowed; scanning stops there.
        private(set) var exceedsValueLimit = false

        init(source: SourceText, limits: DataLimits) {
            self.source = source
            self.limits = limits
            self.cursor = ByteCursor(source.bytes)
            self.diagnostics = DiagnosticList(path: source.path)
        }

        private mutating func problem(_ message: String) {
            let location = cursor.location(in: source.path)
            let offset = cursor.index
            diagnostics.append(source.diagnostic(at: location, offset: offset, message))
        }

        private var atLineEnd: Bool {
            cursor.current == UInt8(ascii: "\n")
                || (cursor.current == UInt8(ascii: "\r") && cursor.peek() == UInt8(ascii: "\n"))
        }

        private mutating func skipLineEnd() {
            if cursor.current == UInt8(ascii: "\r") { cursor.advance() }
            cursor.advance()
        }

        mutating func records() -> [[Field]] {
            var records: [[Field]] = []
            while !cursor.isAtEnd {
                if atLineEnd {
                    skipLineEnd()
                    continue
                }
                guard let record = self.record() else { break }
                records.append(record)
                // Each row is a map plus one value per column.
                if records.count * (records[0].count + 1) > limits.maxValues {
                    exceedsValueLimit = true
                    break
                }
            }
            return records
        }

        /// One record; nil after an unterminated quote, which swallows the rest of the file.
        private mutating func record() -> [Field]? {
            var fields: [Field] = []
            while true {
                guard let field = self.field() else { return nil }
                fields.append(field)
                if cursor.current == UInt8(ascii: ",") {
                    cursor.advance()
                    continue
                }
                if atLineEnd { skipLineEnd() }
                return fields
            }
        }

        private mutating func field() -> Field? {
            let location = cursor.location(in: source.path)
            let start = cursor.index
            if cursor.current == UInt8(ascii: "\"") {
                return quotedField(at: location)
            }
            while true {
                cursor.skip(until: UInt8(ascii: ","), UInt8(ascii: "\""), 0x0D)
                guard let byte = cursor.current, byte != UInt8(ascii: ","), !atLineEnd else { break }
                if byte == UInt8(ascii: "\"") {
                    problem("a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
                }
                cursor.advance()
            }
            let text = String(decoding: source.bytes[start..<cursor.index], as: UTF8.self)
            return Field(text: text, quoted: false, location: location, offset: start)
        }

        private mutating func quotedField(at location: SourceLocation) -> Field? {
            let start = cursor.index
            cursor.advance()
            var bytes: [UInt8] = []
            while true {
                let segment = cursor.index
                cursor.skip(until: UInt8(ascii: "\""), UInt8(ascii: "\""), UInt8(ascii: "\""))
                bytes.append(contentsOf: source.bytes[segment..<cursor.index])
                guard let byte = cursor.current else {
                    diagnostics.append(source.diagnostic(at: location, offset: start, "unterminated quoted field"))
                    return nil
                }
                cursor.advance()
                if byte == UInt8(ascii: "\"") {
                    guard cursor.current == UInt8(ascii: "\"") else { break }
                    cursor.advance()
                }
                bytes.append(byte)
            }
            if !(cursor.isAtEnd || cursor.current == UInt8(ascii: ",") || atLineEnd) {
                problem("unexpected \"\(cursor.currentScalarText)\" after a closing quote; expected \",\" or a line break")
                while cursor.current != nil, cursor.current != UInt8(ascii: ","), !atLineEnd {
                    cursor.advance()
                }
            }
            return Field(text: String(decoding: bytes, as: UTF8.self), quoted: true, location: location, offset: start)
        }
    }
}
