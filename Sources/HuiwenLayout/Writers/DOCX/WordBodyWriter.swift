import HuiwenMarkdown

/// Writes WordprocessingML paragraphs and tables: the layout's elements (through
/// `paragraph(_:runs:)`) and the bodies' trees (`write(_:body:)`), gathering on the way what
/// other parts need: list instances, footnotes and hyperlink relationships.
///
/// One writer serves a whole document, so numbering instances, footnote ids and relationship
/// ids run through the main body and every attachment.
struct WordBodyWriter {
    /// The paragraphs and tables written so far (`document.xml`'s body, or a footnote's while
    /// one is written).
    private(set) var xml = ""
    var numbering = WordNumbering()
    var footnotes: WordFootnotes
    /// Hyperlinks of `document.xml`; those in footnotes belong to `footnotes.xml`'s own
    /// relationships.
    var documentLinks = WordRelationships(first: WordPackage.firstHyperlinkNumber)
    var footnoteLinks = WordRelationships(first: 1)
    /// The charts of the document, in order.
    var charts = WordCharts()

    /// Which body is being written (0 the main body, N attachment N): footnote numbers are per body.
    private(set) var currentBody = 0
    /// Inside a footnote: references become superscript numbers, links go to `footnoteLinks`.
    private(set) var inFootnote = false
    private var listDepth = 0
    private var quoteDepth = 0
    /// Runs that open the next paragraph: a footnote's mark, a task item's box.
    private var pendingRuns = ""
    /// The list numbering of the next paragraph: the first paragraph of a list item.
    private var pendingNumbering: (id: Int, level: Int)?
    /// Two tables in a row would merge into one in Word: a paragraph goes between.
    private var lastWasTable = false
    /// The last paragraph written (where it starts in `xml`, and what it was made of), so that
    /// it can still be kept with the next one.
    private var lastParagraph: (start: Int, properties: ParagraphProperties, runs: String)?

    init(footnotes: WordFootnotes) {
        self.footnotes = footnotes
    }

    // MARK: Paragraphs

    /// Appends one paragraph. A pending list number or pending runs go into it.
    mutating func paragraph(_ properties: ParagraphProperties, runs: String) {
        var properties = properties
        if let numbering = pendingNumbering {
            properties.numbering = numbering
            pendingNumbering = nil
        }
        lastParagraph = (xml.utf8.count, properties, pendingRuns + runs)
        xml += "<w:p>"
        xml += properties.element
        xml += pendingRuns
        xml += runs
        xml += "</w:p>"
        pendingRuns = ""
        lastWasTable = false
    }

    /// Keeps the last paragraph on the page of the next one (a body's last paragraph with
    /// the 署名: GB/T 9704 wants the 署名 and 成文日期 on a page with 正文, never alone).
    mutating func keepLastParagraphWithNext() {
        guard var last = lastParagraph, !last.properties.keepNext else { return }
        last.properties.keepNext = true
        xml = String(decoding: xml.utf8.prefix(last.start), as: UTF8.self) + "<w:p>" + last.properties.element + last.runs + "</w:p>"
        lastParagraph = last
    }

    /// Appends a paragraph of `style` holding `text` as one run.
    mutating func paragraph(_ style: WordStyle, text: String, properties: ParagraphProperties = ParagraphProperties(), run: RunProperties = RunProperties()) {
        var properties = properties
        properties.style = style == .body ? nil : style.id
        paragraph(properties, runs: Self.textRun(text, run))
    }

    /// Appends XML written elsewhere (a table).
    mutating func append(table: String) {
        if lastWasTable { paragraph(ParagraphProperties(), runs: "") }
        lastParagraph = nil
        xml += table
        lastWasTable = true
    }

    /// Ends the body: Word wants a paragraph after a final table.
    mutating func finish() {
        flushPending()
        if lastWasTable { paragraph(ParagraphProperties(), runs: "") }
    }

    /// Writes what is pending as a paragraph of its own (before a table, or at an item's end).
    private mutating func flushPending() {
        if pendingNumbering != nil || !pendingRuns.isEmpty {
            paragraph(textProperties(), runs: "")
        }
    }

    // MARK: Blocks

    /// Writes the blocks of body number `body` (0 the main body, N attachment N).
    mutating func write(_ blocks: [MarkdownBlock], body: Int) {
        currentBody = body
        write(blocks)
        finish()
    }

    private mutating func write(_ blocks: [MarkdownBlock]) {
        for block in blocks {
            write(block)
        }
    }

    private mutating func write(_ block: MarkdownBlock) {
        switch block {
        case .paragraph(let inlines):
            paragraph(textProperties(), runs: runs(inlines))
        case .heading(let heading):
            var properties = ParagraphProperties(style: WordStyle.heading(level: heading.level).id)
            properties.indentation = nestedIndentation(firstLine: nil)
            // The 公文 number (一、（一）1.（1）) is text, as the page and a copy show it.
            let number = heading.number.map { runs([.text($0)]) } ?? ""
            paragraph(properties, runs: number + runs(heading.content))
        case .blockQuote(let blocks):
            quoteDepth += 1
            write(blocks)
            flushPending()
            quoteDepth -= 1
        case .list(let list):
            write(list)
        case .table(let table):
            flushPending()
            append(table: tableXML(table))
        case .codeBlock(_, let literal):
            writeCode(literal)
        case .thematicBreak:
            var properties = ParagraphProperties(bottomBorder: .init(size: 6, space: 1))
            properties.indentation = nestedIndentation(firstLine: 0) ?? .init(firstLine: 0)
            paragraph(properties, runs: "")
        case .footnoteDefinition(let note):
            writeFootnote(note)
        case .html:
            // Raw HTML has no meaning in Word; the page's own HTML writer is where it goes.
            break
        case .chart(let chart):
            writeChart(chart)
        }
    }

    /// The properties of a text paragraph where the walk is: 正文, a quote's 引文 or a
    /// footnote's text, indented by the quotes and lists around it.
    private func textProperties() -> ParagraphProperties {
        var properties = ParagraphProperties()
        if inFootnote {
            properties.style = WordStyle.footnoteText.id
        } else if quoteDepth > 0 {
            properties.style = WordStyle.blockQuote.id
        }
        properties.indentation = nestedIndentation(firstLine: WordPage.indent)
        return properties
    }

    /// Indentation for content inside lists or more than one quote (one quote is the 引文
    /// style's own): 2 字 per level, as the page's `blockquote` margin and list items.
    private func nestedIndentation(firstLine: Int?) -> ParagraphProperties.Indentation? {
        guard listDepth > 0 || quoteDepth > 1 || (quoteDepth == 1 && firstLine != WordPage.indent) else { return nil }
        let levels = quoteDepth + max(0, listDepth - 1)
        return .init(left: levels * WordPage.indent, firstLine: firstLine)
    }

    private mutating func write(_ list: MarkdownList) {
        // Word has nine list levels; deeper lists number on the ninth (and indent further).
        let level = min(listDepth, 8)
        let id = numbering.add(list.kind, start: list.start, level: level)
        listDepth += 1
        for item in list.items {
            flushPending()
            pendingNumbering = (id, level)
            switch item.checkbox {
            case .checked?: pendingRuns += Self.textRun("☑ ", RunProperties())
            case .unchecked?: pendingRuns += Self.textRun("☐ ", RunProperties())
            case nil: break
            }
            write(item.blocks)
            flushPending()
        }
        listDepth -= 1
    }

    /// One 代码 paragraph per line, spaces kept.
    private mutating func writeCode(_ literal: String) {
        var lines = literal.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        for line in lines {
            var properties = ParagraphProperties(style: WordStyle.code.id)
            properties.indentation = nestedIndentation(firstLine: 0)
            paragraph(properties, runs: Self.textRun(String(line), RunProperties()))
        }
    }

    /// A chart: a 图表 paragraph holding the native chart, as many grid lines tall as the page's
    /// drawing without its note, then the note in 图表注 paragraphs (Word's charts have no place
    /// for a source line). In a footnote, which has no place for a chart part, its figures in
    /// words. A chart that would not fit never reaches here: the Markdown stage refused it.
    private mutating func writeChart(_ chart: Chart) {
        flushPending()
        var drawing = chart
        drawing.note = ""
        guard !inFootnote, let lines = try? ChartSVG.lineCount(for: drawing) else {
            paragraph(textProperties(), runs: Self.textRun(chart.title + "：" + chart.summary, RunProperties()))
            return
        }
        let number = charts.add(drawing)
        var properties = ParagraphProperties(style: WordStyle.chart.id)
        properties.indentation = nestedIndentation(firstLine: 0)
        paragraph(properties, runs: WordCharts.drawingRun(drawing, number: number, lines: lines))
        if !chart.note.isEmpty {
            var note = ParagraphProperties(style: WordStyle.chartNote.id)
            note.indentation = nestedIndentation(firstLine: 0)
            paragraph(note, runs: Self.textRun(chart.note, RunProperties()))
        }
    }

    /// A footnote's blocks go to `footnotes.xml`, under the id its first reference made; a
    /// note nothing references in the text is left out, as Word has no place for it.
    private mutating func writeFootnote(_ note: MarkdownFootnote) {
        guard !inFootnote, let id = footnotes.id(body: currentBody, number: note.number) else { return }
        flushPending()
        let saved = (xml, listDepth, quoteDepth, lastWasTable, lastParagraph)
        (xml, listDepth, quoteDepth, lastWasTable, lastParagraph) = ("", 0, 0, false, nil)
        inFootnote = true
        pendingRuns = footnotes.markRuns(number: note.number)
        write(note.blocks)
        finish()
        footnotes.define(id: id, paragraphs: xml)
        inFootnote = false
        (xml, listDepth, quoteDepth, lastWasTable, lastParagraph) = saved
    }
}
