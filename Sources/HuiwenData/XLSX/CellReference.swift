/// A cell's place in a sheet, 1-based: `C7` is row 7, column 3.
struct CellReference: Hashable, Sendable {
    var row: Int
    var column: Int

    /// Excel's largest sheet: 1,048,576 rows of 16,384 columns (A…XFD).
    static let maxRow = 1_048_576
    static let maxColumn = 16_384

    init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `C7` or `$C$7` (letters, then digits); nil for anything else or a cell off the sheet.
    init?<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        var column = 0
        var row = 0
        var sawLetter = false
        var sawDigit = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard !sawDigit else { return nil }
                column = column * 26 + Int((byte | 0x20) - UInt8(ascii: "a")) + 1
                guard column <= Self.maxColumn else { return nil }
                sawLetter = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard sawLetter else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                guard row <= Self.maxRow else { return nil }
                sawDigit = true
            default:
                return nil
            }
        }
        guard sawLetter, sawDigit, row >= 1 else { return nil }
        self.init(row: row, column: column)
    }

    /// `A`, `Z`, `AA`, … `XFD`.
    static func columnName(_ column: Int) -> String {
        var number = column
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    /// `C7`.
    var name: String { Self.columnName(column) + String(row) }
}

/// A rectangle of cells, such as a merged range `A1:G1`.
struct CellRange: Hashable, Sendable {
    var first: CellReference
    var last: CellReference

    /// Parses `A1:G1` (or one cell, `B2`); nil for anything else.
    init?<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            guard let first = CellReference(bytes[..<colon]),
                let last = CellReference(bytes[bytes.index(after: colon)...])
            else { return nil }
            self.first = CellReference(row: min(first.row, last.row), column: min(first.column, last.column))
            self.last = CellReference(row: max(first.row, last.row), column: max(first.column, last.column))
        } else {
            guard let cell = CellReference(bytes) else { return nil }
            first = cell
            last = cell
        }
    }

    func contains(row: Int, column: Int) -> Bool {
        (first.row...last.row).contains(row) && (first.column...last.column).contains(column)
    }

    var rowCount: Int { last.row - first.row + 1 }
    var columnCount: Int { last.column - first.column + 1 }
}
