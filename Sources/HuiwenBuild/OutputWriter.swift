import Foundation
import HuiwenDiagnostics

/// The one place that writes files: atomically (a temporary file in the same folder, then a
/// rename), so a reader never sees half a page and a failure leaves the old file in place.
public struct OutputWriter: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// Writes `contents` to `name` inside the output folder. `name` must be a plain file name:
    /// nothing is ever written outside the output folder.
    public func write(_ contents: String, to name: String) throws(Diagnostic) {
        guard Self.isPlainFileName(name) else {
            throw Diagnostic(path: name, "refusing to write outside the output folder")
        }
        let target = directory.appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            if let existing = try? Data(contentsOf: target), existing == Data(contents.utf8) { return }
            try Data(contents.utf8).write(to: target, options: .atomic)
        } catch {
            throw Diagnostic(path: target.path, "cannot write file (\(error.localizedDescription))")
        }
    }

    static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\\")
            && !name.unicodeScalars.contains { $0.value < 0x20 }
    }
}
