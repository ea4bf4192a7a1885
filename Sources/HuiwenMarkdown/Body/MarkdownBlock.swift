/// A block of a rendered document body, holding what cmark-gfm's HTML shows after the document
/// transforms: the tree a writer of another format walks (`RenderedDocument.blocks`).
public enum MarkdownBlock: Sendable, Hashable {
    /// `#` … `######` or a setext heading, with the 公文 number apart from its content.
    case heading(MarkdownHeading)
    /// A paragraph (inside a tight list, HTML writes its inlines without `<p>`).
    case paragraph([MarkdownInline])
    /// `>` quoted blocks.
    case blockQuote([MarkdownBlock])
    /// An ordered or bullet list.
    case list(MarkdownList)
    /// A GFM table.
    case table(MarkdownTable)
    /// Fenced or indented code: `info` is the fence's info string ("" when none); `literal`
    /// ends with a line break unless empty.
    case codeBlock(info: String, literal: String)
    /// `---`, `***` or `___`.
    case thematicBreak
    /// A referenced footnote's text; cmark-gfm moves these to the end, in the order of their
    /// numbers.
    case footnoteDefinition(MarkdownFootnote)
    /// Raw HTML, as the HTML output carries it (tagfilter applied); present only when the
    /// options allow raw HTML.
    case html(String)
    /// A ```` ```chart ```` block drawn from the data (the HTML holds its SVG figure).
    case chart(Chart)
}
