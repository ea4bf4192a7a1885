import HuiwenData
import HuiwenLayout
import HuiwenMarkdown
import HuiwenTemplate

/// A document from a front matter and a Markdown body, laid out as the build does it (merge,
/// Markdown, model), in memory.
enum LayoutFixture {
    static func document(
        _ frontMatter: String, body: String = "正文。\n", partials: [String: String] = [:], layouts: LayoutLibrary = LayoutLibrary(),
        data: Value = .map([:])
    ) throws -> (document: Document, layout: PageLayout) {
        let template = try DocumentTemplate(source: "---\n" + frontMatter + "---\n" + body, path: "templates/doc.md")
        let merged = try template.merge(data: data, partials: PartialLibrary(partials), helpers: TemplateHelpers.standard)
        let layout = try layouts.layout(for: merged.frontMatter)
        let format = layout.bodyFormat(for: merged.frontMatter)
        let renderer = MarkdownRenderer(options: format.options)
        func render(_ text: RenderedText) -> Document.Body {
            let rendered = renderer.document(
                from: text.text, transforms: format.transforms, literalRanges: text.escapedRanges, charts: ChartContext(data: data))
            precondition(rendered.problems.isEmpty, "fixture charts: \(rendered.problems)")
            return Document.Body(markdown: text.text, rendered: rendered)
        }
        let document = Document(
            frontMatter: merged.frontMatter, layout: layout, body: render(merged.body), attachments: merged.attachments.map { render($0.body) })
        return (document, layout)
    }

    /// The HTML page of that document.
    static func page(
        _ frontMatter: String, body: String = "正文。\n", partials: [String: String] = [:], layouts: LayoutLibrary = LayoutLibrary()
    ) throws -> String {
        let (document, layout) = try document(frontMatter, body: body, partials: partials, layouts: layouts)
        return try HTMLPageWriter.page(for: document, layout: layout)
    }
}
