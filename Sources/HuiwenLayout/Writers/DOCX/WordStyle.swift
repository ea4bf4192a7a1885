/// The named styles of the `.docx`, one per element of the page, so a colleague who edits the
/// file keeps the layout by picking a style. Ids are ASCII; names are Chinese, except where
/// Word has a built-in style for the role (Normal, Title, Subtitle, footnote text, footer, …):
/// those keep Word's English name, which Chinese Word and WPS show as 正文, 标题, 副标题,
/// 脚注文本, 页脚, 页码 — a style of our own named 正文 or 标题 would clash with them there.
enum WordStyle: CaseIterable {
    case body, title, subtitle, heading1, heading2, heading3, heading4
    case copyNumber, secrecy, urgency, issuer, docNumber, recipients, annexNote, signature, date, note
    case attachmentLabel, attachmentTitle, tableText, tableHeader, blockQuote, code, chart, chartNote
    case footnoteText, footnoteReference, imprint, footer, pageNumber, speaker, salutation

    /// The style's id, which paragraphs and runs name.
    var id: String {
        switch self {
        case .body: "Normal"
        case .title: "Title"
        case .subtitle: "Subtitle"
        case .heading1: "GongwenHeading1"
        case .heading2: "GongwenHeading2"
        case .heading3: "GongwenHeading3"
        case .heading4: "GongwenHeading4"
        case .copyNumber: "CopyNumber"
        case .secrecy: "Secrecy"
        case .urgency: "Urgency"
        case .issuer: "Issuer"
        case .docNumber: "DocNumber"
        case .recipients: "Recipients"
        case .annexNote: "AnnexNote"
        case .signature: "Signature"
        case .date: "SignatureDate"
        case .note: "Note"
        case .attachmentLabel: "AttachmentLabel"
        case .attachmentTitle: "AttachmentTitle"
        case .tableText: "TableText"
        case .tableHeader: "TableHeader"
        case .blockQuote: "BlockQuote"
        case .code: "CodeBlock"
        case .chart: "Chart"
        case .chartNote: "ChartNote"
        case .footnoteText: "FootnoteText"
        case .footnoteReference: "FootnoteReference"
        case .imprint: "Imprint"
        case .footer: "Footer"
        case .pageNumber: "PageNumber"
        case .speaker: "Speaker"
        case .salutation: "Salutation"
        }
    }

    /// The name Word shows (built-in roles: Word's own name, localised by Word).
    var name: String {
        switch self {
        case .body: "Normal"
        case .title: "Title"
        case .subtitle: "Subtitle"
        case .heading1: "一级标题"
        case .heading2: "二级标题"
        case .heading3: "三级标题"
        case .heading4: "四级标题"
        case .copyNumber: "份号"
        case .secrecy: "密级"
        case .urgency: "紧急程度"
        case .issuer: "发文机关标志"
        case .docNumber: "发文字号"
        case .recipients: "主送机关"
        case .annexNote: "附件说明"
        case .signature: "署名"
        case .date: "成文日期"
        case .note: "附注"
        case .attachmentLabel: "附件标签"
        case .attachmentTitle: "附件标题"
        case .tableText: "表格"
        case .tableHeader: "表头"
        case .blockQuote: "引文"
        case .code: "代码"
        case .chart: "图表"
        case .chartNote: "图表注"
        case .footnoteText: "footnote text"
        case .footnoteReference: "footnote reference"
        case .imprint: "版记"
        case .footer: "footer"
        case .pageNumber: "page number"
        case .speaker: "讲话人"
        case .salutation: "称谓"
        }
    }

    var isCharacterStyle: Bool { self == .footnoteReference || self == .pageNumber }

    /// The heading style of a Markdown heading level: `##` 一、 黑体, `###` （一） 楷体,
    /// `####` and deeper 仿宋; `#` is a title.
    static func heading(level: Int) -> WordStyle {
        switch level {
        case ...1: .title
        case 2: .heading1
        case 3: .heading2
        case 4: .heading3
        default: .heading4
        }
    }

    /// The document defaults and Normal, as measured (gbt9704-docx.md, "Paragraph and run
    /// properties that mattered"): Normal must carry `w:sz` (LibreOffice takes the grid's base
    /// size from it); −5 tw letter spacing makes 28 characters a line; widow control off keeps
    /// 22 lines a page.
    static let defaultRun = RunProperties(font: WordFont.fangSong, letterSpacing: -5, kernOff: true, size: 32, language: true)
    static let defaultParagraph = ParagraphProperties(
        widowControl: false, kinsoku: true, autoSpace: false, snapToGrid: true, spacingBefore: 0, spacingAfter: 0,
        autoLine: 240, justification: "both")

    /// What the style sets on top of Normal.
    var paragraph: ParagraphProperties {
        let flush = ParagraphProperties.Indentation(firstLine: 0)
        var properties = ParagraphProperties()
        switch self {
        case .body:
            properties = Self.defaultParagraph
            properties.indentation = .init(firstLine: WordPage.indent)
        case .title, .attachmentTitle:
            // An exact line of 700 tw (35 pt) off the grid, centred.
            properties = ParagraphProperties(keepNext: true, snapToGrid: false, exactLine: WordPage.titleLine, indentation: flush, justification: "center", outlineLevel: 0)
            if self == .attachmentTitle {
                // Line 3 of the attachment's page, one blank line before its body.
                properties.spacingBefore = WordPage.linePitch
                properties.spacingAfter = WordPage.linePitch
            }
        case .subtitle, .speaker:
            properties = ParagraphProperties(keepNext: true, indentation: flush, justification: "center")
        case .heading1, .heading2, .heading3, .heading4:
            // Outline levels 1–4 under the titles' 0, for Word's navigation pane.
            let level = [WordStyle.heading1, .heading2, .heading3, .heading4].firstIndex(of: self).map { $0 + 1 }
            properties = ParagraphProperties(keepNext: true, outlineLevel: level)
        case .copyNumber, .secrecy, .urgency, .salutation:
            properties = ParagraphProperties(indentation: flush, justification: "left")
        case .issuer:
            // Ink top at 72 mm (71.4 measured): 1995 tw before, an exact 900 tw line (LibreOffice
            // puts the baseline at 80 % of it). Together five grid lines, so that the lines below
            // stay on the grid (LibreOffice counts grid lines from where the flow stands).
            properties = ParagraphProperties(
                snapToGrid: false, spacingBefore: WordPage.issuerSpace, exactLine: WordPage.issuerLine,
                indentation: .init(right: -16, firstLine: 0), justification: "center")
        case .docNumber:
            // Two blank lines below the 标志 (下空二行); the red rule 4 mm under it, as a bottom
            // border that spans 156 mm with the −16 right indent.
            properties = ParagraphProperties(
                bottomBorder: .init(size: 8, space: 6, color: "E60000"), spacingBefore: 2 * WordPage.linePitch,
                indentation: .init(right: -16, firstLine: 0), justification: "center")
        case .recipients:
            properties = ParagraphProperties(spacingBefore: WordPage.linePitch, indentation: flush)
        case .annexNote, .note:
            break
        case .signature, .date:
            properties = ParagraphProperties(keepNext: self == .signature, indentation: flush, justification: "right")
        case .attachmentLabel:
            properties = ParagraphProperties(keepNext: true, pageBreakBefore: true, indentation: flush, justification: "left")
        case .tableText, .tableHeader:
            // Off the grid: a row is one grid line high however the text sits in it.
            properties = ParagraphProperties(
                keepNext: self == .tableHeader, snapToGrid: false, autoLine: 240, indentation: flush,
                justification: self == .tableHeader ? "center" : "left")
        case .blockQuote:
            properties = ParagraphProperties(indentation: .init(left: WordPage.indent, firstLine: WordPage.indent))
        case .code, .chartNote:
            properties = ParagraphProperties(indentation: flush, justification: "left")
        case .chart:
            // A line as tall as its chart: the drawing is a whole number of grid lines.
            properties = ParagraphProperties(indentation: flush, justification: "center")
        case .footnoteText:
            properties = ParagraphProperties(snapToGrid: false, autoLine: 240, indentation: .init(firstLine: 0))
        case .imprint:
            properties = ParagraphProperties(snapToGrid: false, indentation: flush, justification: "left")
        case .footer:
            properties = ParagraphProperties(snapToGrid: false, indentation: flush)
        case .footnoteReference, .pageNumber:
            break
        }
        return properties
    }

    var run: RunProperties {
        switch self {
        case .body: Self.defaultRun
        case .title, .attachmentTitle: RunProperties(font: WordFont.xiaoBiaoSong, letterSpacing: 0, size: 44)
        case .subtitle, .speaker: RunProperties(font: WordFont.kaiTi, letterSpacing: 0)
        case .heading1: RunProperties(font: WordFont.heiTi)
        case .heading2: RunProperties(font: WordFont.kaiTi)
        case .secrecy, .urgency, .attachmentLabel: RunProperties(font: WordFont.heiTi, letterSpacing: 0)
        case .copyNumber, .docNumber: RunProperties(letterSpacing: 0)
        case .issuer: RunProperties(font: WordFont.xiaoBiaoSong, color: "E60000", letterSpacing: 0, size: 72)
        case .tableText, .chartNote: RunProperties(letterSpacing: 0, size: 24)
        case .tableHeader: RunProperties(font: WordFont.heiTi, letterSpacing: 0, size: 24)
        case .code: RunProperties(font: WordFont.fangSong, latinFont: WordFont.monospace, letterSpacing: 0, size: 24)
        case .footnoteText, .imprint: RunProperties(letterSpacing: 0, size: 28)
        case .footnoteReference: RunProperties(superscript: true)
        case .footer, .pageNumber: RunProperties(font: WordFont.songTi, letterSpacing: 0, size: 28)
        case .heading3, .heading4, .recipients, .annexNote, .signature, .date, .note, .blockQuote, .salutation, .chart:
            RunProperties()
        }
    }
}
