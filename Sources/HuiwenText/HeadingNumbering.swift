/// How a document's headings are numbered; the raw value is the front matter's `numbering:`.
///
/// `.gongwen` numbers top-level `##` 一、 `###` （一） `####` 1. `#####` （1） as GB/T 9704
/// prescribes (see docs/markdown.md for resets and hand-numbered headings).
public enum HeadingNumbering: String, Sendable, Hashable, CaseIterable {
    /// Headings render as written.
    case none
    /// 公文 numbering: `##` 一、 `###` （一） `####` 1. `#####` （1）; `#` and `######` unnumbered.
    case gongwen
}
