import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenLayout
import HuiwenMarkdown
import HuiwenTemplate

/// Template → Markdown → Layout for one template file: the stages in order, for every
/// document the template gives. The only place that knows the order of the stages.
struct DocumentPipeline: Sendable {
    let project: Project
    let partials: PartialLibrary
    let helpers: HelperTable

    init(project: Project) {
        self.project = project
        self.partials = PartialLibrary(provider: ProjectPartialProvider(root: project.root))
        self.helpers = TemplateHelpers.standard
    }

    /// Compiles the template at `path` (front matter and body), reporting every syntax error.
    func compile(_ path: String) throws(DiagnosticError) -> DocumentTemplate {
        let source: String
        do {
            source = try project.read(path)
        } catch {
            throw DiagnosticError(error)
        }
        do {
            return try DocumentTemplate(source: source, path: path)
        } catch {
            throw DiagnosticError(error.diagnostics.map { $0.withSourceLine(from: source) })
        }
    }

    /// Every page of one compiled template, with every problem found while merging.
    func pages(of template: DocumentTemplate, data: Value) -> (pages: [RenderedPage], diagnostics: [Diagnostic]) {
        let (documents, problems) = template.merge(data: data, partials: partials, helpers: helpers)
        let pages = documents.map { layOut($0) }
        return (pages, problems)
    }

    func layOut(_ document: MergedDocument) -> RenderedPage {
        let page = document.page
        let allowsHTML = page["allowHTML"].map { if case .bool(true) = $0.kind { true } else { false } } ?? false
        let renderer = MarkdownRenderer(options: MarkdownOptions(allowsRawHTML: allowsHTML))
        let title = page["title"]?.text ?? document.outputName
        let layout = page["layout"]?.text ?? "plain"
        let numbering = page["numbering"]?.text.flatMap(HeadingNumbering.init(rawValue:))
            ?? (layout == "plain" ? HeadingNumbering.none : .gongwen)
        let transforms = DocumentTransforms(numbering: numbering)
        let body = renderer.document(
            from: document.body.text, transforms: transforms, literalRanges: document.body.escapedRanges
        ).html
        var markdown = document.body.text
        var html = body
        for (index, attachment) in document.attachments.enumerated() {
            markdown += "\n\n---\n\n附件\(index + 1)：\(attachment.title)\n\n" + attachment.body.text
            html += "<section class=\"attachment\">\n<p>附件\(index + 1)</p>\n<h1>\(escapeHTML(attachment.title))</h1>\n"
                + renderer.document(
                    from: attachment.body.text, transforms: transforms, literalRanges: attachment.body.escapedRanges
                ).html + "</section>\n"
        }
        return RenderedPage(
            name: document.outputName,
            title: title,
            layout: layout,
            templatePath: document.templatePath,
            html: PlainLayout().page(title: title, body: "<h1>\(escapeHTML(title))</h1>\n" + html),
            markdown: markdown.hasSuffix("\n") ? markdown : markdown + "\n"
        )
    }
}
