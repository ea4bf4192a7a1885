import Foundation
import HuiwenDiagnostics

/// The formats a data file may have, chosen by its extension.
public enum DataFormat: String, Sendable, Hashable, CaseIterable {
    case yaml
    case json
    case csv
    /// An Excel workbook (Office Open XML), as Excel, WPS and LibreOffice save it.
    case xlsx

    /// `yaml`/`yml`, `json`, `csv`, `xlsx`, in any letter case; nil for any other extension.
    public init?(fileExtension: some StringProtocol) {
        switch fileExtension.lowercased() {
        case "yaml", "yml": self = .yaml
        case "json": self = .json
        case "csv": self = .csv
        case "xlsx": self = .xlsx
        default: return nil
        }
    }

    /// Reads one file's bytes into a value whose every part carries `path:line:col`.
    ///
    /// Throws a `DiagnosticError` holding every problem found in the file (all readers throw;
    /// only `DataLoader` collects across files and returns diagnostics instead).
    public func read(_ bytes: [UInt8], path: String, limits: DataLimits = DataLimits())
        throws(DiagnosticError) -> Value
    {
        switch self {
        case .yaml: try YAMLReader(limits: limits).read(bytes, path: path)
        case .json: try JSONReader(limits: limits).read(bytes, path: path)
        case .csv: try CSVReader(limits: limits).read(bytes, path: path)
        case .xlsx: try XLSXReader(limits: limits).read(bytes, path: path)
        }
    }

    /// Reads a file's content as read from disk: a workbook without copying it, the text
    /// formats as bytes.
    public func read(_ data: Data, path: String, limits: DataLimits = DataLimits()) throws(DiagnosticError) -> Value {
        switch self {
        case .xlsx: try XLSXReader(limits: limits).read(data, path: path)
        default: try read([UInt8](data), path: path, limits: limits)
        }
    }

    /// Whether files of this format are binary: their diagnostics carry no source line.
    public var isBinary: Bool { self == .xlsx }

    /// Lock files that Excel, WPS and LibreOffice leave beside an open workbook
    /// (`~$cities.xlsx`, `.~lock.cities.xlsx#`): never data, whatever their extension.
    public static func isLockFile(_ name: some StringProtocol) -> Bool {
        name.hasPrefix("~$") || (name.hasPrefix(".~lock.") && name.hasSuffix("#"))
    }
}
