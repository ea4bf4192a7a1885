/// A document's HTML body, the same body as a tree for other writers, and its outline, as
/// `MarkdownRenderer.document(from:transforms:)` returns them.
public struct RenderedDocument: Sendable, Hashable {
    /// A top-level heading of the document (headings inside quotes, lists or footnotes are not
    /// part of the outline), with its number when numbering wrote one: `(2, "一、总体要求")`.
    public struct Heading: Sendable, Hashable {
        /// 1 for `#` … 6 for `######`.
        public var level: Int
        /// The heading's plain text, as the reader sees it (markup dropped).
        public var text: String

        public init(level: Int, text: String) {
            self.level = level
            self.text = text
        }
    }

    /// The HTML fragment, as cmark-gfm renders the transformed tree.
    public var html: String
    /// The top-level headings in document order.
    public var headings: [Heading]
    /// The body as `html` shows it, as Swift values: what a writer of another format walks.
    public var blocks: [MarkdownBlock]
    /// What the render could not do (chart blocks it could not draw), each at its byte of the
    /// Markdown; a document with problems is not fit to publish.
    public var problems: [MarkdownProblem]
    /// The first keys of the data paths chart blocks read (`statistics`): a change to one of
    /// those data files changes this document.
    public var dataNames: Set<String>

    public init(
        html: String, headings: [Heading], blocks: [MarkdownBlock] = [], problems: [MarkdownProblem] = [],
        dataNames: Set<String> = []
    ) {
        self.html = html
        self.headings = headings
        self.blocks = blocks
        self.problems = problems
        self.dataNames = dataNames
    }
}
