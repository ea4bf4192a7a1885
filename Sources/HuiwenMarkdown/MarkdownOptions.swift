/// How Markdown is parsed and rendered. The defaults are the documents' settings: every GFM
/// extension, footnotes on, raw HTML omitted (cmark's safe mode).
public struct MarkdownOptions: Sendable, Hashable {
    /// A cmark-gfm syntax extension, named as the `cmark-gfm -e` flag names it.
    public enum Extension: String, Sendable, Hashable, CaseIterable {
        case table, strikethrough, autolink, tagfilter, tasklist
    }

    /// Extensions to attach, in this order (the order of `cmark-gfm -e …`).
    public var extensions: [Extension]
    /// Footnotes (`[^1]`); cmark-gfm needs the option in the parser and the renderer both.
    public var footnotes: Bool
    /// Let raw HTML and `javascript:` links through (cmark's `--unsafe`); tagfilter stays on
    /// when it is among `extensions`.
    public var allowsRawHTML: Bool

    public init(
        extensions: [Extension] = Extension.allCases,
        footnotes: Bool = true,
        allowsRawHTML: Bool = false
    ) {
        self.extensions = extensions
        self.footnotes = footnotes
        self.allowsRawHTML = allowsRawHTML
    }

    /// The `cmark-gfm` command-line arguments that render exactly as these options do.
    public var commandLineArguments: [String] {
        var arguments = extensions.flatMap { ["-e", $0.rawValue] }
        if footnotes { arguments += ["-e", "footnotes"] }
        if allowsRawHTML { arguments.append("--unsafe") }
        return arguments
    }
}
