import Foundation
import HuiwenDiagnostics

/// The one place that writes files: atomically (a temporary file in the same folder, then a
/// rename), so a reader never sees half a page and a failure leaves the old file in place.
public struct OutputWriter: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// Writes `contents` to `name` inside the output folder, unless the file already holds
    /// exactly that (so an unchanged build touches nothing). `name` must be a plain file name:
    /// nothing is ever written outside the output folder. True when the file was written.
    @discardableResult
    public func write(_ contents: String, to name: String) throws(Diagnostic) -> Bool {
        guard Self.isPlainFileName(name) else {
            throw Diagnostic(path: name, "refusing to write outside the output folder")
        }
        let target = directory.appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            if let existing = try? Data(contentsOf: target), existing == Data(contents.utf8) { return false }
            try Data(contents.utf8).write(to: target, options: .atomic)
            return true
        } catch {
            throw Diagnostic(path: target.path, "cannot write file (\(error.localizedDescription))")
        }
    }

    /// Removes `name` from the output folder; false when it was not there.
    public func remove(_ name: String) throws(Diagnostic) -> Bool {
        guard Self.isPlainFileName(name) else {
            throw Diagnostic(path: name, "refusing to remove a file outside the output folder")
        }
        let target = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: target.path) else { return false }
        do {
            try FileManager.default.removeItem(at: target)
            return true
        } catch {
            throw Diagnostic(path: target.path, "cannot remove file (\(error.localizedDescription))")
        }
    }

    static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\\")
            && !name.unicodeScalars.contains { $0.value < 0x20 }
    }
}
