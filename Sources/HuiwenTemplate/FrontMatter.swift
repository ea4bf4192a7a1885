import HuiwenData
import HuiwenDiagnostics
import HuiwenText

/// A document's front matter at its types: every field of the template language, parsed once
/// from the YAML block, with every problem reported at its position (an unknown key with a
/// "did you mean", a wrong type or value). Nothing downstream reads a string key.
///
/// Texts are as written in a compiled template (`docNumber: 湘安委办〔{{meeting.year}}〕1号`) and
/// merged in a `MergedDocument` (`湘安委办〔2026〕1号`). An empty text is an absent one.
///
/// ```yaml
/// layout: notice
/// title: 关于做好安全生产工作的通知
/// recipients: 各市州人民政府：
/// attachments:
///   - title: 重点任务分工表
///     partial: task-table
/// extra:
///   seal: 省安委办
/// ```
public struct FrontMatter: Sendable, Hashable {
    /// The fields a front matter may hold, named as they are written.
    public enum Field: String, CaseIterable, Sendable, Hashable {
        case layout, numbering, allowHTML, formats, each, output
        case title, copyNumber, secrecy, urgency, issuer, docNumber, recipients
        case attachments, signature, date, note, cc, printedBy, printedDate
        case speaker, subtitle, salutation
        case extra
    }

    /// One `attachments:` entry: 附件 title, and the partial that holds its body.
    public struct Attachment: Sendable, Hashable {
        /// 附件 title, shown in 附件说明 and at the head of its page.
        public var title: String
        /// The partial merged as the attachment's body (`task-table`); nil for a title only.
        public var partial: String?
        /// Where the entry was written.
        public var location: SourceLocation?

        public init(title: String, partial: String? = nil, location: SourceLocation? = nil) {
            self.title = title
            self.partial = partial
            self.location = location
        }
    }

    // Page and build settings.
    /// The page layout (`notice`, `outline`, `plain` or a project's own); nil for the default.
    public var layout: String?
    /// How headings are numbered; nil for the layout's default.
    public var numbering: HeadingNumbering?
    /// Whether raw HTML written in the template reaches the page (`allowHTML: true`).
    public var allowsHTML = false
    /// The formats the document is written in unless the command line says (`formats: [html, docx]`);
    /// nil for the default, HTML.
    public var formats: [OutputFormat]?
    /// `each: cities`: the data path of the list that makes one document per item.
    public var each: [String]?
    /// `output: notice-{{name}}`: the output file's base name.
    public var output: String?

    // 版头 and 主体 (GB/T 9704).
    /// 标题.
    public var title: String?
    /// 份号.
    public var copyNumber: String?
    /// 密级和保密期限 (`机密★1年`).
    public var secrecy: String?
    /// 紧急程度 (`特急`, `加急`).
    public var urgency: String?
    /// 发文机关标志 (red, in the 版头).
    public var issuer: String?
    /// 发文字号 (`湘安委办〔2026〕1号`).
    public var docNumber: String?
    /// 主送机关, ending with `：`.
    public var recipients: String?
    /// 附件, in order.
    public var attachments: [Attachment] = []
    /// 发文机关署名.
    public var signature: String?
    /// 成文日期 (notice) or the speech's date (outline), already formatted.
    public var date: String?
    /// 附注, without its parentheses.
    public var note: String?
    // 版记.
    /// 抄送机关.
    public var cc: String?
    /// 印发机关.
    public var printedBy: String?
    /// 印发日期.
    public var printedDate: String?
    // Speech outline.
    /// Who speaks (`省安委会主任  ×××`).
    public var speaker: String?
    /// A line under the title.
    public var subtitle: String?
    /// 称谓 before the body (`同志们：`).
    public var salutation: String?

    /// Fields of a project's own layouts (`extra: {seal: …}`), as written; strings are texts.
    public var extra: Value?

    /// Where each field's value was written, for messages of later stages.
    public var locations: [Field: SourceLocation] = [:]

    public init() {}

    /// Where a text field (one whose value is text and may hold tags) is stored; nil for the
    /// fields of other types.
    static func textField(_ field: Field) -> WritableKeyPath<FrontMatter, String?>? {
        switch field {
        case .output: \.output
        case .title: \.title
        case .copyNumber: \.copyNumber
        case .secrecy: \.secrecy
        case .urgency: \.urgency
        case .issuer: \.issuer
        case .docNumber: \.docNumber
        case .recipients: \.recipients
        case .signature: \.signature
        case .date: \.date
        case .note: \.note
        case .cc: \.cc
        case .printedBy: \.printedBy
        case .printedDate: \.printedDate
        case .speaker: \.speaker
        case .subtitle: \.subtitle
        case .salutation: \.salutation
        case .layout, .numbering, .allowHTML, .formats, .each, .attachments, .extra: nil
        }
    }
}
