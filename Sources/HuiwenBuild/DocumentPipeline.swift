import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenLayout
import HuiwenMarkdown
import HuiwenTemplate
import HuiwenText

/// Template → Markdown → Layout for one template file: the stages in order, for every
/// document the template gives. The only place that knows the order of the stages.
struct DocumentPipeline: Sendable {
    let project: Project
    let partials: PartialLibrary
    let helpers: HelperTable
    let layouts: LayoutLibrary

    init(project: Project) {
        self.project = project
        self.layouts = LayoutLibrary(project: project)
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
        var collected: [RenderedPage] = []
        let problems = pages(of: template, data: data) { collected.append($0) }
        return (collected, problems)
    }

    /// Every page of one compiled template, handed to `emit` one by one as it is laid out:
    /// a batch's memory stays that of one document. Returns every problem found.
    func pages(of template: DocumentTemplate, data: Value, emit: (RenderedPage) -> Void) -> [Diagnostic] {
        var layoutProblems: [Diagnostic] = []
        let mergeProblems = template.merge(data: data, partials: partials, helpers: helpers) { document in
            do throws(DiagnosticError) {
                emit(try layOut(document))
            } catch {
                layoutProblems += error.diagnostics
            }
        }
        return mergeProblems + layoutProblems
    }

    /// Markdown → HTML for the body and each attachment, then the page from the layout.
    func layOut(_ document: MergedDocument) throws(DiagnosticError) -> RenderedPage {
        let page = document.page
        let allowsHTML = page["allowHTML"].map { if case .bool(true) = $0.kind { true } else { false } } ?? false
        let renderer = MarkdownRenderer(options: MarkdownOptions(allowsRawHTML: allowsHTML))
        let title = page["title"]?.text ?? document.outputName
        let layoutName = page["layout"]?.text ?? "plain"
        guard layoutName != "index", let layout = layouts.template(named: layoutName) else {
            let hint = NameSuggester.closest(to: layoutName, among: layouts.names).map { "; did you mean '\($0)'?" } ?? ""
            throw DiagnosticError(Diagnostic(
                at: page["layout"]?.location, "unknown layout '\(layoutName)' (layouts: \(layouts.names.joined(separator: ", ")))\(hint)"))
        }
        let numbering = page["numbering"]?.text.flatMap(HeadingNumbering.init(rawValue:))
            ?? (layoutName == "plain" ? HeadingNumbering.none : .gongwen)
        let transforms = DocumentTransforms(numbering: numbering)
        let body = renderer.document(
            from: document.body.text, transforms: transforms, literalRanges: document.body.escapedRanges
        ).html

        var markdown = document.body.text
        var attachments: [Value] = []
        for (index, attachment) in document.attachments.enumerated() {
            markdown += "\n\n---\n\n附件\(index + 1)：\(attachment.title)\n\n" + attachment.body.text
            let html = renderer.document(
                from: attachment.body.text, transforms: transforms, literalRanges: attachment.body.escapedRanges
            ).html
            attachments.append(.map([
                "number": .number(Decimal(index + 1)),
                "title": .string(attachment.title),
                // Always present: Mustache would otherwise find the document's own body.
                "body": .string(html),
            ]))
        }
        let context = Value.map([
            "page": Self.layoutFields(page),
            "body": .string(body),
            "attachments": .list(attachments),
            "hasAttachments": .bool(!attachments.isEmpty),
            "hasManyAttachments": .bool(attachments.count > 1),
            "generator": .string("huiwen"),
        ])
        let html = try layout.render(context, options: RenderOptions(escaper: HTMLEscaper(), helpers: helpers)).text
        return RenderedPage(
            name: document.outputName,
            title: title,
            recipients: page["recipients"]?.text ?? "",
            layout: layoutName,
            templatePath: document.templatePath,
            html: html,
            markdown: markdown.hasSuffix("\n") ? markdown : markdown + "\n"
        )
    }

    /// Front matter as the layout reads it: empty strings left out, so an empty field leaves
    /// no element behind (Mustache treats "" as true).
    static func layoutFields(_ page: Value) -> Value {
        guard let entries = page.mapEntries else { return .map([:]) }
        return .map(entries.filter { $0.value.stringValue != "" && !$0.value.isNull })
    }
}
