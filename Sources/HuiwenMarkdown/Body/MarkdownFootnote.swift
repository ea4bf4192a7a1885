/// A footnote definition of a rendered body, as cmark-gfm keeps it: only referenced notes,
/// numbered in the order of their first reference.
public struct MarkdownFootnote: Sendable, Hashable {
    /// The number its references show (1, 2, …), also its place among the notes.
    public var number: Int
    /// The label as defined (`[^note]: …` → "note"); HTML anchors are built from it.
    public var label: String
    /// The note's content.
    public var blocks: [MarkdownBlock]

    public init(number: Int, label: String, blocks: [MarkdownBlock]) {
        self.number = number
        self.label = label
        self.blocks = blocks
    }
}
