import FuzzSupport

/// The escaper's property: any text inserted with `{{x}}` renders, through cmark-gfm with
/// every extension, as exactly its visible text (`MarkdownEscaper.visibleText`, white space
/// collapsed), in a paragraph and in a table cell, and nothing in it becomes an element.
struct Placement: Sendable {
    var prefix: String
    var suffix: String
    var allowedTags: Set<String>
    /// The rendered text to compare: the first body cell, or the whole page.
    var isTableCell: Bool

    func text(_ html: String) -> Substring {
        isTableCell ? Self.firstCell(html) : html[...]
    }

    static let paragraphTags: Set<String> = ["<p>", "</p>"]
    static let tableTags: Set<String> = [
        "<table>", "</table>", "<thead>", "</thead>", "<tbody>", "</tbody>", "<tr>", "</tr>", "<th>", "</th>", "<td>", "</td>",
    ]

    static let all = [
        Placement(prefix: "前", suffix: "后\n", allowedTags: paragraphTags, isTableCell: false),
        Placement(prefix: "", suffix: "\n", allowedTags: paragraphTags, isTableCell: false),
        Placement(prefix: "| a | b |\n|---|---|\n| 前", suffix: "后 | x |\n", allowedTags: tableTags, isTableCell: true),
    ]

    /// Scalar by scalar: a combining mark after `<td>` would join its `>` as characters; and
    /// across line breaks, which `.` alone does not match: a value's U+2028 stays in the cell
    /// (the second finding).
    static func firstCell(_ html: String) -> Substring {
        html.firstMatch(of: #/<td>(.*?)<\/td>/#.matchingSemantics(.unicodeScalar).dotMatchesNewlines()).map { $0.output.1 } ?? ""
    }
}

func collapsed(_ text: some StringProtocol) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).joined(separator: " ")
}

/// Tags, matched scalar by scalar: by characters (the default), a combining mark after `>`
/// would join it and hide the tag's end (the first finding of this fuzzer was that).
let tag = #/<[^>]*>/#.matchingSemantics(.unicodeScalar)

/// The text, entities decoded byte by byte: by characters, a combining mark after `;` would
/// hide the entity (the fourth finding).
func decoded(_ html: Substring) -> String {
    var bytes = Array(String(html).replacing(tag, with: "").utf8)
    for (entity, text) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&amp;", "&")] {
        bytes = bytes.replacing(Array(entity.utf8), with: Array(text.utf8))
    }
    return String(decoding: bytes, as: UTF8.self)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdownEscaper(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let value = Fuzz.text(start, count)
    let escaped = MarkdownEscaper().escape(value)
    let visible = MarkdownEscaper.visibleText(of: value)
    for placement in Placement.all {
        let markdown = placement.prefix + escaped + placement.suffix
        let begin = placement.prefix.utf8.count
        let html = MarkdownRenderer().html(from: markdown, literalRanges: [begin..<(begin + escaped.utf8.count)])
        for tag in html.matches(of: tag) where !placement.allowedTags.contains(String(tag.output)) {
            fatalError("\(value.debugDescription) made the element \(tag.output): \(html.debugDescription)")
        }
        let prefixText = placement.prefix.split(separator: "|").last ?? ""
        let suffixText = placement.suffix.split(separator: "|").first ?? ""
        let expected = collapsed(prefixText + visible + suffixText)
        let shown = collapsed(decoded(placement.text(html)))
        if shown != expected {
            fatalError("\(value.debugDescription) shows \(shown.debugDescription), not \(expected.debugDescription)")
        }
    }
    return 0
}
