// Footnotes as cmark-gfm 0.29.0.gfm.6 leaves them after `cmark_parser_finish`: every
// definition that is referenced sits at the end of the document (moved out of quotes, lists
// and other definitions), in the order of first reference; unreferenced ones are gone; each
// reference's literal is its note's number ("1", "2", …); a reference without a definition is
// text `[^label]`. Each reference also has an index among the references to its note, counted
// in source order *before* the definitions moved, which the HTML uses in anchors
// (`fnref-label-2`) and back-links; the C API does not expose it, so it is recounted here.
import CCmarkGFM

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CmarkDocument {
    /// For each footnote reference under `root`, which reference to its note it is (1, 2, …)
    /// in source order; empty when the document has no footnotes.
    ///
    /// Source order is recovered from the start of the block holding each reference (a
    /// paragraph, heading or table row: blocks keep their source positions when moved), then
    /// tree order within that block.
    static func footnoteOccurrences(in root: OpaquePointer) -> [OpaquePointer: Int] {
        // Referenced definitions end the document; none there means no reference either.
        guard let last = cmark_node_last_child(root), cmark_node_get_type(last) == CMARK_NODE_FOOTNOTE_DEFINITION,
              let iterator = cmark_iter_new(root)
        else { return [:] }
        defer { cmark_iter_free(iterator) }

        struct Reference {
            let node: OpaquePointer
            let number: Int
            let blockStart: (line: Int32, column: Int32)
            let order: Int
        }
        var references: [Reference] = []
        var blockStart: (line: Int32, column: Int32) = (0, 0)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_FOOTNOTE_REFERENCE {
                let number = cmark_node_get_literal(node).flatMap { Int(String(cString: $0)) } ?? 0
                references.append(Reference(node: node, number: number, blockStart: blockStart, order: references.count))
            } else if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || isTableRow(node) {
                blockStart = (cmark_node_get_start_line(node), cmark_node_get_start_column(node))
            }
        }
        references.sort { ($0.blockStart.line, $0.blockStart.column, $0.order) < ($1.blockStart.line, $1.blockStart.column, $1.order) }
        var counts: [Int: Int] = [:]
        var occurrences: [OpaquePointer: Int] = [:]
        for reference in references {
            counts[reference.number, default: 0] += 1
            occurrences[reference.node] = counts[reference.number]
        }
        return occurrences
    }

    /// A footnote definition's label as written. The C API has no getter for it
    /// (`cmark_node_get_literal` gives NULL for a definition in 0.29.0.gfm.6), but the
    /// CommonMark writer opens a definition with `[^label]:`; a label holds no `]`.
    static func footnoteLabel(of definition: OpaquePointer) -> String {
        guard let rendered = cmark_render_commonmark(definition, CMARK_OPT_DEFAULT, 0) else { return "" }
        defer { free(rendered) }
        let text = String(cString: rendered).utf8
        guard text.starts(with: "[^".utf8), let end = text.firstIndex(of: UInt8(ascii: "]")) else { return "" }
        return String(text[text.index(text.startIndex, offsetBy: 2)..<end]) ?? ""
    }

    private static func isTableRow(_ node: OpaquePointer) -> Bool {
        guard cmark_node_get_syntax_extension(node) != nil, let name = cmark_node_get_type_string(node) else { return false }
        return strcmp(name, "table_row") == 0 || strcmp(name, "table_header") == 0
    }
}
