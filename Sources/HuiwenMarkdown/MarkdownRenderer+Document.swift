extension MarkdownRenderer {
    /// Renders `markdown` as a document: parsed with these options, transformed (heading
    /// numbering, Chinese line joins), rendered to HTML, with the outline of its headings and
    /// the body as a tree (`blocks`) for writers of other formats.
    ///
    /// ```swift
    /// let document = MarkdownRenderer().document(from: "## 总体要求\n", transforms: DocumentTransforms(numbering: .gongwen))
    /// document.html      // "<h2>一、总体要求</h2>\n"
    /// document.headings  // [Heading(level: 2, text: "一、总体要求")]
    /// document.blocks    // [.heading(MarkdownHeading(level: 2, number: "一、", content: [.text("总体要求")]))]
    /// ```
    /// Safe to call from many tasks at once, like `html(from:)`.
    ///
    /// `literalRanges` are UTF-8 byte ranges of values a template inserted with `{{x}}`
    /// (already escaped): they render as plain text, never as autolinks (see `html(from:literalRanges:)`).
    ///
    /// `includesBlocks: false` leaves `blocks` empty, for callers that want only the HTML: the
    /// tree adds about a sixth to the render (BENCHMARKS.md).
    ///
    /// With `charts`, each ```` ```chart ```` block is drawn from its data: an SVG figure in the
    /// HTML, `.chart` in the tree; a block that cannot be drawn stays a code block and its
    /// problems are in `problems` (see README, “Charts”).
    public func document(
        from markdown: String, transforms: DocumentTransforms, literalRanges: [Range<Int>] = [],
        includesBlocks: Bool = true, charts: ChartContext? = nil
    ) -> RenderedDocument {
        CmarkDocument.renderDocument(
            markdown, options: options, transforms: transforms, literalRanges: literalRanges, includesBlocks: includesBlocks,
            charts: charts)
    }
}
