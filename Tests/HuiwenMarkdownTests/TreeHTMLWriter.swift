import HuiwenMarkdown

/// Writes HTML from the body tree exactly as cmark-gfm 0.29.0.gfm.6's HTML writer writes it
/// from the C tree (raw HTML allowed, no source positions): if the tree lost anything the HTML
/// shows, the two differ. Test-only; it follows html.c, table.c and tasklist.c.
struct TreeHTMLWriter {
    private var output: [UInt8] = []
    private let labels: [Int: String]
    private let referenceCounts: [Int: Int]
    /// Footnotes entered and back-linked so far (the C writer's `footnote_ix` and
    /// `written_footnote_ix`).
    private var footnotesEntered = 0
    private var footnotesLinked = 0

    static func html(of blocks: [MarkdownBlock]) -> String {
        var writer = TreeHTMLWriter(blocks: blocks)
        writer.write(blocks, inTightItem: false, footnote: nil)
        if writer.footnotesEntered > 0 { writer.put("</ol>\n</section>\n") }
        return String(decoding: writer.output, as: UTF8.self)
    }

    private init(blocks: [MarkdownBlock]) {
        var labels: [Int: String] = [:]
        var counts: [Int: Int] = [:]
        for block in blocks {
            if case .footnoteDefinition(let note) = block { labels[note.number] = note.label }
        }
        Self.forEachInline(in: blocks) { inline in
            if case .footnoteReference(let number, _) = inline { counts[number, default: 0] += 1 }
        }
        self.labels = labels
        referenceCounts = counts
    }

    // MARK: Blocks

    private mutating func write(_ blocks: [MarkdownBlock], inTightItem: Bool, footnote: MarkdownFootnote?) {
        for (index, block) in blocks.enumerated() {
            let closesFootnote = footnote != nil && index == blocks.count - 1
            write(block, inTightItem: inTightItem, closingFootnote: closesFootnote ? footnote : nil)
        }
    }

    private mutating func write(_ block: MarkdownBlock, inTightItem: Bool, closingFootnote: MarkdownFootnote?) {
        switch block {
        case .heading(let heading):
            cr()
            put("<h\(heading.level)>")
            if let number = heading.number { putEscaped(number) }
            write(heading.content)
            put("</h\(heading.level)>\n")
        case .paragraph(let inlines):
            if inTightItem {
                write(inlines)
                return
            }
            cr()
            put("<p>")
            write(inlines)
            if let note = closingFootnote {
                put(" ")
                putBackLinks(note)
            }
            put("</p>\n")
        case .blockQuote(let blocks):
            cr()
            put("<blockquote>\n")
            write(blocks, inTightItem: false, footnote: nil)
            cr()
            put("</blockquote>\n")
        case .list(let list):
            write(list)
        case .table(let table):
            write(table)
        case .codeBlock(let info, let literal):
            cr()
            let language = info.utf8.prefix { !Self.isSpace($0) }
            if language.isEmpty {
                put("<pre><code>")
            } else {
                put("<pre><code class=\"language-")
                putEscaped(String(decoding: language, as: UTF8.self))
                put("\">")
            }
            putEscaped(literal)
            put("</code></pre>\n")
        case .thematicBreak:
            cr()
            put("<hr />\n")
        case .footnoteDefinition(let note):
            if footnotesEntered == 0 { put("<section class=\"footnotes\" data-footnotes>\n<ol>\n") }
            footnotesEntered += 1
            put("<li id=\"fn-")
            putHref(note.label)
            put("\">\n")
            write(note.blocks, inTightItem: false, footnote: note)
            if putBackLinks(note) { put("\n") }
            put("</li>\n")
        case .html(let html):
            cr()
            put(html)
            cr()
        case .chart(let chart):
            cr()
            put((try? ChartSVG.figure(for: chart)) ?? "")
            cr()
        }
    }

    private mutating func write(_ list: MarkdownList) {
        cr()
        switch (list.kind, list.start) {
        case (.bullet, _): put("<ul>\n")
        case (.ordered, 1): put("<ol>\n")
        case (.ordered, let start): put("<ol start=\"\(start)\">\n")
        }
        for item in list.items {
            cr()
            put("<li>")
            switch item.checkbox {
            case .checked?: put("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> ")
            case .unchecked?: put("<input type=\"checkbox\" disabled=\"\" /> ")
            case nil: break
            }
            write(item.blocks, inTightItem: list.isTight, footnote: nil)
            put("</li>\n")
        }
        put(list.kind == .bullet ? "</ul>\n" : "</ol>\n")
    }

    private mutating func write(_ table: MarkdownTable) {
        cr()
        put("<table>")
        cr()
        put("<thead>")
        cr()
        write(row: table.header, tag: "th", alignments: table.alignments)
        cr()
        put("</thead>")
        for (index, row) in table.rows.enumerated() {
            cr()
            if index == 0 {
                put("<tbody>")
                cr()
            }
            write(row: row, tag: "td", alignments: table.alignments)
        }
        if !table.rows.isEmpty {
            cr()
            put("</tbody>")
            cr()
        }
        cr()
        put("</table>")
        cr()
    }

    private mutating func write(row: MarkdownTable.Row, tag: String, alignments: [MarkdownTable.Alignment]) {
        put("<tr>")
        for (column, cell) in row.enumerated() {
            cr()
            put("<\(tag)")
            switch column < alignments.count ? alignments[column] : .none {
            case .left: put(" align=\"left\"")
            case .center: put(" align=\"center\"")
            case .right: put(" align=\"right\"")
            case .none: break
            }
            put(">")
            write(cell)
            put("</\(tag)>")
        }
        cr()
        put("</tr>")
    }

    /// html.c's `S_put_footnote_backref`: once per note, after its last paragraph or its
    /// blocks.
    @discardableResult
    private mutating func putBackLinks(_ note: MarkdownFootnote) -> Bool {
        guard footnotesLinked < footnotesEntered else { return false }
        footnotesLinked = footnotesEntered
        put("<a href=\"#fnref-")
        putHref(note.label)
        put("\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">↩</a>")
        let count = referenceCounts[note.number] ?? 0
        if count > 1 {
            for occurrence in 2...count {
                put(" <a href=\"#fnref-")
                putHref(note.label)
                put("-\(occurrence)\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">↩<sup class=\"footnote-ref\">\(occurrence)</sup></a>")
            }
        }
        return true
    }

    // MARK: Inlines

    private mutating func write(_ inlines: [MarkdownInline]) {
        for inline in inlines { write(inline) }
    }

    private mutating func write(_ inline: MarkdownInline) {
        switch inline {
        case .text(let text): putEscaped(text)
        case .emphasis(let children): wrap("em", children)
        case .strong(let children): wrap("strong", children)
        case .strikethrough(let children): wrap("del", children)
        case .code(let code):
            put("<code>")
            putEscaped(code)
            put("</code>")
        case .link(let destination, let title, let children):
            put("<a href=\"")
            putHref(destination)
            if !title.isEmpty {
                put("\" title=\"")
                putEscaped(title)
            }
            put("\">")
            write(children)
            put("</a>")
        case .image(let source, let title, let alt):
            put("<img src=\"")
            putHref(source)
            put("\" alt=\"")
            writePlain(alt)
            if !title.isEmpty {
                put("\" title=\"")
                putEscaped(title)
            }
            put("\" />")
        case .footnoteReference(let number, let occurrence):
            let label = labels[number] ?? ""
            put("<sup class=\"footnote-ref\"><a href=\"#fn-")
            putHref(label)
            put("\" id=\"fnref-")
            putHref(label)
            if occurrence > 1 { put("-\(occurrence)") }
            put("\" data-footnote-ref>\(number)</a></sup>")
        case .softBreak: put("\n")
        case .lineBreak: put("<br />\n")
        case .html(let html): put(html)
        }
    }

    private mutating func wrap(_ tag: String, _ children: [MarkdownInline]) {
        put("<\(tag)>")
        write(children)
        put("</\(tag)>")
    }

    /// An image description: html.c's "plain" mode writes only text, code and breaks.
    private mutating func writePlain(_ inlines: [MarkdownInline]) {
        for inline in inlines {
            switch inline {
            case .text(let text), .code(let text), .html(let text): putEscaped(text)
            case .softBreak, .lineBreak: put(" ")
            case .emphasis(let children), .strong(let children), .strikethrough(let children),
                 .link(_, _, let children), .image(_, _, let children):
                writePlain(children)
            case .footnoteReference: break
            }
        }
    }

    private static func forEachInline(in blocks: [MarkdownBlock], _ body: (MarkdownInline) -> Void) {
        func visit(_ inlines: [MarkdownInline]) {
            for inline in inlines {
                body(inline)
                switch inline {
                case .emphasis(let children), .strong(let children), .strikethrough(let children),
                     .link(_, _, let children), .image(_, _, let children):
                    visit(children)
                default: break
                }
            }
        }
        for block in blocks {
            switch block {
            case .heading(let heading): visit(heading.content)
            case .paragraph(let inlines): visit(inlines)
            case .blockQuote(let children): forEachInline(in: children, body)
            case .list(let list): for item in list.items { forEachInline(in: item.blocks, body) }
            case .table(let table): for cell in table.header + table.rows.flatMap({ $0 }) { visit(cell) }
            case .footnoteDefinition(let note): forEachInline(in: note.blocks, body)
            case .codeBlock, .thematicBreak, .html, .chart: break
            }
        }
    }

    // MARK: Output

    private mutating func put(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    /// html.c's `cmark_html_render_cr`: a line break unless at the start or after one.
    private mutating func cr() {
        if let last = output.last, last != UInt8(ascii: "\n") { output.append(UInt8(ascii: "\n")) }
    }

    /// houdini's HTML escaping as cmark uses it: `&`, `<`, `>` and `"`.
    private mutating func putEscaped(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): put("&amp;")
            case UInt8(ascii: "<"): put("&lt;")
            case UInt8(ascii: ">"): put("&gt;")
            case UInt8(ascii: "\""): put("&quot;")
            default: output.append(byte)
            }
        }
    }

    /// houdini's `escape_href`: safe URL bytes as they are, `&` and `'` as entities, the rest
    /// percent-encoded.
    private mutating func putHref(_ url: String) {
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in url.utf8 {
            if Self.isSafeInHref(byte) {
                output.append(byte)
            } else if byte == UInt8(ascii: "&") {
                put("&amp;")
            } else if byte == UInt8(ascii: "'") {
                put("&#x27;")
            } else {
                output += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
    }

    private static func isSafeInHref(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "-_.+!*(),%#@?=;:/$~".utf8.contains(byte)
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
