import HuiwenText

/// The 版记 at the foot of the last page, as measured (gbt9704-docx.md, "版记"): two
/// page-anchored frames, one paragraph each (one frame holding two bordered paragraphs lost its
/// borders in LibreOffice), whose paragraph borders are the rules — 0.35 mm above the 抄送,
/// 0.25 mm between it and the 印发 line, 0.35 mm under it with its lower edge on 262 mm.
extension WordDocumentXML {
    /// The first rule's top (241 mm), the middle rule's lower edge (251.7 mm), in twips from
    /// the top of the page.
    private static let firstRuleTop = 13665
    private static let middleRule = 14267
    /// 4号: 280 tw a character.
    private static let character = 280
    /// An exact line: LibreOffice puts the baseline at 80 % of it, which leaves a 14 pt line
    /// about midway between the rules of a one-line frame.
    private static let line = 500

    mutating func writeImprint() {
        let imprint = document.imprint
        let cc = nonEmpty(imprint.cc)
        let printedBy = nonEmpty(imprint.printedBy)
        let printedDate = nonEmpty(imprint.printedDate)
        let hasPrintedLine = printedBy != nil || printedDate != nil
        guard cc != nil || hasPrintedLine else { return }
        if lastBodyHasFootnotes {
            // Word sets footnotes at the page's foot, where the 版记's frames go: the 版记 takes
            // a page of its own rather than print over them.
            writer.paragraph(Self.spacer(pageBreakBefore: true), runs: "")
        }
        let thick = ParagraphProperties.Border(size: 8, space: 0)
        let thin = ParagraphProperties.Border(size: 6, space: 0)

        if let cc {
            let text = "抄送：" + cc
            let height = (Self.middleRule - Self.firstRuleTop) + (Self.lines(of: text) - 1) * Self.line
            let bottom = hasPrintedLine ? Self.middleRule : WordPage.blockBottom
            var properties = Self.frame(top: bottom - height, height: height)
            properties.topBorder = thick
            properties.bottomBorder = hasPrintedLine ? thin : thick
            // 1 字 in on both sides; wrapped lines align after 抄送： (the page's `text-indent: -3em`).
            properties.indentation = .init(left: 4 * Self.character, right: Self.character, hanging: 3 * Self.character)
            writer.paragraph(.imprint, text: text, properties: properties)
        }
        if cc != nil, hasPrintedLine {
            // LibreOffice 7.4 makes no frame of a framed paragraph directly followed by another
            // with different frame properties (the 抄送 came out inline, without its rules): a
            // paragraph 1 pt high goes between them.
            writer.paragraph(Self.spacer(pageBreakBefore: false), runs: "")
        }
        if hasPrintedLine {
            var properties = Self.frame(top: Self.middleRule, height: WordPage.blockBottom - Self.middleRule)
            if cc == nil { properties.topBorder = thick }
            properties.bottomBorder = thick
            // 印发机关 1 字 from the left, the date 1 字 from the right (a right tab: tab stops
            // count from the frame's left edge).
            properties.indentation = .init(left: Self.character, right: Self.character, firstLine: 0)
            properties.tabs = [.init(alignment: "right", position: WordPage.blockWidth - Self.character)]
            let date = printedDate.map { "\t\($0)印发" } ?? ""
            writer.paragraph(.imprint, text: (printedBy ?? "") + date, properties: properties)
        }
    }

    /// Whether the body printed just before the 版记 (the last attachment's, else the main
    /// body) has footnotes.
    private var lastBodyHasFootnotes: Bool {
        let body = document.attachments.last?.body ?? document.body
        return body.rendered.blocks.contains { if case .footnoteDefinition = $0 { true } else { false } }
    }

    /// An empty paragraph 1 pt high.
    private static func spacer(pageBreakBefore: Bool) -> ParagraphProperties {
        ParagraphProperties(style: WordStyle.imprint.id, pageBreakBefore: pageBreakBefore, snapToGrid: false, exactLine: 20)
    }

    /// A paragraph in a frame across the 版心 at `top`, `height` high, its one line filling it.
    private static func frame(top: Int, height: Int) -> ParagraphProperties {
        ParagraphProperties(
            frame: .init(x: WordPage.leftMargin, y: top, width: WordPage.blockWidth, height: height), exactLine: line)
    }

    /// How many lines the 抄送 takes at 14 pt: 1 字 in on both sides, wrapped lines after the
    /// colon.
    static func lines(of text: String) -> Int {
        let halves = TextWidth.halves(text)
        let first = (WordPage.blockWidth - 2 * character) * 2 / character
        let next = (WordPage.blockWidth - 5 * character) * 2 / character
        guard halves > first else { return 1 }
        return 1 + (halves - first + next - 1) / next
    }
}
