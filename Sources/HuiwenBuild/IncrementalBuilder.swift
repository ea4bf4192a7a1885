import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenTemplate

/// Keeps a project's documents in memory and, told which files changed, renders again only the
/// templates that read them. For the preview server; `Builder` stays the one-shot path.
///
/// What a template read is returned by its render (`TemplateInputs`, gathered in
/// `TemplateOutcome.inputs`): the top-level data namespaces it looked up, the partial files it
/// included and the layouts its pages used.
/// When a change cannot be attributed safely (a file added or removed under `data/`, a data
/// file that did not load, anything unknown), everything is rendered again.
///
/// ```swift
/// let builder = IncrementalBuilder(project: project)
/// var report = builder.buildAll()
/// report = builder.update(ProjectChanges(modified: ["data/statistics.yaml"])).report
/// ```
public final class IncrementalBuilder {
    public let project: Project

    /// What one template gave the last time it was rendered, and what it read for that.
    struct TemplateState {
        var path: String
        var pages: [RenderedPage] = []
        var diagnostics: [Diagnostic] = []
        var inputs = DocumentInputs()
    }

    private var data = DataLoadResult(root: .map([:]), diagnostics: [], files: [])
    private var layoutDiagnostics: [Diagnostic] = []
    private var indexLayout: Template?
    private var templatesFolderProblem: [Diagnostic] = []
    /// Keyed by template path; reports list them in path order, as `Builder` does.
    private var templates: [String: TemplateState] = [:]

    public init(project: Project) {
        self.project = project
    }

    /// Every document as its page; bodies carry their tree, so that the server can write a
    /// document's `.docx` when it is asked for.
    private var loop: BuildLoop { BuildLoop(project: project, formats: [.html], recordsInputs: true, includesBodyTree: true) }

    /// Loads the data and renders every template.
    public func buildAll() -> BuildReport {
        data = loop.loadData()
        var paths: [String] = []
        do {
            paths = try loop.discover()
            templatesFolderProblem = []
        } catch {
            templatesFolderProblem = [error]
        }
        templates = [:]
        render(Set(paths))
        return self.report()
    }

    /// Applies changed files (root-relative paths) and returns the new report with the names
    /// of the templates rendered again (empty when the change touched no document).
    public func update(_ changes: ProjectChanges) -> (report: BuildReport, rendered: [String]) {
        guard !changes.isEmpty else { return (report(), []) }
        guard let plan = plan(for: changes) else {
            let report = buildAll()
            return (report, templates.keys.sorted())
        }
        if plan.reloadsData { data = loop.loadData() }
        for removed in plan.removedTemplates { templates[removed] = nil }
        // Templates that failed last time may have failed for any reason: always try again.
        var targets = plan.templates
        for (path, state) in templates where !state.diagnostics.isEmpty { targets.insert(path) }
        render(targets)
        return (report(), targets.sorted())
    }

    /// What to render again for `changes`, or nil for "everything".
    private func plan(for changes: ProjectChanges) -> Plan? {
        // Added or removed inputs other than top-level templates can change any lookup.
        for path in changes.added.union(changes.removed) where !Self.isTopLevelTemplate(path) {
            return nil
        }
        if !templatesFolderProblem.isEmpty || !data.diagnostics.isEmpty || !layoutDiagnostics.isEmpty { return nil }
        var plan = Plan()
        plan.templates = changes.added.filter(Self.isTopLevelTemplate)
        plan.removedTemplates = changes.removed.filter(Self.isTopLevelTemplate)
        let namespaceOfFile = Dictionary(data.files.map { ($0.path, $0.keyPath.first ?? "") }, uniquingKeysWith: { first, _ in first })
        for path in changes.modified {
            if Self.isTopLevelTemplate(path) {
                if templates[path] != nil { plan.templates.insert(path) } else { return nil }
            } else if path.hasPrefix("data/") {
                // A data file that is not known to have loaded: no namespace to go by.
                guard let namespace = namespaceOfFile[path], !namespace.isEmpty else { return nil }
                plan.reloadsData = true
                for (templatePath, state) in templates where state.inputs.reads(namespace: namespace) {
                    plan.templates.insert(templatePath)
                }
            } else if path.hasPrefix("templates/partials/") {
                for (templatePath, state) in templates where state.inputs.partialPaths.contains(path) {
                    plan.templates.insert(templatePath)
                }
            } else if path.hasPrefix("templates/layouts/"), path.hasSuffix(".html") {
                let name = String(path.dropFirst("templates/layouts/".count).dropLast(".html".count))
                guard !name.contains("/") else { continue }
                for (templatePath, state) in templates where state.inputs.layouts.contains(name) {
                    plan.templates.insert(templatePath)
                }
            } else {
                return nil
            }
        }
        return plan
    }

    private struct Plan {
        var templates: Set<String> = []
        var removedTemplates: Set<String> = []
        var reloadsData = false
    }

    /// Renders `paths` again with fresh stages (partials compiled anew, layouts re-read), each
    /// template through the build loop into memory.
    private func render(_ paths: Set<String>) {
        var shared = BuildReport()
        let stages = loop.prepare(data: data, &shared)
        layoutDiagnostics = shared.diagnostics
        indexLayout = shared.indexLayout
        for path in paths.sorted() {
            var report = BuildReport()
            var sink = PageCollector()
            // Clashes between templates are found over the whole site, in `report()`.
            var owners = OutputOwners()
            if let template = loop.compile(loop.source(at: path, &report), &report) {
                loop.build(template, with: stages, owners: &owners, into: &sink, &report)
            }
            sink.finish(&report)
            var state = TemplateState(path: path)
            state.pages = report.pages
            state.diagnostics = report.diagnostics.map(loop.withSourceLine)
            state.inputs = report.outcomes[path]?.inputs ?? DocumentInputs()
            templates[path] = state
        }
    }

    /// Every page and problem, in template order; data and layout problems first. Two
    /// templates that give the same output name are an error, as in `Builder.render`.
    private func report() -> BuildReport {
        var report = BuildReport()
        report.diagnostics = (templatesFolderProblem + data.diagnostics + layoutDiagnostics).map(loop.withSourceLine)
        report.indexLayout = indexLayout
        report.templates = templates.keys.sorted()
        var owners = OutputOwners()
        for path in report.templates {
            guard let state = templates[path] else { continue }
            var problems = state.diagnostics
            let pages = state.pages.filter { page in
                guard let clash = owners.claim(page.name, for: path, at: SourceLocation(path: path, line: 1, column: 1)) else {
                    return true
                }
                problems.append(loop.withSourceLine(clash))
                return false
            }
            report.pages += pages
            report.documentCount += pages.count
            report.diagnostics += problems
            if problems.isEmpty { report.rebuiltTemplates.insert(path) }
        }
        return report
    }

    /// The index page of `report` as `build` writes it to `output/index.html` (the project's
    /// own `templates/layouts/index.html` or the built-in one); nil when it cannot be made.
    public func indexPage(of report: BuildReport) -> String? {
        guard let layout = report.indexLayout else { return nil }
        var manifest = OutputManifest()
        for entry in report.pages.flatMap(\.manifestEntries) { manifest.entries[entry.file] = entry }
        return try? OutputPlan.indexPage(manifest, layout: layout, offersWord: true)
    }

    /// What the last render of the template at `path` read (nil for an unknown template).
    public func inputs(ofTemplate path: String) -> DocumentInputs? {
        templates[path]?.inputs
    }

    static func isTopLevelTemplate(_ path: String) -> Bool {
        guard path.hasPrefix("templates/"), path.hasSuffix(".md") else { return false }
        let name = path.dropFirst("templates/".count)
        return !name.contains("/") && !name.hasPrefix(".")
    }
}

/// The files that changed between two looks at a project, as root-relative paths with `/`.
public struct ProjectChanges: Sendable, Hashable {
    public var modified: Set<String>
    public var added: Set<String>
    public var removed: Set<String>

    public init(modified: Set<String> = [], added: Set<String> = [], removed: Set<String> = []) {
        self.modified = modified
        self.added = added
        self.removed = removed
    }

    public var isEmpty: Bool { modified.isEmpty && added.isEmpty && removed.isEmpty }
}
