import HuiwenText

/// The tree transforms a document render applies between parsing and HTML: heading numbering
/// and the joining of Chinese lines. `MarkdownRenderer.html(from:)` applies none of them.
///
/// `DocumentTransforms(numbering: .gongwen)` is what the notice and outline layouts use.
public struct DocumentTransforms: Sendable, Hashable {
    /// Numbering written into the text of top-level headings.
    public var numbering: HeadingNumbering
    /// Drop a soft line break that sits between Chinese text (Chromium would render it as a
    /// space inside the sentence); see docs/markdown.md for the exact rule.
    public var joinsCJKLineBreaks: Bool

    public init(numbering: HeadingNumbering = .none, joinsCJKLineBreaks: Bool = true) {
        self.numbering = numbering
        self.joinsCJKLineBreaks = joinsCJKLineBreaks
    }
}
