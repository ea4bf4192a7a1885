/// The layouts that ship inside the binary: `notice`, `outline` and `plain`.
///
/// Each is a Mustache HTML template (HTML escaping: `{{x}}` escaped, `{{{x}}}` raw). A project
/// overrides one with `templates/layouts/NAME.html`; the build does that lookup.
///
/// ## The context a layout renders against (the contract with `HTMLPageWriter`)
///
/// - `page`: the document model's elements, every value an already merged string. Absent
///   (or empty) fields are left out of `page`: each optional element sits in a section over
///   its own field, so an absent field leaves no element and no label behind. A project's own
///   layout may also read `page.layout` (its name) and `page.extra` (the front matter's
///   `extra:` map).
///   - `title` 标题 (notice, outline; `h1` of plain). Also the HTML `<title>`.
///   - `issuer` 发文机关标志, red, centred; the whole 版头 (with the red line) only when given.
///   - `docNumber` 发文字号, e.g. `湘安委办〔2026〕1号`.
///   - `copyNumber` 份号, `secrecy` 密级和保密期限 (e.g. `机密★1年`), `urgency` 紧急程度
///     (`特急`, `加急`): top left, one per line.
///   - `recipients` 主送机关, ending with `：`.
///   - `signature` 署名 (发文机关署名), `date` 成文日期 already formatted (`2026年1月10日`).
///     In `outline`, `date` is the date of the speech, shown as `（2026年1月8日）`.
///   - `note` 附注, without parentheses: the layout writes `（…）`.
///   - `cc` 抄送机关, e.g. `省委办公厅，省政协办公厅。`: the layout writes `抄送：`.
///   - `printedBy` 印发机关, `printedDate` 印发日期 (`2026年1月10日`: the layout adds `印发`).
///     The 版记 appears when any of `cc`, `printedBy`, `printedDate` is given.
///   - `speaker` (outline): who speaks, e.g. `省安委会主任  ×××`.
///   - `subtitle` (outline): an optional 楷体 line under the title.
///   - `salutation` (outline): an optional flush-left line before the body, e.g. `同志们：`.
/// - `body`: the HTML fragment of the document's Markdown, inserted raw (`{{{body}}}`).
/// - `attachments` (notice): a list; each item has `number` (1, 2, …), `title` (plain text) and
///   `body` (HTML, raw). Every item must carry `body`, even empty: Mustache would otherwise
///   find the document's own `body` further up the context.
/// - `hasAttachments`: true when `attachments` is not empty (the 附件说明 block).
/// - `hasManyAttachments`: true when there are two or more (numbers in 附件说明 and labels;
///   one attachment gives `附件：×××` and the label `附件`).
/// - `generator`: e.g. `huiwen`, written into `<meta name="generator">` when given.
///
/// Only `body` is required; every other key may be absent.
public enum BuiltinLayouts {
    /// GB/T 9704-2012 official document: 版头, 主体, 附件 pages, 版记, page numbers.
    public static let notice: String = NoticeLayout.template

    /// Speech outline: title, speaker and date line, body; page and grid of the notice.
    public static let outline: String = OutlineLayout.template

    /// A clean reading page; the title as `h1` when given.
    public static let plain: String = PlainLayout.template

    /// The index page of a build (`output/index.html`); see ``IndexLayout``.
    public static let index: String = IndexLayout.template

    /// The names of the built-in page layouts (`index` is the build's own page, not one a
    /// document can name).
    public static let names: [String] = ["notice", "outline", "plain"]

    /// The Mustache source of the built-in layout `name`, or `nil` when there is none.
    ///
    ///     BuiltinLayouts.source(named: "notice")  // the notice template
    public static func source(named name: String) -> String? {
        switch name {
        case "notice": notice
        case "outline": outline
        case "plain": plain
        case "index": index
        default: nil
        }
    }
}
