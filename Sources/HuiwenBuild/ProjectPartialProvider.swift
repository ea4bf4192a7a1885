import Foundation
import HuiwenDiagnostics
import HuiwenTemplate

/// Partials of a project: `{{> task-table}}` reads `templates/partials/task-table.md` under the
/// project root, and diagnostics name it by that relative path. Names that could leave the
/// folder are refused; a partial that is not UTF-8 is refused too, never repaired.
struct ProjectPartialProvider: PartialProvider {
    let root: URL
    let folder = "templates/partials"

    func partialSource(named name: String) throws(PartialLookupError) -> PartialSource? {
        try FilePartialProvider.validate(name)
        let lastPart = name.split(separator: "/").last ?? Substring(name)
        let file = lastPart.contains(".") ? name : name + ".md"
        let path = folder + "/" + file
        let url = root.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return nil
        }
        do throws(Diagnostic) {
            return PartialSource(text: try SourceReader.readText(atPath: path, relativeTo: root), path: path)
        } catch {
            throw PartialLookupError(error.message, at: error.location)
        }
    }
}
