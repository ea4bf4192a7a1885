import Foundation
import HuiwenDiagnostics
import OrderedCollections

/// Loads a project's `data/` folder into one tree, as Hugo does with its data folder.
///
/// Every `data/X.yaml|yml|json|csv|xlsx` is loaded under the key `X`; a folder nests, so
/// `data/cities/2026.csv` is `cities.2026`. Entries are visited in sorted (byte) order so the
/// result is the same on every machine. Ignored: hidden files and folders (`.x`), files with
/// other extensions, the lock files of spreadsheet programs (`~$X.xlsx`, `.~lock.X.xlsx#`),
/// and symbolic links to folders (reported as a warning; following them
/// could loop). Errors: two entries claiming one key (`a.yaml` and `a.json`, or `cities.csv`
/// and `cities/`), a top-level `page` (the front matter's key), a key holding `.` (templates
/// could not reach it), and every problem inside the files. Paths in diagnostics are relative
/// to the project root. A project without `data/` loads as an empty map.
///
/// ```swift
/// let result = DataLoader().load(projectRoot: root)
/// if result.hasErrors { print(DiagnosticFormatter().format(result.diagnostics)) }
/// ```
public struct DataLoader: Sendable {
    public var limits: DataLimits

    /// Top-level keys a data file may not take: `page` holds a document's front matter.
    public static let reservedKeys: Set<String> = ["page"]

    public init(limits: DataLimits = DataLimits()) {
        self.limits = limits
    }

    /// Loads `projectRoot/data`; never throws: every problem is in the result's diagnostics.
    public func load(projectRoot: URL) -> DataLoadResult {
        var state = LoadState()
        let folder = projectRoot.appendingPathComponent("data", isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            return DataLoadResult(root: .map([:]), diagnostics: [], files: [])
        }
        guard isDirectory.boolValue else {
            let problem = Diagnostic(path: "data", "\"data\" must be a folder of data files")
            return DataLoadResult(root: .map([:]), diagnostics: [problem], files: [])
        }
        let entries = loadFolder(folder, path: "data", keyPath: [], state: &state)
        return DataLoadResult(root: .map(entries), diagnostics: state.diagnostics, files: state.files)
    }

    /// Reads one data file (its format from its extension); `path` names it in locations.
    /// Throws `DiagnosticError` with every problem in it.
    public func read(fileAt url: URL, path: String) throws(DiagnosticError) -> Value {
        guard let format = DataFormat(fileExtension: url.pathExtension) else {
            throw DiagnosticError(Diagnostic(path: path, "not a data file (expected .yaml, .yml, .json, .csv or .xlsx)"))
        }
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw DiagnosticError(Diagnostic(path: path, "cannot read the file: \(error.localizedDescription)"))
        }
        // Refused before reading, so a huge file costs nothing.
        if size > limits.maxFileSize {
            throw DiagnosticError(Diagnostic(path: path, SourceText.sizeMessage(size, limits)))
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DiagnosticError(Diagnostic(path: path, "cannot read the file: \(error.localizedDescription)"))
        }
        return try format.read(data, path: path, limits: limits)
    }

    struct LoadState {
        var diagnostics: [Diagnostic] = []
        var files: [DataFile] = []
    }

    private struct Entry {
        var name: String
        var url: URL
        var path: String
        /// nil for a folder.
        var format: DataFormat?
    }

    private func loadFolder(
        _ folder: URL, path: String, keyPath: [String], state: inout LoadState
    ) -> OrderedDictionary<String, Value> {
        var entries: OrderedDictionary<String, Value> = [:]
        if keyPath.count >= limits.maxDepth {
            state.diagnostics.append(Diagnostic(path: path, "folders nested deeper than \(limits.maxDepth) levels"))
            return entries
        }
        for (key, claims) in claims(in: folder, path: path, state: &state) {
            let first = claims[0]
            if keyPath.isEmpty, Self.reservedKeys.contains(key) {
                for claim in claims {
                    state.diagnostics.append(Diagnostic(
                        path: claim.path, "\"\(key)\" is reserved for a document's front matter; rename this data"))
                }
                continue
            }
            for other in claims.dropFirst() {
                if other.format != nil { state.files.append(DataFile(path: other.path, keyPath: keyPath + [key])) }
                state.diagnostics.append(Diagnostic(
                    path: other.path, "key \"\(key)\" is claimed by both \(first.path) and \(other.path)"))
            }
            if key.contains(".") {
                state.diagnostics.append(Diagnostic(
                    path: first.path, "the key \"\(key)\" holds \".\", which separates keys in templates; rename this data"))
                continue
            }
            let location = SourceLocation(path: first.path, line: 0, column: 0)
            if first.format == nil {
                let nested = loadFolder(first.url, path: first.path, keyPath: keyPath + [key], state: &state)
                entries[key] = .map(nested, at: location)
                continue
            }
            state.files.append(DataFile(path: first.path, keyPath: keyPath + [key]))
            do throws(DiagnosticError) {
                entries[key] = try read(fileAt: first.url, path: first.path)
            } catch {
                state.diagnostics += error.diagnostics
            }
        }
        return entries
    }

    /// The folder's data entries grouped by the key each claims, in sorted order. Claims
    /// other than the first are still recorded as files read: fixing them changes the result.
    private func claims(
        in folder: URL, path: String, state: inout LoadState
    ) -> OrderedDictionary<String, [Entry]> {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            state.diagnostics.append(Diagnostic(path: path, "cannot read the folder: \(error.localizedDescription)"))
            return [:]
        }
        var grouped: OrderedDictionary<String, [Entry]> = [:]
        // Byte order, not the locale's: the same on every machine.
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        where !name.hasPrefix(".") && !DataFormat.isLockFile(name) {
            let url = folder.appendingPathComponent(name)
            let entryPath = path + "/" + name
            let values = try? url.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                if values?.isSymbolicLink == true {
                    state.diagnostics.append(Diagnostic(
                        .warning, path: entryPath, "a symbolic link to a folder is not followed"))
                    continue
                }
                grouped[name, default: []].append(Entry(name: name, url: url, path: entryPath, format: nil))
                continue
            }
            let stem = url.deletingPathExtension().lastPathComponent
            guard let format = DataFormat(fileExtension: url.pathExtension), !stem.isEmpty else { continue }
            grouped[stem, default: []].append(Entry(name: name, url: url, path: entryPath, format: format))
        }
        return grouped
    }
}
