import HuiwenDiagnostics

/// A compiled Mustache template: parsed once, rendered any number of times, from any thread.
///
/// Every tag keeps its `path:line:col` in the real file, so a template that follows YAML front
/// matter is compiled with the line it starts on:
///
/// ```swift
/// let template = try Template(body, path: "templates/notice.md", startLine: 12)
/// let merged = try template.render(data, options: RenderOptions(escaper: HTMLEscaper()))
/// ```
public struct Template: Sendable {
    /// The file the template came from, as given; diagnostics start with it.
    public let path: String
    /// Where the template's first character sits in its file.
    public let start: SourceLocation
    let nodes: [TemplateNode]
    let source: String

    /// The deepest nesting of sections, inverted sections, parents and blocks a template may
    /// have (256, as for data). Real templates nest a handful of levels.
    public static let maxNesting = 256

    /// Compiles `source`, whose first character is at `start` in its file (a front matter
    /// value such as `date: "{{date(x)}}"` starts mid-line). Throws every syntax error found.
    public init(_ source: String, start: SourceLocation) throws(DiagnosticError) {
        var scanner = TemplateScanner(source: source, start: start)
        var tokens = scanner.scan()
        StandaloneLines.apply(to: &tokens)
        var builder = TemplateTreeBuilder()
        let nodes = builder.build(tokens)
        self.path = start.path
        self.start = start
        self.source = source
        self.nodes = nodes
        // A tag whose name is broken is parsed at its opening and again at its closing.
        var seen: Set<Diagnostic> = []
        let problems = (scanner.diagnostics + builder.diagnostics).filter { seen.insert($0).inserted }
        if !problems.isEmpty {
            throw DiagnosticError(problems.map(withSourceLine).sorted(by: Template.diagnosticOrder))
        }
    }

    /// Compiles `source` whose first line is line `startLine` of the file at `path` (1 when
    /// the template is the whole file; the line after the closing `---` after front matter).
    public init(_ source: String, path: String, startLine: Int = 1) throws(DiagnosticError) {
        try self.init(source, start: SourceLocation(path: path, line: startLine, column: 1))
    }

    /// Adds the offending source line, so a terminal can show it with a caret. Only for
    /// templates that start at a line start: otherwise the caret column would not match.
    func withSourceLine(_ diagnostic: Diagnostic) -> Diagnostic {
        guard diagnostic.sourceLine == nil, start.column == 1, let location = diagnostic.location,
            location.path == path, location.line >= start.line
        else { return diagnostic }
        var copy = diagnostic
        copy.sourceLine = SourceLines(source).line(location.line - start.line + 1)
        return copy
    }

    /// Diagnostics are shown in file order; the message breaks ties so the order never depends
    /// on the order of discovery.
    static func diagnosticOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        switch (a.location, b.location) {
        case let (left?, right?) where left != right: return left < right
        case (nil, _?): return false
        case (_?, nil): return true
        default: return a.message < b.message
        }
    }
}
