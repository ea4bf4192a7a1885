/// What renders read, when `RenderOptions.recordsInputs` asks for it: the top-level names
/// looked up in the root context (data namespaces such as `statistics`, also those not found,
/// since adding them later changes the output) and the files of the partials included. The
/// preview server renders again only the documents whose inputs changed.
///
/// ```swift
/// let rendered = try template.render(data, options: RenderOptions(escaper: MarkdownEscaper(), recordsInputs: true))
/// rendered.inputs.rootNames   // ["meeting", "statistics"]
/// ```
public struct TemplateInputs: Sendable, Hashable {
    /// Stands for "the whole root context" (`{{.}}` at the top level).
    public static let wholeContext = "*"

    /// First keys of lookups that reached the root context, or found nothing at all.
    public var rootNames: Set<String> = []
    /// Paths (as their templates give them) of every partial included.
    public var partialPaths: Set<String> = []

    public init(rootNames: Set<String> = [], partialPaths: Set<String> = []) {
        self.rootNames = rootNames
        self.partialPaths = partialPaths
    }

    /// Both reads together.
    public mutating func formUnion(_ other: TemplateInputs) {
        rootNames.formUnion(other.rootNames)
        partialPaths.formUnion(other.partialPaths)
    }

    /// Whether a change to the data namespace `name` can change what was rendered.
    public func reads(namespace name: String) -> Bool {
        rootNames.contains(name) || rootNames.contains(Self.wholeContext)
    }
}
