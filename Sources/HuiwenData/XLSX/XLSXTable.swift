import HuiwenDiagnostics

/// How a sheet's cells become rows, for tables as people make them.
///
/// - Blank rows and columns around the table are ignored; an empty row inside it is skipped
///   and ends nothing; a column with neither a name nor a value is skipped.
/// - A first row holding one cell only, merged across the table or above a wider table, is its
///   title (“2025年各市州安全生产统计表”) and is skipped.
/// - The next row is the header and names the keys, as in CSV (`ColumnKeys`). When it has a
///   merged cell spanning columns or reaching into the row below, the header is two rows: a
///   label merged over several columns (“事故起数” over “本期 | 去年同期”) gives nested keys,
///   `事故起数.本期`; a cell merged down through both rows, or with nothing under it, names its
///   column alone.
/// - Every later row is a map in column order; an empty cell is the empty string at its place.
///   A total row is a row like any other: the template decides.
enum XLSXTable {
    /// The rows of `sheet`'s table. The sheet's cells are released row by row as their
    /// values are made, so the cells and the values are not both held in full.
    static func rows(
        of sheet: consuming XLSXSheet, path: String, limits: DataLimits, problems: inout DiagnosticList
    ) throws(XLSXFailure) -> [Value] {
        var rows = sheet.rows[...]
        sheet.rows = []
        guard let first = rows.first else { return [] }
        if rows.count >= 2, first.cells.count == 1, isTitle(first, below: rows.dropFirst(), merges: sheet.merges) {
            rows = rows.dropFirst()
        }
        let header = rows.removeFirst()
        let twoRowHeader = sheet.merges.contains {
            $0.first.row == header.number && ($0.columnCount > 1 || $0.rowCount > 1)
        }
        var lower: XLSXSheet.Row?
        if twoRowHeader, let next = rows.first, next.number == header.number + 1 {
            lower = next
            rows = rows.dropFirst()
        }
        let columns = Self.columns(header: header, lower: lower, twoRows: twoRowHeader, data: rows, sheet: sheet, path: path)
        let headerProblems = ColumnKeys.problems(
            columns.named.map { ColumnKeys.Column(name: $0.name, location: $0.location) }, maxDepth: limits.maxDepth,
            place: { sheet.name(of: CellReference(row: $0.line, column: $0.column)) },
            diagnostic: { location, message in
                Diagnostic(at: location, sheet.name(of: CellReference(row: location.line, column: location.column)) + ": " + message)
            })
        for problem in headerProblems { problems.append(problem) }
        for column in columns.unnamed {
            problems.append(Diagnostic(
                at: column.location,
                "\(sheet.name(of: column.cell)) holds a value, but its column has no name in the header (row \(header.number))"))
        }
        guard rows.count * (columns.named.count + 1) <= limits.maxValues else {
            throw XLSXFailure("more than \(limits.maxValues) values in one file")
        }
        let template = ColumnKeys.RowTemplate(keyPaths: ColumnKeys.keyPaths(columns.named.map(\.name), maxDepth: limits.maxDepth))
        var values: [Value] = []
        values.reserveCapacity(rows.count)
        // For each named column, the index of the row's cell in it, or -1 for an empty cell.
        var cellIndex = [Int](repeating: -1, count: columns.named.count)
        // The data rows in a buffer of their own, each row's cells released once its values are made.
        var data = Array(rows)
        rows = []
        for position in data.indices {
            let row = data[position]
            data[position].cells = []
            var next = 0
            for (index, column) in columns.named.enumerated() {
                while next < row.cells.count, row.cells[next].column < column.number { next += 1 }
                cellIndex[index] = next < row.cells.count && row.cells[next].column == column.number ? next : -1
            }
            let start = SourceLocation(path: path, line: row.number, column: columns.named.first?.number ?? 1)
            values.append(template.row(at: start) { index in
                let place = SourceLocation(path: path, line: row.number, column: columns.named[index].number)
                let found = cellIndex[index]
                return found < 0 ? .string("", at: place) : Value(row.cells[found].value, at: place)
            })
        }
        return values
    }

    /// A one-cell first row is a title when its cell is merged across columns, or when the
    /// table under it is wider than one column (a title centred across the table unmerged).
    private static func isTitle(_ row: XLSXSheet.Row, below: ArraySlice<XLSXSheet.Row>, merges: [CellRange]) -> Bool {
        let cell = row.cells[0].column
        if merges.contains(where: { $0.first.row == row.number && $0.first.column == cell && $0.columnCount > 1 }) {
            return true
        }
        let columns = below.flatMap { $0.cells.map(\.column) }
        guard let low = columns.min(), let high = columns.max() else { return false }
        return high > low
    }

    struct NamedColumn {
        var number: Int
        var name: String
        var location: SourceLocation
    }

    struct UnnamedColumn {
        var cell: CellReference
        var location: SourceLocation
    }

    /// The header's names for every column the table spans, and the first value of each column
    /// that has a value but no name.
    private static func columns(
        header: XLSXSheet.Row, lower: XLSXSheet.Row?, twoRows: Bool, data: ArraySlice<XLSXSheet.Row>, sheet: XLSXSheet,
        path: String
    ) -> (named: [NamedColumn], unnamed: [UnnamedColumn]) {
        func values(_ row: XLSXSheet.Row?) -> [Int: Value] {
            guard let row else { return [:] }
            let pairs = row.cells.map { ($0.column, Value($0.value, at: SourceLocation(path: path, line: row.number, column: $0.column))) }
            return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        }
        let upperCells = values(header)
        let lowerCells = values(lower)
        let headerMerges = sheet.merges.filter { $0.first.row == header.number }
        var all = header.cells.map(\.column) + (lower?.cells.map(\.column) ?? [])
        for row in data { all += [row.cells[0].column, row.cells[row.cells.count - 1].column] }
        guard let low = all.min(), let high = all.max() else { return ([], []) }
        var named: [NamedColumn] = []
        var unnamed: [UnnamedColumn] = []
        for column in low...high {
            var parts: [String] = []
            var location: SourceLocation?
            // The upper label: the cell's own, or that of a merged range it lies in.
            var upper = upperCells[column]
            if upper == nil, let merge = headerMerges.first(where: { $0.contains(row: header.number, column: column) }) {
                upper = upperCells[merge.first.column]
            }
            if let upper, let text = upper.text, !text.isEmpty {
                parts.append(text)
                location = upper.location
            }
            let mergedDown = headerMerges.contains { $0.rowCount > 1 && $0.contains(row: header.number + 1, column: column) }
            if twoRows, !mergedDown, let below = lowerCells[column], let text = below.text, !text.isEmpty {
                parts.append(text)
                location = below.location
            }
            if let location {
                named.append(NamedColumn(number: column, name: parts.joined(separator: "."), location: location))
                continue
            }
            if let row = data.first(where: { row in row.cells.contains { $0.column == column } }) {
                unnamed.append(UnnamedColumn(
                    cell: CellReference(row: row.number, column: column),
                    location: SourceLocation(path: path, line: row.number, column: column)))
            }
        }
        return (named, unnamed)
    }
}
