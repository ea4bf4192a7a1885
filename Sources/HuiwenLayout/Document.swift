import HuiwenData
import HuiwenMarkdown
import HuiwenText

/// The document model: one value that describes a whole document, built once by the Layout
/// stage from the merged front matter and the rendered bodies. Every writer renders it — the
/// HTML page (`HTMLPageWriter`), the merged Markdown (`MarkdownSourceWriter`), and any later
/// format — without parsing another writer's output.
///
/// Element names follow GB/T 9704-2012: 版头 (`masthead`), 主体 (`title` … `note`,
/// `attachments`), 版记 (`imprint`); a speech outline has a `byline` instead.
public struct Document: Sendable, Hashable {
    /// What kind of document a layout makes: it decides which elements a writer shows.
    public enum Kind: String, Sendable, Hashable {
        /// 通知: a GB/T 9704 official document with 版头, 主体 and 版记.
        case notice
        /// 讲话提纲: title, byline and body, on the notice's page and grid.
        case outline
        /// 文稿: a clean reading page.
        case plain
        /// A project's own layout under a new name: the HTML page is its business.
        case custom

        /// The kind of a layout by its name (`notice`, `outline`, `plain`, or another name).
        public init(layout name: String) {
            self = Kind(rawValue: name).flatMap { $0 == .custom ? nil : $0 } ?? .custom
        }

        /// The Chinese name of the kind, for the index: 通知, 讲话提纲, 文稿.
        public var chineseName: String? {
            switch self {
            case .notice: "通知"
            case .outline: "讲话提纲"
            case .plain: "文稿"
            case .custom: nil
            }
        }

        /// How headings are numbered when the front matter does not say.
        public var defaultNumbering: HeadingNumbering {
            self == .plain ? .none : .gongwen
        }
    }

    /// 版头: the marks at the top left, the red 发文机关标志 and the 发文字号.
    public struct Masthead: Sendable, Hashable {
        /// 份号.
        public var copyNumber: String?
        /// 密级和保密期限.
        public var secrecy: String?
        /// 紧急程度.
        public var urgency: String?
        /// 发文机关标志; with it, the red separator line.
        public var issuer: String?
        /// 发文字号.
        public var docNumber: String?

        public init(copyNumber: String? = nil, secrecy: String? = nil, urgency: String? = nil, issuer: String? = nil, docNumber: String? = nil) {
            self.copyNumber = copyNumber
            self.secrecy = secrecy
            self.urgency = urgency
            self.issuer = issuer
            self.docNumber = docNumber
        }
    }

    /// 署名, 成文日期 and 附注, after the body and the 附件说明.
    public struct Closing: Sendable, Hashable {
        /// 发文机关署名.
        public var signature: String?
        /// 成文日期, already formatted (`2026年1月10日`).
        public var date: String?
        /// 附注, without its parentheses.
        public var note: String?

        public init(signature: String? = nil, date: String? = nil, note: String? = nil) {
            self.signature = signature
            self.date = date
            self.note = note
        }
    }

    /// 版记: 抄送, 印发机关 and 印发日期, at the foot of the last page.
    public struct Imprint: Sendable, Hashable {
        /// 抄送机关.
        public var cc: String?
        /// 印发机关.
        public var printedBy: String?
        /// 印发日期.
        public var printedDate: String?

        public init(cc: String? = nil, printedBy: String? = nil, printedDate: String? = nil) {
            self.cc = cc
            self.printedBy = printedBy
            self.printedDate = printedDate
        }

        /// Whether the 版记 appears at all.
        public var isEmpty: Bool { cc == nil && printedBy == nil && printedDate == nil }
    }

    /// A speech outline's head: a subtitle, the speaker and date line, the salutation.
    public struct Byline: Sendable, Hashable {
        /// A line under the title.
        public var subtitle: String?
        /// Who speaks.
        public var speaker: String?
        /// The date of the speech, already formatted.
        public var date: String?
        /// 称谓 before the body (`同志们：`).
        public var salutation: String?

        public init(subtitle: String? = nil, speaker: String? = nil, date: String? = nil, salutation: String? = nil) {
            self.subtitle = subtitle
            self.speaker = speaker
            self.date = date
            self.salutation = salutation
        }
    }

    /// A body of Markdown as every writer needs it: the merged source and its rendering
    /// (cmark-gfm's HTML, the headings, the tree).
    public struct Body: Sendable, Hashable {
        /// The merged Markdown.
        public var markdown: String
        /// The rendered body.
        public var rendered: RenderedDocument

        public init(markdown: String, rendered: RenderedDocument) {
            self.markdown = markdown
            self.rendered = rendered
        }
    }

    /// 附件: its number (1, 2, …), title and body; each starts a page.
    public struct Attachment: Sendable, Hashable {
        public var number: Int
        public var title: String
        public var body: Body

        public init(number: Int, title: String, body: Body) {
            self.number = number
            self.title = title
            self.body = body
        }
    }

    /// The layout's name (`notice`, or a project's own).
    public var layout: String
    public var kind: Kind
    /// How the bodies' headings were numbered.
    public var numbering: HeadingNumbering
    public var masthead: Masthead
    /// 标题, on one line of text (the lines it was written over joined).
    public var title: String?
    /// The title's lines as written over several lines in front matter (`title: |`), when it was.
    public var titleLines: [String]?
    /// 主送机关.
    public var recipients: String?
    /// 正文.
    public var body: Body
    /// 附件, in order; 附件说明 lists them.
    public var attachments: [Attachment]
    public var closing: Closing
    public var imprint: Imprint
    public var byline: Byline
    /// A project's own fields (`extra:` in front matter), for its own layouts.
    public var extra: Value?

    /// The title's lines in a block `capacity` halves of a character wide (a 2号 title in the
    /// 156 mm block: 40): as written, else broken by `TitleLines`.
    public func titleLines(capacity: Int) -> [String] {
        guard let title else { return [] }
        return titleLines ?? TitleLines.lines(of: title, capacity: capacity)
    }

    /// Who issues the document, for a file's metadata (a `.docx`'s creator, a PDF's author): the
    /// 发文机关标志, else the 署名, else an outline's speaker; nil when it names none.
    public var author: String? {
        [masthead.issuer, closing.signature, byline.speaker].lazy.compactMap { $0 }.first { !$0.isEmpty }
    }

    /// A 2号 title's capacity in the 156 mm block, in halves of a character.
    public static let titleCapacity = 40

    public init(
        layout: String, kind: Kind, numbering: HeadingNumbering, masthead: Masthead = Masthead(), title: String? = nil,
        recipients: String? = nil, body: Body, attachments: [Attachment] = [], closing: Closing = Closing(),
        imprint: Imprint = Imprint(), byline: Byline = Byline(), extra: Value? = nil
    ) {
        self.layout = layout
        self.kind = kind
        self.numbering = numbering
        self.masthead = masthead
        let written = title?.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) ?? []
        self.title = title.map { _ in written.joined() }
        self.titleLines = written.count > 1 ? written : nil
        self.recipients = recipients
        self.body = body
        self.attachments = attachments
        self.closing = closing
        self.imprint = imprint
        self.byline = byline
        self.extra = extra
    }
}
