import Foundation
import HuiwenDiagnostics
import HuiwenLayout
import HuiwenTemplate

/// The page layouts a build can use: the project's own `templates/layouts/NAME.html`, else the
/// built-in `notice`, `outline` and `plain`. Each is compiled once per build.
struct LayoutLibrary: Sendable {
    private(set) var layouts: [String: Template] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    init(project: Project) {
        let folder = "templates/layouts"
        let projectFiles = (try? FileManager.default.contentsOfDirectory(atPath: project.root.appendingPathComponent(folder).path)) ?? []
        for file in projectFiles.sorted() where file.hasSuffix(".html") && !file.hasPrefix(".") {
            let path = folder + "/" + file
            do {
                let source = try project.read(path)
                layouts[String(file.dropLast(5))] = try Template(source, path: path)
            } catch let error as Diagnostic {
                diagnostics.append(error)
            } catch let error as DiagnosticError {
                diagnostics += error.diagnostics
            } catch {
                diagnostics.append(Diagnostic(path: path, "\(error)"))
            }
        }
        for name in BuiltinLayouts.names + ["index"] where layouts[name] == nil {
            guard let source = BuiltinLayouts.source(named: name) else { continue }
            // A built-in layout that does not compile is our bug, not the user's.
            guard let template = try? Template(source, path: "<built-in layout \(name)>") else {
                preconditionFailure("built-in layout '\(name)' does not compile")
            }
            layouts[name] = template
        }
    }

    /// Whether `name` is a layout of this project or a built-in one.
    func contains(_ name: String) -> Bool { layouts[name] != nil }

    var names: [String] { layouts.keys.sorted() }

    func template(named name: String) -> Template? { layouts[name] }
}
