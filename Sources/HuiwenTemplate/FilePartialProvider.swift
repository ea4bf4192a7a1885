import Foundation
import HuiwenDiagnostics

/// Partials from a folder, such as `templates/partials/`: `{{> task-table}}` reads
/// `templates/partials/task-table.md`.
///
/// Names are refused rather than resolved when they could leave the folder: `..`, absolute
/// names and backslashes. Subfolders are allowed with `/` (`{{> tables/tasks}}`).
public struct FilePartialProvider: PartialProvider {
    public var directory: String
    public var fileExtension: String

    /// `directory` is used as given in paths of diagnostics (keep it relative for readable
    /// messages); `fileExtension` is appended to names without a dot in their last part.
    public init(directory: String, fileExtension: String = "md") {
        self.directory = directory
        self.fileExtension = fileExtension
    }

    public func partialSource(named name: String) throws(PartialLookupError) -> PartialSource? {
        try Self.validate(name)
        let lastPart = name.split(separator: "/").last ?? Substring(name)
        let file = lastPart.contains(".") || fileExtension.isEmpty ? name : name + "." + fileExtension
        let path = directory.isEmpty ? file : (directory.hasSuffix("/") ? directory + file : directory + "/" + file)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PartialLookupError("cannot read partial '\(name)' from \(path)")
        }
        // Invalid UTF-8 is refused at its byte, as in templates: repairing it would print U+FFFD.
        do throws(Diagnostic) {
            return PartialSource(text: try UTF8Validation.decode(Array(data), path: path), path: path)
        } catch {
            throw PartialLookupError(error.message, at: error.location)
        }
    }

    /// Refuses names that could reach outside the partials folder or that no file can have.
    public static func validate(_ name: String) throws(PartialLookupError) {
        if name.isEmpty { throw PartialLookupError("empty partial name") }
        if name.contains("..") {
            throw PartialLookupError("partial name '\(name)' is not allowed: '..' could leave the partials folder")
        }
        if name.hasPrefix("/") || name.hasPrefix("~") {
            throw PartialLookupError("partial name '\(name)' is not allowed: names are relative to the partials folder")
        }
        if name.contains("\\") {
            throw PartialLookupError("partial name '\(name)' is not allowed: use '/' to name a subfolder, not '\\'")
        }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == ":" }) {
            throw PartialLookupError("partial name '\(name)' is not allowed: it holds a control character or ':'")
        }
    }
}
