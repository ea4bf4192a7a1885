/// An item of a `MarkdownList`: its blocks and, for a GFM task item (`- [ ]`, `- [x]`), its
/// checkbox.
public struct MarkdownListItem: Sendable, Hashable {
    /// The state of a task item's checkbox.
    public enum Checkbox: Sendable, Hashable {
        /// `[ ]`.
        case unchecked
        /// `[x]` or `[X]`.
        case checked
    }

    /// nil for an ordinary item.
    public var checkbox: Checkbox?
    /// The item's content.
    public var blocks: [MarkdownBlock]

    public init(checkbox: Checkbox? = nil, blocks: [MarkdownBlock]) {
        self.checkbox = checkbox
        self.blocks = blocks
    }
}
