import Foundation
import HuiwenDiagnostics
import HuiwenLayout

/// A document project on disk: `templates/`, `templates/partials/`, `templates/layouts/`,
/// `data/` and `output/` under one root. Paths in diagnostics are relative to the root.
public struct Project: Sendable {
    public let root: URL
    public let outputDirectory: URL

    public init(root: URL, outputDirectory: URL? = nil) {
        // A directory URL, so that paths resolve inside it (`relativeTo:` drops a last
        // component that is not marked as a directory).
        self.root = URL(fileURLWithPath: root.standardizedFileURL.path, isDirectory: true)
        self.outputDirectory = URL(
            fileURLWithPath: (outputDirectory ?? self.root.appendingPathComponent("output")).standardizedFileURL.path,
            isDirectory: true)
    }

    /// The output folder as messages name it: relative to the root when it is inside it.
    var outputDisplayName: String {
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return outputDirectory.path.hasPrefix(rootPath) ? String(outputDirectory.path.dropFirst(rootPath.count)) : outputDirectory.path
    }

    /// Every `templates/*.md`, sorted by name so builds are deterministic.
    public func templatePaths() throws(Diagnostic) -> [String] {
        let folder = root.appendingPathComponent("templates")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Diagnostic(path: "templates", "no templates folder in \(root.path)")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw Diagnostic(path: "templates", "cannot list the templates folder (\(error.localizedDescription))")
        }
        return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted().map { "templates/" + $0 }
    }

    /// The text of a project file given by its root-relative path.
    public func read(_ path: String) throws(Diagnostic) -> String {
        try SourceReader.readText(atPath: path, relativeTo: root)
    }

    /// The layouts of a build (the project's own over the built-in ones) and the project's
    /// layout files; their problems, the index layout and what the index depends on go into
    /// `report`.
    func layouts(reportingInto report: inout BuildReport) -> (LayoutLibrary, [LayoutLibrary.Source]) {
        let (sources, problems) = layoutSources()
        let layouts = LayoutLibrary(projectLayouts: sources)
        report.diagnostics += problems + layouts.diagnostics
        report.indexLayout = layouts.index
        report.indexFingerprint = OutputPlan.indexFingerprint(sources)
        return (layouts, sources)
    }

    /// The project's own layouts, `templates/layouts/*.html`, with the problems of files that
    /// cannot be read (each is then left out).
    func layoutSources() -> (sources: [LayoutLibrary.Source], problems: [Diagnostic]) {
        let folder = "templates/layouts"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        var sources: [LayoutLibrary.Source] = []
        var problems: [Diagnostic] = []
        for file in files.sorted() where file.hasSuffix(".html") && !file.hasPrefix(".") {
            let path = folder + "/" + file
            do {
                sources.append(LayoutLibrary.Source(path: path, text: try read(path)))
            } catch {
                problems.append(error)
            }
        }
        return (sources, problems)
    }
}
