import Foundation
import HuiwenDiagnostics

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
        let fileLocation = SourceLocation(path: path, line: 1, column: 1)
        let tooManyValues = DiagnosticError(Diagnostic(path: path, "more than \(limits.maxValues) values in one file"))
        guard let header = scanner.nextRecord() else {
            if scanner.exceedsValueLimit { throw tooManyValues }
            if scanner.diagnostics.isEmpty { return .list([], at: fileLocation) }
            throw DiagnosticError(scanner.diagnostics.all)
        }
        let rowTemplate = ColumnKeys.RowTemplate(keyPaths: ColumnKeys.keyPaths(header.map(\.text), maxDepth: limits.maxDepth))
        // Each row is made as soon as its record is read: holding every record first (a string
        // and a location per field) cost as much memory again as the rows themselves.
        var rows: [Value] = []
        rows.reserveCapacity(source.lines.count - 1)  // at least one line per record
        // Ragged rows are reported after the scanner's and the header's problems, as many as
        // a diagnostic list keeps.
        var ragged: [(location: SourceLocation, offset: Int, count: Int)] = []
        var raggedOmitted = 0
        while let record = scanner.nextRecord() {
            guard record.count == header.count else {
                if ragged.count < DiagnosticList.limit {
                    ragged.append((record[0].location, record[0].offset, record.count))
                } else {
                    raggedOmitted += 1
                }
                continue
            }
            rows.append(rowTemplate.row(at: record[0].location) { record[$0].value })
        }
        if scanner.exceedsValueLimit { throw tooManyValues }
        var diagnostics = scanner.diagnostics
        let columns = header.map { ColumnKeys.Column(name: $0.text, location: $0.location) }
        let headerProblems = ColumnKeys.problems(
            columns, maxDepth: limits.maxDepth, place: { "line \($0.line), column \($0.column)" }, diagnostic: { source.diagnostic(at: $0, $1) })
        for problem in headerProblems { diagnostics.append(problem) }
        for row in ragged {
            diagnostics.append(source.diagnostic(
                at: row.location, offset: row.offset, "row has \(row.count) fields, the header has \(header.count)"))
        }
        diagnostics.omit(raggedOmitted)
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics.all) }
        return .list(rows, at: fileLocation)
    }

    /// Reads CSV text; the same as `read(_:path:)` on its UTF-8 bytes.
    public func read(_ text: String, path: String) throws(DiagnosticError) -> Value {
        try read(Array(text.utf8), path: path)
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

        /// How many records have been read.
        private var recordCount = 0
        /// The header's field count, which the value limit is counted by.
        private var headerCount = 0

        /// The next record, skipping empty lines; nil at the end, after an unterminated quote,
        /// or once the rows would hold more values than allowed (`exceedsValueLimit`).
        mutating func nextRecord() -> [Field]? {
            guard !exceedsValueLimit else { return nil }
            while !cursor.isAtEnd {
                if atLineEnd {
                    skipLineEnd()
                    continue
                }
                guard let record = self.record() else { return nil }
                if recordCount == 0 { headerCount = record.count }
                recordCount += 1
                // Each row is a map plus one value per column.
                if recordCount * (headerCount + 1) > limits.maxValues {
                    exceedsValueLimit = true
                    return nil
                }
                return record
            }
            return nil
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
