import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenTemplate

/// Builds a document project: data and templates in, `output/NAME.html` and `output/NAME.md`
/// for every document plus `output/index.html` out. Problems are collected across every file
/// before anything is reported; a document that fails writes nothing, so its previous files
/// stay; files huiwen did not write are never touched.
public struct Builder: Sendable {
    public var project: Project

    public init(project: Project) {
        self.project = project
    }

    /// What a build did: the pages it made and every problem it found.
    public struct Report: Sendable {
        public var pages: [RenderedPage] = []
        public var diagnostics: [Diagnostic] = []
        /// Output files written (or, for a check, found missing or stale), and deleted.
        public var written: [String] = []
        public var deleted: [String] = []
        /// Templates all of whose documents rendered.
        public var rebuiltTemplates: Set<String> = []
        /// The project's templates.
        public var templates: [String] = []
        /// The index layout of this build (the project's own or the built-in one).
        var indexLayout: Template?
        /// The manifest lines of the pages rendered (kept when the pages themselves are not).
        var pageEntries: [OutputManifest.Entry] = []
        /// How many documents rendered (also when `pages` is not kept).
        public var documentCount: Int { pageEntries.count / 2 }
        public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } }
    }

    /// Loads, merges and lays out every document in memory; writes nothing.
    /// `only`: template base names to render (all when nil).
    public func render(only names: Set<String>? = nil) -> Report {
        var pages: [RenderedPage] = []
        var report = render(only: names) { pages.append($0) }
        report.pages = pages
        return report
    }

    /// Renders every document, handing each page to `consume` as soon as it is laid out
    /// (`report.pages` stays empty; `report.pageEntries` lists them): memory stays that of one
    /// document however large the batch.
    func render(only names: Set<String>?, consume: (RenderedPage) -> Void) -> Report {
        var report = Report()
        let data = DataLoader().load(projectRoot: project.root)
        report.diagnostics += data.diagnostics
        do {
            report.templates = try project.templatePaths()
        } catch {
            report.diagnostics.append(error)
            return report
        }
        let pipeline = DocumentPipeline(project: project)
        report.diagnostics += pipeline.layouts.diagnostics
        report.indexLayout = pipeline.layouts.template(named: "index")
        var owners = OutputOwners()
        for path in report.templates {
            let template: DocumentTemplate
            do {
                template = try pipeline.compile(path)
            } catch {
                report.diagnostics += error.diagnostics
                continue
            }
            if let names, !names.contains(template.name) { continue }
            // With broken data every lookup would fail too; the data errors say it all.
            guard data.diagnostics.isEmpty else { continue }
            var clashes: [Diagnostic] = []
            let outputLocation = template.frontMatter["output"]?.location ?? SourceLocation(path: path, line: 1, column: 1)
            var problems = pipeline.pages(of: template, data: data.root) { page in
                if let clash = owners.claim(page.name, for: path, at: outputLocation) {
                    clashes.append(clash)
                    return
                }
                report.pageEntries += page.manifestEntries
                consume(page)
            }
            problems += clashes
            report.diagnostics += problems
            if problems.isEmpty { report.rebuiltTemplates.insert(path) }
        }
        report.diagnostics = report.diagnostics.map { withSourceLine($0) }
        return report
    }

    /// Renders one template (a file of the project, or any text given with a name such as
    /// `<stdin>`) with the project's data, in memory.
    public func render(template path: String, source: String) -> Report {
        var report = Report()
        let data = DataLoader().load(projectRoot: project.root)
        report.diagnostics += data.diagnostics
        let pipeline = DocumentPipeline(project: project)
        report.diagnostics += pipeline.layouts.diagnostics
        do {
            let template = try DocumentTemplate(source: source, path: path)
            if data.diagnostics.isEmpty {
                let (pages, problems) = pipeline.pages(of: template, data: data.root)
                report.pages = pages
                report.diagnostics += problems
            }
        } catch {
            report.diagnostics += error.diagnostics.map { $0.withSourceLine(from: source) }
        }
        report.diagnostics = report.diagnostics.map { withSourceLine($0) }
        return report
    }

    /// Renders every document and writes those that succeeded, the index and the manifest;
    /// removes the outputs of templates that are gone (only files huiwen wrote).
    public func build(only names: Set<String>? = nil) -> Report {
        let writer = OutputWriter(directory: project.outputDirectory)
        var written: [String] = []
        var failures: [Diagnostic] = []
        var report = render(only: names) { page in
            for (file, contents) in page.files {
                do throws(Diagnostic) {
                    if try writer.write(contents, to: file) { written.append(file) }
                } catch {
                    failures.append(error)
                }
            }
        }
        report.written = written
        report.diagnostics += failures
        guard let plan = plan(for: &report) else { return report }
        for (file, contents) in plan.files.sorted(by: { $0.key < $1.key }) {
            do {
                if try writer.write(contents, to: file) { report.written.append(file) }
            } catch {
                report.diagnostics.append(error)
            }
        }
        for file in plan.deletions {
            do {
                if try writer.remove(file) { report.deleted.append(file) }
            } catch {
                report.diagnostics.append(error)
            }
        }
        return report
    }

    /// What `build` would change, without writing: `written` lists files that are missing or
    /// stale, `deleted` files a build would remove. The output is current when both are empty.
    public func check(only names: Set<String>? = nil) -> Report {
        var stale: [String] = []
        func compare(_ file: String, _ contents: String) {
            let current = try? Data(contentsOf: project.outputDirectory.appendingPathComponent(file))
            if current != Data(contents.utf8) { stale.append(file) }
        }
        var report = render(only: names) { page in
            for (file, contents) in page.files { compare(file, contents) }
        }
        guard let plan = plan(for: &report) else { return report }
        for (file, contents) in plan.files { compare(file, contents) }
        report.written = stale.sorted()
        report.deleted = plan.deletions.filter {
            FileManager.default.fileExists(atPath: project.outputDirectory.appendingPathComponent($0).path)
        }
        return report
    }

    private func plan(for report: inout Report) -> OutputPlan? {
        guard !report.templates.isEmpty || report.succeeded else { return nil }
        do {
            return try OutputPlan.make(
                pageEntries: report.pageEntries,
                previous: OutputManifest(reading: project.outputDirectory),
                rebuiltTemplates: report.rebuiltTemplates,
                existingTemplates: Set(report.templates),
                indexLayout: report.indexLayout)
        } catch {
            report.diagnostics += error.diagnostics
            return nil
        }
    }

    /// Adds the offending line of the file to a diagnostic that lacks it, for the caret.
    func withSourceLine(_ diagnostic: Diagnostic) -> Diagnostic {
        guard diagnostic.sourceLine == nil, let location = diagnostic.location, location.line > 0,
            let text = try? project.read(location.path)
        else { return diagnostic }
        return diagnostic.withSourceLine(from: text)
    }
}
