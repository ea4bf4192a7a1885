/// `word/document.xml`: every element of the document model in the order the HTML page shows
/// it, each in its named style, then the section's page setup.
///
/// notice: 份号, 密级, 紧急程度, 发文机关标志, 发文字号 and the red rule, 标题, 主送机关, 正文,
/// 附件说明, 署名, 成文日期, 附注, each 附件 on a new page, the 版记 at the foot of the last page.
/// outline: 标题, 副标题, the speaker's line, 称谓, 正文. plain and a project's own layouts:
/// the title and the body. An absent element leaves nothing.
struct WordDocumentXML {
    var writer: WordBodyWriter
    let document: Document

    /// Lays out `document`; `writer` then holds the body and what the other parts need.
    init(_ document: Document) {
        self.document = document
        // Word numbers footnotes through the document; the tree numbers them per body.
        let bodiesWithNotes = ([document.body] + document.attachments.map(\.body)).filter { body in
            body.rendered.blocks.contains { if case .footnoteDefinition = $0 { true } else { false } }
        }
        writer = WordBodyWriter(footnotes: WordFootnotes(usesCustomMarks: bodiesWithNotes.count > 1))
        switch document.kind {
        case .notice:
            writeNotice()
        case .outline:
            writeOutline()
        case .plain, .custom:
            if let title = nonEmpty(document.title) {
                let lines = titleLines
                writer.paragraph(.title, text: lines, properties: ParagraphProperties(spacingAfter: Self.onGrid(lines, after: WordPage.linePitch)))
            }
            writer.write(document.body.rendered.blocks, body: 0)
        }
    }

    /// Whether the pages carry "— N —" numbers: the GB/T 9704 kinds, as on the page.
    var hasPageNumbers: Bool { document.kind == .notice || document.kind == .outline }

    /// The part's XML.
    var xml: String {
        var xml = WordPackage.xmlDeclaration
        xml += #"<w:document xmlns:w="\#(WordPackage.wordNamespace)" xmlns:r="\#(WordPackage.relationshipsNamespace)"><w:body>"#
        xml += writer.xml
        xml += WordPage.sectionProperties(footers: hasPageNumbers)
        xml += "</w:body></w:document>"
        return xml
    }

    // MARK: Notice

    private mutating func writeNotice() {
        let masthead = document.masthead
        let marks = [(WordStyle.copyNumber, masthead.copyNumber), (.secrecy, masthead.secrecy), (.urgency, masthead.urgency)]
            .compactMap { style, text in nonEmpty(text).map { (style, $0) } }
        for (style, text) in marks {
            writer.paragraph(style, text: text)
        }
        let issuer = nonEmpty(masthead.issuer)
        let docNumber = nonEmpty(masthead.docNumber)
        if let issuer {
            // The marks stand in the 标志's space above it: its ink top stays at 72 mm.
            var properties = ParagraphProperties()
            if !marks.isEmpty { properties.spacingBefore = max(0, WordPage.issuerSpace - marks.count * WordPage.linePitch) }
            writer.paragraph(.issuer, text: issuer, properties: properties, run: Self.issuerRun(issuer))
            // The red rule is the 发文字号 paragraph's border: an empty one without a number.
            writer.paragraph(.docNumber, text: docNumber ?? "")
        } else if let docNumber {
            writer.paragraph(.docNumber, text: docNumber, properties: ParagraphProperties(removesBottomBorder: true))
        }
        if let title = nonEmpty(document.title) {
            // Two lines below the red rule; one line below the marks alone.
            // Under the red rule the 文号's border takes room off the grid: the title gives it back.
            let before = issuer != nil ? 2 * WordPage.linePitch + WordPage.redRuleOffset : docNumber == nil && !marks.isEmpty ? WordPage.linePitch : nil
            // The padding that ends the title's block on a grid line goes before it: LibreOffice
            // takes the larger of a paragraph's space after and the next one's space before (the
            // 主送机关 has a line before it), Word adds them.
            let lines = titleLines
            let padding = Self.onGrid(lines, after: 0)
            writer.paragraph(.title, text: lines, properties: ParagraphProperties(spacingBefore: (before ?? 0) + padding))
        }
        if let recipients = nonEmpty(document.recipients) {
            writer.paragraph(.recipients, text: recipients)
        }
        writer.write(document.body.rendered.blocks, body: 0)
        // The body's last paragraph and the 附件说明 stay on the page of the 署名 (no page of
        // a 署名 alone: GB/T 9704 7.3.5).
        let signs = nonEmpty(document.closing.signature) != nil || nonEmpty(document.closing.date) != nil
        if signs || !document.attachments.isEmpty { writer.keepLastParagraphWithNext() }
        writeAnnexNote(keptWithSignature: signs)
        writeSignature()
        if let note = nonEmpty(document.closing.note) {
            writer.paragraph(.note, text: "（\(note)）")
        }
        for attachment in document.attachments {
            let many = document.attachments.count > 1
            writer.paragraph(.attachmentLabel, text: many ? "附件\(attachment.number)" : "附件")
            writer.paragraph(.attachmentTitle, text: Self.lines(attachment.title))
            writer.write(attachment.body.rendered.blocks, body: attachment.number)
        }
        writeImprint()
    }

    /// A 标志 wider than the 版心 is narrowed onto one line, as the page's script does.
    private static func issuerRun(_ issuer: String) -> RunProperties {
        // 36 pt: 720 tw a character.
        let width = TextWidth.halves(issuer) * 360
        guard width > WordPage.blockWidth else { return RunProperties() }
        return RunProperties(scale: max(50, WordPage.blockWidth * 100 / width))
    }

    /// 附件说明, one line below the body, 2 字 in: `附件：` then the titles, wrapped lines
    /// aligned with the first character of a title; `1.` numbers when there are several.
    private mutating func writeAnnexNote(keptWithSignature: Bool) {
        let attachments = document.attachments
        guard !attachments.isEmpty else { return }
        let label = "附件："
        let labelEnd = WordPage.indent + 3 * WordPage.character
        guard attachments.count > 1 else {
            let indentation = ParagraphProperties.Indentation(left: labelEnd, hanging: labelEnd - WordPage.indent)
            writer.paragraph(.annexNote, text: label + attachments[0].title, properties: ParagraphProperties(
                keepNext: keptWithSignature, spacingBefore: WordPage.linePitch, indentation: indentation))
            return
        }
        // A tab after the number, to a stop where every title starts ("10." is wider than "1.").
        let numberWidth = (TextWidth.halves("\(attachments.count).") + 1) / 2 * WordPage.character
        let titleStart = labelEnd + numberWidth
        for (index, attachment) in attachments.enumerated() {
            var properties = ParagraphProperties(keepNext: keptWithSignature || index < attachments.count - 1, tabs: [.init(alignment: "left", position: titleStart)])
            if index == 0 {
                properties.spacingBefore = WordPage.linePitch
                properties.indentation = .init(left: titleStart, hanging: titleStart - WordPage.indent)
            } else {
                properties.indentation = .init(left: titleStart, hanging: numberWidth)
            }
            writer.paragraph(.annexNote, text: (index == 0 ? label : "") + "\(attachment.number).\t" + attachment.title, properties: properties)
        }
    }

    /// 署名 and 成文日期 without a seal (GB/T 9704 7.3.5.2): one blank line, the 署名 2 字 from
    /// the right, the date on the next line starting 2 字 further right; when the date is the
    /// longer, it sits 2 字 from the right and the 署名 starts 2 字 left of it.
    ///
    /// Both lines are placed by their left edges: the 署名 is Chinese, so its width is known;
    /// the date's Arabic digits are as wide as the font makes them (half a 字 in 仿宋_GB2312,
    /// wider in a stand-in), and aligning it on the left keeps the 2 字 between the two starts.
    private mutating func writeSignature() {
        let signature = nonEmpty(document.closing.signature)
        let date = nonEmpty(document.closing.date)
        guard signature != nil || date != nil else { return }
        let spacing = ParagraphProperties(spacingBefore: WordPage.linePitch)
        guard let signature else {
            writer.paragraph(.date, text: date ?? "", properties: ParagraphProperties(
                spacingBefore: WordPage.linePitch, indentation: .init(right: WordPage.indent, firstLine: 0)))
            return
        }
        // In halves of a 字: the block is as wide as the longer of the two lines, the date
        // counted from 2 字 in.
        let block = max(TextWidth.halves(signature), date.map { TextWidth.halves($0) + 4 } ?? 0)
        let start = max(0, WordPage.textWidth - WordPage.indent - block * WordPage.character / 2)
        var properties = spacing
        properties.indentation = .init(left: start, firstLine: 0)
        properties.justification = "left"
        writer.paragraph(.signature, text: signature, properties: properties)
        if let date {
            let indentation = ParagraphProperties.Indentation(left: start + WordPage.indent, firstLine: 0)
            writer.paragraph(.date, text: date, properties: ParagraphProperties(indentation: indentation, justification: "left"))
        }
    }

    // MARK: Outline

    /// 标题, 副标题 and the speaker's line (`speaker　（date）`) as the page's head (only with a
    /// title, as on the page), one line before the 称谓 or the body.
    private mutating func writeOutline() {
        let byline = document.byline
        if let title = nonEmpty(document.title) {
            let speaker = nonEmpty(byline.speaker)
            let date = nonEmpty(byline.date).map { "（\($0)）" }
            let speakerLine = [speaker, date].compactMap { $0 }.joined(separator: "　")
            var head: [(WordStyle, String)] = [(.title, titleLines)]
            if let subtitle = nonEmpty(byline.subtitle) { head.append((.subtitle, subtitle)) }
            if !speakerLine.isEmpty { head.append((.speaker, speakerLine)) }
            for (index, (style, text)) in head.enumerated() {
                var properties = ParagraphProperties()
                let after = index == head.count - 1 ? WordPage.linePitch : 0
                if index == 0 {
                    // About half a line between the title and what follows it, the title block
                    // ending on a grid line.
                    var padding = Self.onGrid(text, after: after)
                    if head.count > 1, padding - after < WordPage.linePitch / 3 { padding += WordPage.linePitch }
                    properties.spacingAfter = padding
                } else if after > 0 {
                    properties.spacingAfter = after
                }
                writer.paragraph(style, text: text, properties: properties)
            }
        }
        if let salutation = nonEmpty(byline.salutation) {
            writer.paragraph(.salutation, text: salutation)
        }
        writer.write(document.body.rendered.blocks, body: 0)
    }

    /// The space after a title of `lines` (exact lines, off the grid) followed by `after`, so
    /// that the block ends on a grid line.
    static func onGrid(_ lines: String, after: Int) -> Int {
        let count = lines.split(separator: "\n", omittingEmptySubsequences: false).count
        return after + WordPage.gridPadding(after: count * WordPage.titleLine + after)
    }

    /// A 2号 title in lines (line breaks between them): 440 tw a character, 40 halves in the block.
    static func lines(_ title: String) -> String {
        TitleLines.lines(of: title, capacity: Document.titleCapacity).joined(separator: "\n")
    }

    /// The document's title in its lines: as written in front matter, else broken by `TitleLines`.
    var titleLines: String {
        document.titleLines(capacity: Document.titleCapacity).joined(separator: "\n")
    }

    func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
