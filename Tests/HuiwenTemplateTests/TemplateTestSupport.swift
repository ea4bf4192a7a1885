import HuiwenData
import HuiwenDiagnostics
import HuiwenTemplate

/// Wraps each value in `[` `]`, so tests can see exactly what escaping touched (and that the
/// engine uses the escaper it is given, not HTML).
struct BracketEscaper: Escaper {
    func escape(_ text: String) -> String { "[" + text + "]" }
}

/// Renders strictly with no escaping at all, the common case of these tests.
struct PlainEscaper: Escaper {
    func escape(_ text: String) -> String { text }
}

func renderTemplate(
    _ source: String, _ context: Value, path: String = "t.md", startLine: Int = 1,
    partials: PartialLibrary? = nil, helpers: HelperTable = [:], strict: Bool = true,
    escaper: any Escaper = PlainEscaper()
) throws -> String {
    try Template(source, path: path, startLine: startLine)
        .render(context, options: RenderOptions(escaper: escaper, partials: partials, helpers: helpers, strict: strict))
        .text
}

/// The diagnostics a render throws, or an empty list when it succeeds.
func templateErrors(
    _ source: String, _ context: Value, path: String = "t.md", startLine: Int = 1,
    partials: PartialLibrary? = nil, helpers: HelperTable = [:]
) -> [Diagnostic] {
    do {
        _ = try Template(source, path: path, startLine: startLine)
            .render(context, options: RenderOptions(escaper: PlainEscaper(), partials: partials, helpers: helpers))
        return []
    } catch {
        return error.diagnostics
    }
}
