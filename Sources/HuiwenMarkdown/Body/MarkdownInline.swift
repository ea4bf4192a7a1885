/// Inline content of a rendered document body: text and the markup around it. Adjacent text is
/// one `.text`; URLs are as the HTML uses them before URL escaping.
public enum MarkdownInline: Sendable, Hashable {
    /// Plain text, with entities and backslash escapes resolved.
    case text(String)
    /// `*emphasis*`.
    case emphasis([MarkdownInline])
    /// `**strong**`.
    case strong([MarkdownInline])
    /// `~~strikethrough~~` (GFM).
    case strikethrough([MarkdownInline])
    /// `` `code` ``, its literal text.
    case code(String)
    /// A link (written or made by the autolink extension); `title` is "" when none. In safe
    /// mode a `javascript:`-like destination is "", as the HTML writes it.
    case link(destination: String, title: String, children: [MarkdownInline])
    /// An image; `alt` is its description, which HTML writes as plain text.
    case image(source: String, title: String, alt: [MarkdownInline])
    /// `[^label]` where the note is defined: `number` is the number the HTML shows, `occurrence`
    /// counts the references to the same note in source order (1, 2, …; the HTML anchors by it).
    case footnoteReference(number: Int, occurrence: Int)
    /// A line end inside a paragraph (those a document joins between Chinese text are gone).
    case softBreak
    /// A hard line break: two spaces or `\` at the end of a line.
    case lineBreak
    /// Raw inline HTML, as the HTML output carries it (tagfilter applied); present only when
    /// the options allow raw HTML (inside an image description it is text, as the HTML shows).
    case html(String)
}
