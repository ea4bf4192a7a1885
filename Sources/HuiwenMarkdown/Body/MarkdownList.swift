/// A list of a rendered body: ordered (with its first number) or bullet, tight or loose.
public struct MarkdownList: Sendable, Hashable {
    /// How items are marked.
    public enum Kind: Sendable, Hashable {
        /// `1.` or `1)`: numbered from `start`.
        case ordered
        /// `-`, `+` or `*`.
        case bullet
    }

    /// Ordered or bullet.
    public var kind: Kind
    /// The first item's number for an ordered list (it may be 0); 1 for a bullet list.
    public var start: Int
    /// Tight lists have no blank line between or inside items; HTML writes their paragraphs
    /// without `<p>`.
    public var isTight: Bool
    /// The items in order.
    public var items: [MarkdownListItem]

    public init(kind: Kind, start: Int = 1, isTight: Bool, items: [MarkdownListItem]) {
        self.kind = kind
        self.start = start
        self.isTight = isTight
        self.items = items
    }
}
