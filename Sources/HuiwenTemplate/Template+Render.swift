import HuiwenData
import HuiwenDiagnostics

extension Template {
    /// Merges `context` into the template. Rendering goes on past errors so that every problem
    /// of the template (and its partials) is thrown at once, sorted by position.
    public func render(_ context: Value, options: RenderOptions) throws(DiagnosticError) -> RenderedText {
        var renderer = TemplateRenderer(template: self, context: context, options: options)
        renderer.render(nodes)
        if !renderer.diagnostics.isEmpty {
            throw DiagnosticError(renderer.diagnostics.sorted(by: Template.diagnosticOrder))
        }
        return RenderedText(
            text: renderer.output, escapedRanges: renderer.escapedRanges, inputs: renderer.inputs,
            sourceMap: options.recordsSourceMap ? renderer.sourceMap : nil)
    }

    /// Shorthand for `render(_:options:)`.
    public func render(
        _ context: Value,
        escaper: any Escaper,
        partials: PartialLibrary? = nil,
        helpers: HelperTable = [:],
        strict: Bool = true
    ) throws(DiagnosticError) -> RenderedText {
        try render(context, options: RenderOptions(escaper: escaper, partials: partials, helpers: helpers, strict: strict))
    }
}
