import Foundation
import HuiwenDiagnostics
import OrderedCollections

/// Reads an Excel workbook (`.xlsx`, as Excel, WPS and LibreOffice save it) into rows, as a
/// CSV file of the same table reads.
///
/// - One visible sheet gives a list of rows; several give a map from sheet name to rows, in
///   workbook order. Hidden sheets, empty sheets and chart sheets are skipped.
/// - Each sheet is a table as people make them (`XLSXTable`): a title row, a two-row header
///   with merged cells, blank rows and columns around it.
/// - Values are what the workbook shows: numbers exact at 15 significant digits
///   (`ExcelDecimal`), dates under a date format (`XLSXNumberFormat`, `ExcelDate`), text cells
///   as text (`0731` stays `0731`), booleans; a formula gives its computed value.
/// - Every value is at `path:ROW:COL`; an error value (`#DIV/0!`), a formula never computed
///   or a date the calendar lacks is an error at its cell that names it: `各市州!C7 holds #DIV/0!`.
/// - Limits as for other data, plus the ZIP's inflated size and compression ratio (a zip bomb
///   is refused before it is inflated). An encrypted workbook, an `.xls` or any other file
///   named `.xlsx`, and a truncated one each give one error.
///
/// Throws `DiagnosticError` with every problem found.
public struct XLSXReader: Sendable {
    public var limits: DataLimits

    public init(limits: DataLimits = DataLimits()) {
        self.limits = limits
    }

    /// Reads `bytes` (the file's content); `path` names the file in every location.
    public func read(_ bytes: [UInt8], path: String) throws(DiagnosticError) -> Value {
        try read(Data(bytes), path: path)
    }

    /// Reads the file's content; the data loader hands it over as read, without a copy.
    public func read(_ data: Data, path: String) throws(DiagnosticError) -> Value {
        guard data.count <= limits.maxFileSize else {
            throw DiagnosticError(Diagnostic(path: path, SourceText.sizeMessage(data.count, limits)))
        }
        var problems = DiagnosticList(path: path)
        let value: Value
        do throws(XLSXFailure) {
            value = try read(data, path: path, problems: &problems)
        } catch {
            throw DiagnosticError(problems.all + [Diagnostic(path: path, error.message)])
        }
        if !problems.isEmpty { throw DiagnosticError(problems.all) }
        return value
    }

    private func read(_ data: Data, path: String, problems: inout DiagnosticList) throws(XLSXFailure) -> Value {
        try XLSXFileSignature.check(data)
        var archive = try XLSXArchive(data, limits: limits)
        let workbook = try XLSXWorkbook(archive: &archive, limits: limits)
        let fileLocation = SourceLocation(path: path, line: 1, column: 1)
        var tables: [(name: String, rows: [Value])] = []
        var valueCount = 0
        for sheet in workbook.sheets where !sheet.isHidden {
            guard let part = sheet.path else { continue }
            let context = XLSXSheet.Context(workbook: workbook, name: sheet.name, path: path, limits: limits)
            // The sheet's XML goes as soon as its cells are read.
            let cells = try Self.cells(of: part, in: &archive, context: context, problems: &problems)
            guard !cells.rows.isEmpty else { continue }
            let rows = try XLSXTable.rows(of: cells, path: path, limits: limits, problems: &problems)
            valueCount += rows.count * ((rows.first?.mapEntries?.count ?? 0) + 1)
            guard valueCount <= limits.maxValues else { throw XLSXFailure("more than \(limits.maxValues) values in one file") }
            tables.append((sheet.name, rows))
        }
        guard tables.count > 1 else { return .list(tables.first?.rows ?? [], at: fileLocation) }
        var sheets: OrderedDictionary<String, Value> = [:]
        for (name, rows) in tables {
            if name.contains(".") {
                problems.append(Diagnostic(
                    path: path, "the sheet name \"\(name)\" holds \".\", which separates keys in templates; rename the sheet"))
            } else if sheets[name] != nil {
                problems.append(Diagnostic(path: path, "two sheets are named \"\(name)\""))
            }
            sheets[name] = .list(rows, at: rows.first?.location ?? fileLocation)
        }
        return .map(sheets, at: fileLocation)
    }

    private static func cells(
        of part: String, in archive: inout XLSXArchive, context: XLSXSheet.Context, problems: inout DiagnosticList
    ) throws(XLSXFailure) -> XLSXSheet {
        guard let xml = try archive.bytes(of: part) else {
            throw XLSXFailure("the sheet \"\(context.name)\" has no part \(part) in the archive; the file is damaged")
        }
        return try XLSXSheet.read(xml, part: part, context: context, problems: &problems)
    }
}
