// Chart blocks: a fenced code block whose info string is `chart` becomes a custom block holding
// the chart's figure. cmark-gfm writes a custom block's text as it is, in safe mode too and
// past tagfilter (which would spoil an SVG's <title>), and the rest of the HTML is untouched.
import CCmarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HuiwenDiagnostics

extension CmarkDocument {
    /// What the chart blocks of a document became.
    struct ChartOutcome {
        /// The custom block of each chart drawn, for the body tree.
        var charts: [OpaquePointer: Chart] = [:]
        var problems: [MarkdownProblem] = []
        var dataNames: Set<String> = []
    }

    /// Replaces each chart block whose spec resolves in `context` by its figure; a block with a
    /// problem stays a code block, and its problems are returned at their bytes of `markdown`.
    static func drawCharts(
        in root: OpaquePointer, markdown: String, escapedRanges: [Range<Int>], context: ChartContext
    ) -> ChartOutcome {
        // Most documents have no chart: a scan of the bytes spares them a walk of the tree.
        guard mentionsChart(markdown) else { return ChartOutcome() }
        var blocks: [OpaquePointer] = []
        do {
            guard let iterator = cmark_iter_new(root) else { return ChartOutcome() }
            defer { cmark_iter_free(iterator) }
            while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                    cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK, isFenced(node),
                    let info = cmark_node_get_fence_info(node),
                    ChartContext.isChartInfo(String(cString: info))
                else { continue }
                blocks.append(node)
            }
        }
        guard !blocks.isEmpty else { return ChartOutcome() }

        var outcome = ChartOutcome()
        let lines = SourceLines(markdown, breaks: .commonMark)
        for node in blocks {
            let line = Int(cmark_node_get_start_line(node))
            let fence = lines.offset(line: line, byteColumn: Int(cmark_node_get_start_column(node))) ?? 0
            let block = ChartBlock(
                lines: lines, fenceLine: line, fenceOffset: min(fence, lines.bytes.count),
                literal: literal(of: node) ?? "", escaped: escapedRanges)
            let drawn = context.draw(block)
            outcome.dataNames.formUnion(drawn.dataNames)
            outcome.problems += drawn.problems
            if let chart = drawn.chart {
                let figure = drawn.figure
                guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
                var adopted = false
                defer { if !adopted { cmark_node_free(custom) } }
                guard cmark_node_set_on_enter(custom, figure) == 1, cmark_node_set_on_exit(custom, "") == 1,
                    cmark_node_insert_before(node, custom) == 1
                else { continue }
                adopted = true
                cmark_node_unlink(node)
                cmark_node_free(node)
                outcome.charts[custom] = chart
            }
        }
        return outcome
    }

    /// Whether a code block is fenced (cmark writes the fence's length, offset and character
    /// through its pointers, which must not be null).
    private static func isFenced(_ node: OpaquePointer) -> Bool {
        var length: Int32 = 0
        var offset: Int32 = 0
        var character: CChar = 0
        return cmark_node_get_fenced(node, &length, &offset, &character) != 0
    }

    /// Whether `markdown` holds the word `chart` anywhere (a chart block's info string does):
    /// `memchr` finds each `c`, rare in Chinese text, rather than a loop over every byte.
    private static func mentionsChart(_ markdown: String) -> Bool {
        var markdown = markdown
        return markdown.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            let rest = Array("hart".utf8)
            var from = 0
            while from + 5 <= bytes.count, let found = memchr(base + from, Int32(UInt8(ascii: "c")), bytes.count - 4 - from) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if (0..<4).allSatisfy({ bytes[index + 1 + $0] == rest[$0] }) { return true }
                from = index + 1
            }
            return false
        }
    }
}
