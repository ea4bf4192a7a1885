import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenTestSupport
import Testing

/// Reads `text` in `format`, expecting success.
func read(_ format: DataFormat, _ text: String, path: String = "data/test", limits: DataLimits = DataLimits())
    throws -> Value
{
    try format.read(Array(text.utf8), path: path, limits: limits)
}

/// Reads `bytes` in `format`, expecting failure; the diagnostics thrown (empty on success).
func problems(_ format: DataFormat, _ bytes: [UInt8], path: String = "data/test", limits: DataLimits = DataLimits())
    -> [Diagnostic]
{
    do throws(DiagnosticError) {
        _ = try format.read(bytes, path: path, limits: limits)
        return []
    } catch {
        return error.diagnostics
    }
}

func problems(_ format: DataFormat, _ text: String, path: String = "data/test", limits: DataLimits = DataLimits())
    -> [Diagnostic]
{
    problems(format, Array(text.utf8), path: path, limits: limits)
}

/// The one-line forms, `path:line:col: error: message`, for exact comparison.
func lines(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map(\.description)
}

func number(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? .nan
}

/// A project folder in the temporary directory holding `files` (relative path → content),
/// removed when `body` returns.
func withProject(_ files: [String: String], _ body: (URL) throws -> Void) throws {
    let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("huiwen-data-\(UUID().uuidString)", isDirectory: true)
    defer { try? FileManager.default.removeItem(at: root) }
    for (path, content) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(content.utf8).write(to: url)
    }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try body(root)
}

/// A workbook made by scripts/make_test_workbooks.py (openpyxl, or LibreOffice for `lo-*`);
/// nil, with the reason printed (or a failure under CI), when its writer is missing.
func workbook(_ name: String, test: String = #function, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [UInt8]? {
    guard let url = TestWorkbooks.url(name, for: test, sourceLocation: sourceLocation) else { return nil }
    return (try? Data(contentsOf: url)).map { [UInt8]($0) }
}

/// Reads workbook bytes as `data/NAME.xlsx`; the value, or the diagnostics as one-line forms.
func readWorkbook(
    _ bytes: [UInt8], path: String = "data/cities.xlsx", limits: DataLimits = DataLimits()
) -> Result<Value, DiagnosticError> {
    do throws(DiagnosticError) {
        return .success(try DataFormat.xlsx.read(bytes, path: path, limits: limits))
    } catch {
        return .failure(error)
    }
}

/// The diagnostics of reading workbook bytes (empty when it reads).
func workbookProblems(_ bytes: [UInt8], path: String = "data/cities.xlsx", limits: DataLimits = DataLimits()) -> [String] {
    if case .failure(let error) = readWorkbook(bytes, path: path, limits: limits) { return lines(error.diagnostics) }
    return []
}

extension Value {
    /// The value with every location removed, to compare what two files hold.
    var withoutLocations: Value {
        switch kind {
        case .map(let entries): .map(entries.mapValues(\.withoutLocations))
        case .list(let items): .list(items.map(\.withoutLocations))
        default: Value(kind)
        }
    }
}
