/// A heading of a rendered body: `## 总体要求` numbered as 公文 is level 2, number "一、",
/// content `[.text("总体要求")]`.
public struct MarkdownHeading: Sendable, Hashable {
    /// 1 for `#` … 6 for `######`.
    public var level: Int
    /// The number heading numbering wrote before the content ("一、", "（二）", "3.", "（4）");
    /// nil when it wrote none (numbering off, a hand-numbered or an unnumbered level).
    public var number: String?
    /// The heading's inlines as written, without `number`.
    public var content: [MarkdownInline]

    public init(level: Int, number: String? = nil, content: [MarkdownInline]) {
        self.level = level
        self.number = number
        self.content = content
    }
}
