import Foundation
import HuiwenDiagnostics
import HuiwenLayout
import HuiwenMarkdown

/// Builds a document project: every `templates/*.md` becomes `output/NAME.html`.
public struct Builder: Sendable {
    public var root: URL
    public var outputDirectory: URL

    public init(root: URL, outputDirectory: URL? = nil) {
        self.root = root
        self.outputDirectory = outputDirectory ?? root.appendingPathComponent("output")
    }

    /// What a build did: the documents it wrote and every problem it found.
    public struct Report: Sendable {
        public var written: [String] = []
        public var diagnostics: [Diagnostic] = []
        public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } }
    }

    public func build() -> Report {
        var report = Report()
        let templateNames: [String]
        do {
            templateNames = try discoverTemplates()
        } catch {
            report.diagnostics.append(error)
            return report
        }
        let writer = OutputWriter(directory: outputDirectory)
        let renderer = MarkdownRenderer()
        for name in templateNames {
            let relativePath = "templates/\(name)"
            do {
                let markdown = try SourceReader.readText(atPath: relativePath, relativeTo: root)
                let body = renderer.html(from: markdown)
                let page = PlainLayout().page(title: Self.title(of: markdown) ?? Self.baseName(name), body: body)
                let outputName = Self.baseName(name) + ".html"
                try writer.write(page, to: outputName)
                report.written.append(outputName)
            } catch {
                report.diagnostics.append(error)
            }
        }
        return report
    }

    func discoverTemplates() throws(Diagnostic) -> [String] {
        let folder = root.appendingPathComponent("templates")
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw Diagnostic(path: "templates", "no templates folder in \(root.path)")
        }
        return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
    }

    static func baseName(_ fileName: String) -> String {
        String(fileName.dropLast(3))
    }

    /// The text of the first `# ` heading, used as the page title until front matter arrives.
    static func title(of markdown: String) -> String? {
        for line in markdown.split(separator: "\n") where line.hasPrefix("# ") {
            return line.dropFirst(2).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
