import HuiwenDiagnostics

/// The cells of one worksheet that hold something, and its merged ranges, read in one pass
/// over the sheet's XML. A cell that cannot give a value (`#DIV/0!`, a formula never
/// computed) is a diagnostic at its place, `path:ROW:COL`, that names the cell
/// (`各市州!C7 holds #DIV/0!`).
struct XLSXSheet {
    /// A cell's value without its place (the row and column give it): a sheet holds many,
    /// so they are kept small.
    struct Cell {
        var column: Int
        var value: Value.Kind
    }

    struct Row {
        var number: Int
        /// In column order; never empty.
        var cells: [Cell]
    }

    /// The rows with at least one cell that holds something, in order.
    var rows: [Row] = []
    var merges: [CellRange] = []
    /// How the sheet is named in a cell's name: `各市州`, or `'Sheet 1'` when Excel would quote it.
    let reference: String

    init(name: String) {
        reference = Self.reference(to: name)
    }

    /// `各市州!C7`.
    func name(of cell: CellReference) -> String {
        reference + "!" + cell.name
    }

    /// How a formula names a sheet: plain when it is letters, digits, `_` and `.` not starting
    /// with a digit 0–9, else in single quotes with a quote doubled.
    static func reference(to name: String) -> String {
        let plain = !name.isEmpty && !(name.first.map { $0.isASCII && $0.isNumber } ?? false)
            && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }
}

extension XLSXSheet {
    /// What reading a sheet needs besides its XML.
    struct Context {
        var workbook: XLSXWorkbook
        var name: String
        /// The workbook's path, for locations.
        var path: String
        var limits: DataLimits
    }

    /// Reads the sheet's XML; every cell problem is added to `problems`. Throws on malformed
    /// XML or when the cells pass the value limit.
    static func read(
        _ bytes: [UInt8], part: String, context: Context, problems: inout DiagnosticList
    ) throws(XLSXFailure) -> XLSXSheet {
        var sheet = XLSXSheet(name: context.name)
        var exceedsLimit = false
        try XLSXArchive.scan(bytes, part: part) { (scanner) throws(XMLError) in
            var reader = Reader(context: context, sheet: sheet)
            try reader.read(&scanner, problems: &problems)
            sheet = reader.sheet
            exceedsLimit = reader.exceedsLimit
        }
        if exceedsLimit { throw XLSXFailure("more than \(context.limits.maxValues) values in one file") }
        return sheet
    }

    /// The state of the pass: where in the XML it is and the cell being gathered.
    private struct Reader {
        let context: Context
        var sheet: XLSXSheet
        var exceedsLimit = false
        private var cellCount = 0
        private var inSheetData = false
        private var rowNumber = 0
        /// The column of the last cell, for a cell without `r` (the next column).
        private var column = 0
        private var cell = XLSXCell()
        private var inCell = false
        private var inInlineString = false
        private var richText = RichTextReader()
        private enum Collecting { case nothing, value, formula }
        private var collecting = Collecting.nothing
        private var needsSorting = false

        init(context: Context, sheet: XLSXSheet) {
            self.context = context
            self.sheet = sheet
        }

        mutating func read(_ scanner: inout XMLScanner, problems: inout DiagnosticList) throws(XMLError) {
            while true {
                let event = try scanner.next()
                if inInlineString {
                    if case .end = event, scanner.isName("is") {
                        inInlineString = false
                        cell.inlineText = try richText.text(in: scanner)
                    } else {
                        try richText.take(event, from: scanner)
                    }
                    continue
                }
                switch event {
                case .start:
                    try start(scanner)
                case .text:
                    try text(scanner)
                case .end:
                    if try end(scanner, problems: &problems) { return }
                case .endOfDocument:
                    if needsSorting { sortRows() }
                    return
                }
            }
        }

        private mutating func start(_ scanner: borrowing XMLScanner) throws(XMLError) {
            let name = scanner.name
            switch name.count {
            case 1 where inCell:
                switch scanner.bytes[name.lowerBound] {
                case UInt8(ascii: "v"):
                    collecting = .value
                    cell.hasValueElement = true
                case UInt8(ascii: "f"):
                    collecting = .formula
                    cell.hasFormula = true
                default:
                    break
                }
            case 1 where inSheetData && scanner.bytes[name.lowerBound] == UInt8(ascii: "c"):
                try startCell(scanner)
            case 2 where inCell && scanner.isName("is"):
                inInlineString = true
                richText.reset()
            case 3 where inSheetData && scanner.isName("row"):
                if let attribute = try scanner.attribute("r") {
                    guard let number = ExcelDecimal.integer(UnsafeBufferPointer(rebasing: scanner.bytes[attribute.value])),
                        number >= 1, number <= CellReference.maxRow
                    else { throw XMLError(offset: attribute.value.lowerBound, "a row number off the sheet") }
                    rowNumber = number
                } else {
                    rowNumber += 1
                }
                column = 0
            case 9 where scanner.isName("sheetData"):
                inSheetData = true
            case 9 where scanner.isName("mergeCell"):
                if let attribute = try scanner.attribute("ref") {
                    guard let range = CellRange(UnsafeBufferPointer(rebasing: scanner.bytes[attribute.value])) else {
                        throw XMLError(offset: attribute.value.lowerBound, "a merged range that is no range of cells")
                    }
                    sheet.merges.append(range)
                }
            default:
                break
            }
        }

        private mutating func startCell(_ scanner: borrowing XMLScanner) throws(XMLError) {
            inCell = true
            var reference: CellReference?
            var started = XLSXCell()
            // The closure holds the bytes, not a copy of the scanner.
            let bytes = scanner.bytes
            try scanner.forEachAttribute { (attribute) throws(XMLError) in
                guard attribute.name.count == 1, !attribute.hasPrefix else { return true }
                let value = UnsafeBufferPointer(rebasing: bytes[attribute.value])
                switch bytes[attribute.name.lowerBound] {
                case UInt8(ascii: "r"):
                    guard let parsed = CellReference(value) else {
                        throw XMLError(offset: attribute.value.lowerBound, "a cell reference off the sheet")
                    }
                    reference = parsed
                case UInt8(ascii: "s"):
                    started.style = ExcelDecimal.integer(value) ?? 0
                case UInt8(ascii: "t"):
                    started.kind = Self.kind(value)
                default:
                    break
                }
                return true
            }
            cell = started
            let place = reference ?? CellReference(row: max(rowNumber, 1), column: column + 1)
            guard place.column <= CellReference.maxColumn else {
                throw XMLError(offset: scanner.offset, "a cell past the last column of a sheet")
            }
            if place.row < rowNumber || (place.row == rowNumber && place.column <= column) { needsSorting = true }
            rowNumber = place.row
            column = place.column
            cell.reference = place
        }

        private static func kind(_ bytes: UnsafeBufferPointer<UInt8>) -> XLSXCell.Kind {
            switch bytes.count {
            case 1:
                switch bytes[0] {
                case UInt8(ascii: "s"): return .sharedString
                case UInt8(ascii: "b"): return .boolean
                case UInt8(ascii: "e"): return .error
                case UInt8(ascii: "d"): return .isoDate
                default: return .number
                }
            case 3 where bytes[0] == UInt8(ascii: "s"): return .formulaString
            case 9 where bytes[0] == UInt8(ascii: "i"): return .inlineString
            default: return .number
            }
        }

        private mutating func text(_ scanner: borrowing XMLScanner) throws(XMLError) {
            switch collecting {
            case .nothing:
                break
            case .formula:
                if cell.formulaRange == nil { cell.formulaRange = scanner.text }
            case .value:
                if cell.valueRange == nil, cell.valueBytes == nil, !scanner.textNeedsDecoding, !scanner.textIsLiteral {
                    cell.valueRange = scanner.text
                    return
                }
                // Decoded, or in pieces: gather the bytes.
                var bytes = cell.valueBytes ?? cell.valueRange.map { Array(UnsafeBufferPointer(rebasing: scanner.bytes[$0])) } ?? []
                try scanner.appendCurrentText(to: &bytes)
                cell.valueBytes = bytes
                cell.valueRange = nil
            }
        }

        /// Handles an end tag; true at the end of the sheet data when nothing after it matters.
        private mutating func end(_ scanner: borrowing XMLScanner, problems: inout DiagnosticList) throws(XMLError) -> Bool {
            let name = scanner.name
            switch name.count {
            case 1 where inCell:
                switch scanner.bytes[name.lowerBound] {
                case UInt8(ascii: "c"):
                    inCell = false
                    try finishCell(scanner, problems: &problems)
                case UInt8(ascii: "v"), UInt8(ascii: "f"):
                    collecting = .nothing
                default:
                    break
                }
            case 9 where scanner.isName("sheetData"):
                inSheetData = false
            default:
                break
            }
            return exceedsLimit
        }

        private mutating func finishCell(_ scanner: borrowing XMLScanner, problems: inout DiagnosticList) throws(XMLError) {
            let place = cell.reference
            let value: Value.Kind
            switch try cell.outcome(in: scanner, workbook: context.workbook) {
            case .empty:
                return
            case .value(let kind):
                value = kind
            case .problem(let message):
                let location = SourceLocation(path: context.path, line: place.row, column: place.column)
                problems.append(Diagnostic(at: location, sheet.name(of: place) + " " + message))
                // Kept as text so the table keeps its shape; the file fails anyway.
                value = .string(message)
            }
            cellCount += 1
            if cellCount > context.limits.maxValues {
                exceedsLimit = true
                return
            }
            let entry = Cell(column: place.column, value: value)
            if let last = sheet.rows.indices.last, sheet.rows[last].number == place.row {
                sheet.rows[last].cells.append(entry)
            } else {
                // Rows are usually as wide as the one before.
                var cells: [Cell] = []
                cells.reserveCapacity(max(sheet.rows.last?.cells.count ?? 0, 1))
                cells.append(entry)
                sheet.rows.append(Row(number: place.row, cells: cells))
            }
        }

        /// Cells written out of order (Excel never does, but the format allows it): sorted,
        /// the last of two cells at one place kept.
        private mutating func sortRows() {
            var byRow: [Int: [Int: Cell]] = [:]
            for row in sheet.rows {
                for cell in row.cells { byRow[row.number, default: [:]][cell.column] = cell }
            }
            sheet.rows = byRow.keys.sorted().map { number in
                Row(number: number, cells: byRow[number]!.keys.sorted().map { byRow[number]![$0]! })
            }
        }
    }
}
