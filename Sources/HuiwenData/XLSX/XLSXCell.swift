import Foundation

/// One `<c>` element as the sheet scanner gathers it, and the value it stands for.
///
/// A cell's type (`t`) says how to read its `<v>`: a number (the default), an index into the
/// shared strings (`s`), a formula's text result (`str`), a boolean (`b`), an error value
/// (`e`), an ISO date (`d`); an inline string (`inlineStr`) has its text in `<is>`. A number's
/// style decides whether it is a number, a date or a time (`XLSXNumberFormat`).
struct XLSXCell {
    enum Kind {
        case number, sharedString, formulaString, inlineString, boolean, error, isoDate
    }

    var reference = CellReference(row: 0, column: 0)
    var style = 0
    var kind = Kind.number
    /// The bytes of `<v>`, when it came as one piece of text (the usual case).
    var valueRange: Range<Int>?
    /// `<v>` decoded, when it needed decoding or came in pieces.
    var valueBytes: [UInt8]?
    /// Whether the cell has a `<v>` at all: an empty one is a formula's empty text.
    var hasValueElement = false
    var hasFormula = false
    /// The first text of `<f>`, for messages.
    var formulaRange: Range<Int>?
    var inlineText: String?

    /// What the cell holds.
    enum Outcome {
        case value(Value.Kind)
        /// No value (an empty `<c/>`, an empty string): the cell counts as empty.
        case empty
        /// A problem, worded after the cell's name: "holds #DIV/0!".
        case problem(String)
    }

    /// The cell's value under `workbook`'s strings, styles and date system.
    func outcome(in scanner: borrowing XMLScanner, workbook: XLSXWorkbook) throws(XMLError) -> Outcome {
        switch kind {
        case .inlineString:
            return text(inlineText ?? "")
        case .sharedString:
            guard let index = withValue(scanner, ExcelDecimal.integer), workbook.sharedStrings.indices.contains(index) else {
                return .problem("refers to shared string \(try decodedValue(scanner)), which the workbook does not have")
            }
            return text(workbook.sharedStrings[index])
        case .formulaString:
            guard hasValueElement else { return missingValue(scanner) }
            var bytes = withValue(scanner) { Array($0) }
            ExcelEscapes.resolve(in: &bytes)
            return text(try bytes.withUnsafeBufferPointer { (buffer) throws(XMLError) in
                try scanner.validString(buffer, at: valueRange?.lowerBound ?? scanner.offset)
            })
        case .boolean:
            switch try decodedValue(scanner) {
            case "1", "true": return .value(.bool(true))
            case "0", "false": return .value(.bool(false))
            case "": return hasFormula ? missingValue(scanner) : .empty
            case let other: return .problem("holds \"\(other)\" as a boolean; expected 1 or 0")
            }
        case .error:
            let code = try decodedValue(scanner)
            guard let formula = try formulaText(scanner) else { return .problem("holds \(code)") }
            return .problem("holds \(code) (its formula: =\(formula))")
        case .isoDate:
            return isoDate(try decodedValue(scanner))
        case .number:
            let (isEmpty, number) = withValue(scanner) { ($0.isEmpty, ExcelDecimal.parse($0)) }
            guard !isEmpty else { return hasFormula ? missingValue(scanner) : .empty }
            guard let number else { return .problem("holds \"\(try decodedValue(scanner))\" where a number belongs") }
            let format = workbook.format(ofStyle: style)
            if format == .number { return .value(.number(number)) }
            return date(number: number, serial: Double(try decodedValue(scanner)) ?? .nan, format: format, system: workbook.dateSystem)
        }
    }

    private func text(_ text: String) -> Outcome {
        text.isEmpty ? .empty : .value(.string(text))
    }

    private func missingValue(_ scanner: borrowing XMLScanner) -> Outcome {
        let formula = (try? formulaText(scanner)).flatMap { $0 }.map { "the formula =\($0)" } ?? "a formula"
        return .problem("holds \(formula) but no computed value; open and save the file in Excel or WPS")
    }

    /// `body` over the bytes of `<v>`, without copying them (a number, an index or an error
    /// code needs no decoding); empty when there is no `<v>`.
    private func withValue<Result>(_ scanner: borrowing XMLScanner, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let valueBytes { return valueBytes.withUnsafeBufferPointer(body) }
        guard let valueRange else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(rebasing: scanner.bytes[valueRange]))
    }

    private func decodedValue(_ scanner: borrowing XMLScanner) throws(XMLError) -> String {
        try withValue(scanner) { Array($0) }.withUnsafeBufferPointer { (buffer) throws(XMLError) in
            try scanner.validString(buffer, at: valueRange?.lowerBound ?? scanner.offset)
        }
    }

    /// The formula's text, shortened for a message; nil for a shared formula's later cells,
    /// which carry none.
    private func formulaText(_ scanner: borrowing XMLScanner) throws(XMLError) -> String? {
        guard let formulaRange, !formulaRange.isEmpty else { return nil }
        let decoded = try scanner.string(decoding: formulaRange)
        return decoded.count > 60 ? String(decoded.prefix(60)) + "…" : decoded
    }

    private func date(number: Decimal, serial: Double, format: XLSXNumberFormat, system: ExcelDate.System) -> Outcome {
        guard let excelDate = ExcelDate(serial: serial) else {
            return .problem("holds \(Value.plainText(of: number)) under a date format, which is no date (Excel shows ######)")
        }
        switch format {
        case .number:
            return .value(.number(number))
        case .time(let showsSeconds, let elapsed):
            return .value(.string(excelDate.timeText(showsSeconds: showsSeconds, elapsed: elapsed)))
        case .date, .dateTime:
            guard let day = excelDate.date(in: system) else {
                return .problem(
                    "holds \(Value.plainText(of: number)) under a date format, which Excel shows as the day that does not exist \(ExcelDate.phantomText(day: excelDate.day))")
            }
            guard case .dateTime(let showsSeconds) = format else { return .value(.date(day)) }
            return .value(.string(day.description + " " + excelDate.timeText(showsSeconds: showsSeconds, elapsed: false)))
        }
    }

    /// `t="d"`: `2026-01-10`, or with a time `2026-01-10T14:30:00` (a zero time is the day).
    private func isoDate(_ text: String) -> Outcome {
        if text.isEmpty { return .empty }
        let parts = text.split(separator: "T", maxSplits: 1)
        guard let day = CalendarDate(iso: parts[0]) else { return .problem("holds \"\(text)\", which is no ISO date") }
        guard parts.count == 2 else { return .value(.date(day)) }
        let time = parts[1].prefix { $0 != "Z" && $0 != "+" && $0 != "." }
        if time.allSatisfy({ $0 == "0" || $0 == ":" }) { return .value(.date(day)) }
        return .value(.string(day.description + " " + time))
    }
}

extension ExcelDecimal {
    /// A plain non-negative integer (a shared string index); nil for anything else.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
