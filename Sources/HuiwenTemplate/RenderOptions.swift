/// How to render a template: escaping, where partials come from, the helpers, and whether a
/// missing name is an error.
public struct RenderOptions: Sendable {
    /// Applied to every `{{x}}` in the template and in all its partials alike.
    public var escaper: any Escaper
    /// Where `{{> name}}` and `{{< name}}` come from; without it every partial is missing.
    public var partials: PartialLibrary?
    /// The functions `{{name(path)}}` may call.
    public var helpers: HelperTable
    /// Strict (documents): a name that resolves to nothing, a missing partial or an unknown
    /// helper is an error. Not strict (the Mustache spec): missing names render empty.
    public var strict: Bool
    /// How deep partials may include partials before the render gives up with an error.
    public var maxPartialDepth: Int
    /// A bound on the merged text, checked at partials and list items: deep partials that
    /// include themselves twice would otherwise grow the output exponentially.
    public var maxOutputBytes: Int
    /// Note what the render read (`RenderedText.inputs`), for incremental rebuilds.
    public var recordsInputs: Bool
    /// Note where each piece of the output came from (`RenderedText.sourceMap`), to report a
    /// problem found in the merged text at its template's position.
    public var recordsSourceMap: Bool
    /// Sections kept from earlier renders of the same template (`SectionMemo`); nil: none.
    public var sectionMemo: SectionMemo?

    public init(
        escaper: any Escaper,
        partials: PartialLibrary? = nil,
        helpers: HelperTable = [:],
        strict: Bool = true,
        maxPartialDepth: Int = 64,
        maxOutputBytes: Int = 64 << 20,
        recordsInputs: Bool = false,
        recordsSourceMap: Bool = false,
        sectionMemo: SectionMemo? = nil
    ) {
        self.escaper = escaper
        self.partials = partials
        self.helpers = helpers
        self.strict = strict
        self.maxPartialDepth = maxPartialDepth
        self.maxOutputBytes = maxOutputBytes
        self.recordsInputs = recordsInputs
        self.recordsSourceMap = recordsSourceMap
        self.sectionMemo = sectionMemo
    }
}
