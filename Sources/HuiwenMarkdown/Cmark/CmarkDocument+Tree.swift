// The body tree: one walk over the transformed C tree turns every node into a Swift value
// (`MarkdownBlock`, `MarkdownInline`), so a writer never touches C. The walk is iterative
// (cmark's iterator and a stack of open containers): cmark nests block quotes and emphasis
// without limit, and recursion over a hostile document would exhaust a thread's stack.
import CCmarkGFM

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CmarkDocument {
    /// Containers nested deeper than this are not wrapped in the tree: their children go to
    /// the nearest wrapped ancestor. Swift compares, hashes and frees nested values
    /// recursively, so depth must stay bounded; real documents nest a handful of levels.
    static let maximumTreeDepth = 100

    /// The body of the parsed and transformed tree under `root`. `headingNumbers` are the text
    /// nodes heading numbering prepended (each its heading's first child).
    static func bodyBlocks(
        of root: OpaquePointer, options: MarkdownOptions, headingNumbers: Set<OpaquePointer>,
        charts: [OpaquePointer: Chart] = [:]
    ) -> [MarkdownBlock] {
        var builder = BodyTreeBuilder(
            root: root, options: options, headingNumbers: headingNumbers,
            footnoteOccurrences: footnoteOccurrences(in: root), charts: charts)
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER {
                builder.enter(node)
            } else if event == CMARK_EVENT_EXIT {
                builder.exit(node)
            }
        }
        return builder.blocks
    }
}

/// The stack of open containers while the C tree is walked: a node's value is made when the
/// walk leaves it, and appended to its container.
private struct BodyTreeBuilder {
    private enum Container {
        case document, blockQuote, footnote(label: String)
        case list(MarkdownList.Kind, start: Int, isTight: Bool), item(MarkdownListItem.Checkbox?)
        case heading(level: Int), paragraph
        case table([MarkdownTable.Alignment]), row(isHeader: Bool), cell
        case emphasis, strong, strikethrough
        case link(destination: String, title: String), image(source: String, title: String)
        /// Nested too deep, or a node type the tree does not know: children go to the nearest
        /// other container.
        case transparent
    }

    private struct Frame {
        let node: OpaquePointer
        let container: Container
        var blocks: [MarkdownBlock] = []
        var inlines: [MarkdownInline] = []
        var items: [MarkdownListItem] = []
        var header: MarkdownTable.Row = []
        var rows: [MarkdownTable.Row] = []
        var cells: [MarkdownTable.Cell] = []
        /// A heading's number, taken from the text node numbering prepended.
        var number: String?
    }

    private var stack: [Frame]
    private let allowsRawHTML: Bool
    private let filtersTags: Bool
    private let headingNumbers: Set<OpaquePointer>
    private let footnoteOccurrences: [OpaquePointer: Int]
    /// The custom blocks that stand for drawn charts.
    private let charts: [OpaquePointer: Chart]
    private var footnotes = 0
    /// Open images: inside one, raw HTML is text (HTML writes an image description as text).
    private var imageDepth = 0

    init(
        root: OpaquePointer, options: MarkdownOptions, headingNumbers: Set<OpaquePointer>,
        footnoteOccurrences: [OpaquePointer: Int], charts: [OpaquePointer: Chart]
    ) {
        stack = [Frame(node: root, container: .document)]
        allowsRawHTML = options.allowsRawHTML
        filtersTags = options.allowsRawHTML && options.extensions.contains(.tagfilter)
        self.headingNumbers = headingNumbers
        self.footnoteOccurrences = footnoteOccurrences
        self.charts = charts
    }

    /// The document's blocks, once the walk is done.
    var blocks: [MarkdownBlock] { stack[0].blocks }

    mutating func enter(_ node: OpaquePointer) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT:
            if isHeadingNumber(node) {
                stack[stack.count - 1].number = Self.literal(of: node)
            } else {
                appendText(Self.literal(of: node))
            }
        case CMARK_NODE_SOFTBREAK: appendInline(.softBreak)
        case CMARK_NODE_LINEBREAK: appendInline(.lineBreak)
        case CMARK_NODE_CODE: appendInline(.code(Self.literal(of: node)))
        case CMARK_NODE_HTML_INLINE:
            if imageDepth > 0 {
                appendText(Self.literal(of: node))
            } else if allowsRawHTML {
                appendInline(.html(rawHTML(node, isBlock: false)))
            }
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            let number = Int(Self.literal(of: node)) ?? 0
            appendInline(.footnoteReference(number: number, occurrence: footnoteOccurrences[node] ?? 1))
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            appendBlock(.codeBlock(info: info, literal: Self.literal(of: node)))
        case CMARK_NODE_HTML_BLOCK:
            if allowsRawHTML { appendBlock(.html(rawHTML(node, isBlock: true))) }
        case CMARK_NODE_THEMATIC_BREAK: appendBlock(.thematicBreak)
        case CMARK_NODE_CUSTOM_BLOCK:
            if let chart = charts[node] { appendBlock(.chart(chart)) }
        case CMARK_NODE_DOCUMENT: break
        case CMARK_NODE_PARAGRAPH: push(node, .paragraph)
        case CMARK_NODE_HEADING: push(node, .heading(level: Int(cmark_node_get_heading_level(node))))
        case CMARK_NODE_BLOCK_QUOTE: push(node, .blockQuote, nests: true)
        case CMARK_NODE_LIST: push(node, Self.list(node), nests: true)
        case CMARK_NODE_ITEM:
            // An item is unwrapped exactly when its list is.
            let listIsUnwrapped = if case .transparent = stack[stack.count - 1].container { true } else { false }
            push(node, listIsUnwrapped ? .transparent : .item(Self.checkbox(of: node)))
        case CMARK_NODE_FOOTNOTE_DEFINITION: push(node, .footnote(label: CmarkDocument.footnoteLabel(of: node)), nests: true)
        case CMARK_NODE_EMPH: push(node, .emphasis, nests: true)
        case CMARK_NODE_STRONG: push(node, .strong, nests: true)
        case CMARK_NODE_LINK:
            push(node, .link(destination: destination(of: node), title: Self.title(of: node)), nests: true)
        case CMARK_NODE_IMAGE:
            imageDepth += 1
            push(node, .image(source: destination(of: node), title: Self.title(of: node)), nests: true)
        default:
            enterExtensionNode(node)
        }
    }

    mutating func exit(_ node: OpaquePointer) {
        // Leaves handled on entry (footnote references get an exit event too) and the root
        // have no frame of their own.
        guard stack.count > 1, stack[stack.count - 1].node == node else { return }
        let frame = stack.removeLast()
        let top = stack.count - 1
        switch frame.container {
        case .document, .transparent:
            break
        case .blockQuote:
            appendBlock(.blockQuote(frame.blocks))
        case .footnote(let label):
            footnotes += 1
            appendBlock(.footnoteDefinition(MarkdownFootnote(number: footnotes, label: label, blocks: frame.blocks)))
        case .list(let kind, let start, let isTight):
            appendBlock(.list(MarkdownList(kind: kind, start: start, isTight: isTight, items: frame.items)))
        case .item(let checkbox):
            stack[top].items.append(MarkdownListItem(checkbox: checkbox, blocks: frame.blocks))
        case .heading(let level):
            appendBlock(.heading(MarkdownHeading(level: level, number: frame.number, content: frame.inlines)))
        case .paragraph:
            appendBlock(.paragraph(frame.inlines))
        case .table(let alignments):
            appendBlock(.table(MarkdownTable(alignments: alignments, header: frame.header, rows: frame.rows)))
        case .row(let isHeader):
            if isHeader { stack[top].header = frame.cells } else { stack[top].rows.append(frame.cells) }
        case .cell:
            stack[top].cells.append(frame.inlines)
        case .emphasis:
            appendInline(.emphasis(frame.inlines))
        case .strong:
            appendInline(.strong(frame.inlines))
        case .strikethrough:
            appendInline(.strikethrough(frame.inlines))
        case .link(let destination, let title):
            appendInline(.link(destination: destination, title: title, children: frame.inlines))
        case .image(let source, let title):
            appendInline(.image(source: source, title: title, alt: frame.inlines))
        }
        if cmark_node_get_type(node) == CMARK_NODE_IMAGE { imageDepth -= 1 }
    }

    // MARK: Containers

    private mutating func push(_ node: OpaquePointer, _ container: Container, nests: Bool = false) {
        let wrapped = !nests || stack.count <= CmarkDocument.maximumTreeDepth
        stack.append(Frame(node: node, container: wrapped ? container : .transparent))
    }

    /// Tables and strikethrough: extension node types have no constant in Swift (see
    /// DESIGN.md), so they are told apart by name.
    private mutating func enterExtensionNode(_ node: OpaquePointer) {
        guard let name = cmark_node_get_type_string(node) else { return }
        if strcmp(name, "table_cell") == 0 {
            push(node, .cell)
        } else if strcmp(name, "table_row") == 0 || strcmp(name, "table_header") == 0 {
            push(node, .row(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0))
        } else if strcmp(name, "table") == 0 {
            push(node, .table(Self.alignments(of: node)))
        } else if strcmp(name, "strikethrough") == 0 {
            push(node, .strikethrough, nests: true)
        } else if cmark_node_first_child(node) != nil {
            push(node, .transparent)
        }
    }

    private static func list(_ node: OpaquePointer) -> Container {
        let isOrdered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
        return .list(
            isOrdered ? .ordered : .bullet, start: isOrdered ? Int(cmark_node_get_list_start(node)) : 1,
            isTight: cmark_node_get_list_tight(node) != 0)
    }

    private static func checkbox(of item: OpaquePointer) -> MarkdownListItem.Checkbox? {
        guard cmark_node_get_syntax_extension(item) != nil, let name = cmark_node_get_type_string(item),
              strcmp(name, "tasklist") == 0
        else { return nil }
        return cmark_gfm_extensions_get_tasklist_item_checked(item) ? .checked : .unchecked
    }

    private static func alignments(of table: OpaquePointer) -> [MarkdownTable.Alignment] {
        let columns = Int(cmark_gfm_extensions_get_table_columns(table))
        guard let raw = cmark_gfm_extensions_get_table_alignments(table) else {
            return Array(repeating: .none, count: columns)
        }
        return (0..<columns).map { column in
            switch raw[column] {
            case UInt8(ascii: "l"): .left
            case UInt8(ascii: "c"): .center
            case UInt8(ascii: "r"): .right
            default: .none
            }
        }
    }

    // MARK: Leaves

    /// The node numbering prepended to the heading being built.
    private func isHeadingNumber(_ node: OpaquePointer) -> Bool {
        guard !headingNumbers.isEmpty, case .heading = stack[stack.count - 1].container,
              stack[stack.count - 1].inlines.isEmpty, stack[stack.count - 1].number == nil
        else { return false }
        return headingNumbers.contains(node)
    }

    private func rawHTML(_ node: OpaquePointer, isBlock: Bool) -> String {
        let html = Self.literal(of: node)
        return filtersTags ? HTMLSafety.tagFiltered(html, isBlock: isBlock) : html
    }

    /// A link's or image's URL as the HTML uses it: safe mode writes a dangerous one as "".
    private func destination(of node: OpaquePointer) -> String {
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        return !allowsRawHTML && HTMLSafety.isDangerous(url: url) ? "" : url
    }

    private static func title(of node: OpaquePointer) -> String {
        cmark_node_get_title(node).map { String(cString: $0) } ?? ""
    }

    private static func literal(of node: OpaquePointer) -> String {
        CmarkDocument.literal(of: node) ?? ""
    }

    // MARK: Appending to the nearest wrapped container

    private var target: Int {
        var index = stack.count - 1
        while index > 0, case .transparent = stack[index].container { index -= 1 }
        return index
    }

    private mutating func appendBlock(_ block: MarkdownBlock) {
        stack[target].blocks.append(block)
    }

    private mutating func appendInline(_ inline: MarkdownInline) {
        stack[target].inlines.append(inline)
    }

    /// Adjacent text is one value: cmark splits text at brackets and other delimiters, and the
    /// transforms remove nodes between texts.
    private mutating func appendText(_ text: String) {
        let index = target
        if case .text(let previous)? = stack[index].inlines.last {
            stack[index].inlines[stack[index].inlines.count - 1] = .text(previous + text)
        } else {
            stack[index].inlines.append(.text(text))
        }
    }
}
