// The document render path: parse as `renderHTML` does, transform the tree, render. Tree
// walking stays here (with the C); the rules themselves are plain Swift in Transforms/.
import CCmarkGFM
import HuiwenText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CmarkDocument {
    static func renderDocument(
        _ markdown: String, options: MarkdownOptions, transforms: DocumentTransforms, literalRanges: [Range<Int>] = [],
        includesBlocks: Bool = true, charts: ChartContext? = nil
    ) -> RenderedDocument {
        let literal = LiteralSource(markdown, ranges: literalRanges, options: options)
        return withParsedDocument(literal.text, options: options) { root, flags, extensions in
            // The tree is this call's own from here on: no lock needed to change it.
            keepLiteral(in: root, literal)
            let drawn = charts.map { drawCharts(in: root, markdown: markdown, escapedRanges: literalRanges, context: $0) }
            if transforms.joinsCJKLineBreaks { joinCJKLineBreaks(in: root) }
            let (headings, numbers) = numberTopLevelHeadings(in: root, numbering: transforms.numbering)
            let html = html(of: root, flags: flags, extensions: extensions)
            let blocks = includesBlocks ? bodyBlocks(of: root, options: options, headingNumbers: numbers, charts: drawn?.charts ?? [:]) : []
            return RenderedDocument(
                html: html, headings: headings, blocks: blocks, problems: drawn?.problems ?? [], dataNames: drawn?.dataNames ?? [])
        } ?? RenderedDocument(html: "", headings: [], blocks: [])
    }

    // MARK: Chinese line breaks

    /// Removes every soft break whose neighbours `CJKLineBreak.joins` (anywhere in the tree:
    /// paragraphs in lists, quotes and footnotes too).
    private static func joinCJKLineBreaks(in root: OpaquePointer) {
        var dropped: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        // Collect first, unlink after: the iterator must not see the tree change under it.
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_SOFTBREAK,
                  let previous = cmark_node_previous(node), let next = cmark_node_next(node),
                  let last = edgeScalar(of: previous, atEnd: true),
                  let first = edgeScalar(of: next, atEnd: false),
                  CJKLineBreak.joins(after: last, before: first)
            else { continue }
            dropped.append(node)
        }
        for node in dropped {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    /// The first or last character's base scalar of the text an inline shows next to a break,
    /// looking inside emphasis, strong, links and strikethrough: `**重点**⏎工作` joins too.
    private static func edgeScalar(of inline: OpaquePointer, atEnd: Bool) -> Unicode.Scalar? {
        var node = inline
        while true {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                guard let literal = cmark_node_get_literal(node) else { return nil }
                let text = String(cString: literal)
                return (atEnd ? text.last : text.first)?.unicodeScalars.first
            }
            guard isInlineContainer(node),
                  let child = atEnd ? cmark_node_last_child(node) : cmark_node_first_child(node)
            else { return nil }
            node = child
        }
    }

    private static func isInlineContainer(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        if type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG || type == CMARK_NODE_LINK { return true }
        guard let name = cmark_node_get_type_string(node) else { return false }
        return String(cString: name) == "strikethrough"
    }

    // MARK: Heading numbering

    /// Numbers the document's own headings (children of the root; headings in quotes, lists and
    /// footnotes are left alone) and returns them as the outline, with the text nodes written
    /// (each the first child of its heading) so the body tree can keep numbers apart.
    private static func numberTopLevelHeadings(
        in root: OpaquePointer, numbering: HeadingNumbering
    ) -> (outline: [RenderedDocument.Heading], numbers: Set<OpaquePointer>) {
        var numberer = HeadingNumberer()
        var headings: [RenderedDocument.Heading] = []
        var numbers: Set<OpaquePointer> = []
        var child = cmark_node_first_child(root)
        while let node = child {
            child = cmark_node_next(node)
            guard cmark_node_get_type(node) == CMARK_NODE_HEADING else { continue }
            let level = Int(cmark_node_get_heading_level(node))
            var text = plainText(of: node)
            if numbering == .gongwen, let number = numberer.number(level: level, text: text),
               let numberNode = prependText(number, to: node) {
                text = number + text
                numbers.insert(numberNode)
            }
            headings.append(RenderedDocument.Heading(level: level, text: text))
        }
        return (headings, numbers)
    }

    /// Writes `text` as a new first text node of `node`, so the number is part of the heading's
    /// text (it survives copy and paste). The new node, or nil if cmark refused.
    private static func prependText(_ text: String, to node: OpaquePointer) -> OpaquePointer? {
        guard let textNode = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        var adopted = false
        defer { if !adopted { cmark_node_free(textNode) } }
        guard cmark_node_set_literal(textNode, text) == 1 else { return nil }
        adopted = cmark_node_prepend_child(node, textNode) == 1
        return adopted ? textNode : nil
    }

    /// The text a reader sees in `node`: text, code and image descriptions; breaks as spaces.
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                  let current = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text
    }
}
