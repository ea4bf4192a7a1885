/// One finished document: what goes into `output/NAME.html` and `output/NAME.md`.
public struct RenderedPage: Sendable, Hashable {
    /// The base name of the output files.
    public var name: String
    /// The document's title (from front matter), for the index.
    public var title: String
    /// Who it is addressed to (主送机关, `recipients` in front matter), for the index; may be empty.
    public var recipients: String
    /// The layout it was laid out with (`notice`, `outline`, `plain`, or a project's own).
    public var layout: String
    /// The template it came from.
    public var templatePath: String
    /// The complete page.
    public var html: String
    /// The merged Markdown, for review in diffs.
    public var markdown: String
}
