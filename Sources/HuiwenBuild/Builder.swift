import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenTemplate

/// Builds a document project: data and templates in, `output/NAME.html` and `output/NAME.md`
/// for every document out. Problems are collected across every file before anything is
/// reported; a document that fails writes nothing, so its previous files stay.
public struct Builder: Sendable {
    public var project: Project

    public init(project: Project) {
        self.project = project
    }

    /// What a build did: the pages it made and every problem it found.
    public struct Report: Sendable {
        public var pages: [RenderedPage] = []
        public var written: [String] = []
        public var diagnostics: [Diagnostic] = []
        public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } }
    }

    /// Loads, merges and lays out every document in memory; writes nothing.
    public func render(only names: Set<String>? = nil) -> Report {
        var report = Report()
        let data = DataLoader().load(projectRoot: project.root)
        report.diagnostics += data.diagnostics
        let templatePaths: [String]
        do {
            templatePaths = try project.templatePaths()
        } catch {
            report.diagnostics.append(error)
            return report
        }
        let pipeline = DocumentPipeline(project: project)
        for path in templatePaths {
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
            let (pages, problems) = pipeline.pages(of: template, data: data.root)
            report.pages += pages
            report.diagnostics += problems
        }
        report.diagnostics = report.diagnostics.map { withSourceLine($0) }
        return report
    }

    /// Renders and writes every document that succeeded.
    public func build(only names: Set<String>? = nil) -> Report {
        var report = render(only: names)
        let writer = OutputWriter(directory: project.outputDirectory)
        for page in report.pages {
            do {
                try writer.write(page.html, to: page.name + ".html")
                try writer.write(page.markdown, to: page.name + ".md")
                report.written.append(page.name + ".html")
            } catch {
                report.diagnostics.append(error)
            }
        }
        return report
    }

    /// Adds the offending line of the file to a diagnostic that lacks it, for the caret.
    func withSourceLine(_ diagnostic: Diagnostic) -> Diagnostic {
        guard diagnostic.sourceLine == nil, let location = diagnostic.location, location.line > 0,
            let text = try? project.read(location.path)
        else { return diagnostic }
        return diagnostic.withSourceLine(from: text)
    }
}
