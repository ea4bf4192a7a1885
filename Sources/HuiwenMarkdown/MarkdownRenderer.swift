/// Markdown to an HTML fragment through cmark-gfm.
///
/// Safe to call from many tasks at once: the C library's process-global state is guarded in
/// `Cmark/`. With default options the output is byte-identical to
/// `cmark-gfm -e table -e strikethrough -e autolink -e tagfilter -e tasklist -e footnotes`.
public struct MarkdownRenderer: Sendable {
    public var options: MarkdownOptions

    public init(options: MarkdownOptions = MarkdownOptions()) {
        self.options = options
    }

    /// The HTML fragment of `markdown`, exactly as cmark-gfm renders it (no transform).
    public func html(from markdown: String) -> String {
        CmarkDocument.renderHTML(markdown, options: options)
    }
}

extension MarkdownRenderer {
    /// The HTML fragment of merged template output, where each byte range of `literalRanges`
    /// (UTF-8 offsets of values inserted with `{{x}}`, already escaped) renders as plain text:
    /// autolinks the extension would make from those bytes are left as text.
    ///
    /// Outside the ranges (and with no ranges) the output is `html(from:)`'s.
    public func html(from markdown: String, literalRanges: [Range<Int>]) -> String {
        CmarkDocument.renderHTML(markdown, options: options, literalRanges: literalRanges)
    }
}
