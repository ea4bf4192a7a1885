/// The output of a render: the text, and where in it the escaped values went.
public struct RenderedText: Sendable, Hashable {
    /// The merged text.
    public var text: String
    /// UTF-8 byte ranges of `text` produced by escaped interpolations (`{{x}}` and
    /// `{{helper(x)}}`, after escaping), in order. The Markdown stage uses them to keep data
    /// literal, e.g. to stop the autolink extension from turning a URL from data into a link.
    public var escapedRanges: [Range<Int>]
    /// What the render read (empty unless `RenderOptions.recordsInputs`).
    public var inputs: TemplateInputs
    /// Where each piece of `text` came from (nil unless `RenderOptions.recordsSourceMap`).
    public var sourceMap: TemplateSourceMap?

    public init(
        text: String, escapedRanges: [Range<Int>] = [], inputs: TemplateInputs = TemplateInputs(),
        sourceMap: TemplateSourceMap? = nil
    ) {
        self.text = text
        self.escapedRanges = escapedRanges
        self.inputs = inputs
        self.sourceMap = sourceMap
    }
}
