import HuiwenData
import HuiwenDiagnostics

/// What a document's chart blocks read: the data their `data:` paths name (the project's data,
/// with a batch item's keys on top). `MarkdownRenderer.document(from:…, charts:)` draws chart
/// blocks only when it is given one; without, a chart block is a code block like any other.
///
/// ```swift
/// let rendered = MarkdownRenderer().document(from: markdown, transforms: transforms, charts: ChartContext(data: data.root))
/// rendered.blocks     // […, .chart(Chart(kind: .grouped, …)), …]
/// rendered.problems   // an unknown type, a missing path: each at its byte of `markdown`
/// ```
public struct ChartContext: Sendable {
    public var data: Value

    public init(data: Value) {
        self.data = data
    }

    /// A fenced block is a chart when the first word of its info string is `chart`.
    static func isChartInfo(_ info: String) -> Bool {
        info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first == "chart"
    }

    /// What drawing one block gave: the chart and its figure's HTML, or its problems at
    /// their Markdown bytes; and the first keys of the data paths it read (for incremental
    /// rebuilds).
    struct Drawn {
        var chart: Chart?
        var figure = ""
        var problems: [MarkdownProblem] = []
        var dataNames: Set<String> = []
    }

    func draw(_ block: ChartBlock) -> Drawn {
        var drawn = Drawn()
        func fail(_ problems: [ChartProblem]) -> Drawn {
            drawn.problems = problems.map { MarkdownProblem(offset: block.offset(of: $0.location), message: $0.message) }
            return drawn
        }
        let parsed = ChartSpecCache.reading(of: block.spec)
        guard let spec = parsed.spec else { return fail(parsed.problems.all) }
        let dataLocation: SourceLocation
        switch spec.data {
        case .path(let path, let location):
            dataLocation = location
            if let first = path.split(separator: ".").first { drawn.dataNames.insert(String(first)) }
        case .rows(_, let location):
            dataLocation = location
        }
        switch spec.chart(in: data) {
        case .failure(let problems):
            return fail(parsed.problems.all + problems.all)
        case .success(let chart):
            guard parsed.problems.isEmpty else { return fail(parsed.problems.all) }
            do throws(ChartDoesNotFit) {
                drawn.figure = try ChartSVG.figure(for: chart)
                drawn.chart = chart
                return drawn
            } catch {
                return fail([ChartProblem(at: dataLocation, error.message)])
            }
        }
    }
}

/// A problem with a document's Markdown that the render found (a chart block it could not
/// draw), at its UTF-8 byte in the Markdown: the caller knows where that text came from.
public struct MarkdownProblem: Sendable, Hashable {
    /// The byte of the Markdown the problem is at.
    public var offset: Int
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// The problem at its line and column of `markdown`, as a diagnostic of the file at `path`
    /// (for Markdown that is a file of its own; merged template text maps back through the
    /// template's source map instead).
    public func diagnostic(in markdown: String, path: String) -> Diagnostic {
        let lines = SourceLines(markdown)
        let location = lines.location(ofByte: offset, path: path)
        return Diagnostic(at: location, message, sourceLine: lines.line(location.line))
    }
}
