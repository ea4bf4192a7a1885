import HuiwenData
import HuiwenMarkdown
import HuiwenTemplate
import HuiwenTestSupport
import PropertyBased
import Testing

/// A value inserted with `{{v}}` must render, through the real cmark-gfm renderer with every
/// extension on, as exactly its visible text, with no element or attribute coming from it.
@Suite struct MarkdownEscapingTests {
    /// One way a template can hold `{{v}}`; the merged Markdown comes from the real engine, with
    /// the escaped bytes it records as the literal range.
    struct Placement: Sendable, CustomStringConvertible {
        var name: String
        var prefix: String
        var suffix: String
        var isTableCell: Bool

        var description: String { name }

        static let all = [
            Placement(name: "inline", prefix: "前", suffix: "后", isTableCell: false),
            Placement(name: "whole paragraph", prefix: "", suffix: "\n", isTableCell: false),
            Placement(name: "own line in a paragraph", prefix: "前\n", suffix: "\n后\n", isTableCell: false),
            Placement(name: "table cell", prefix: "| a | b |\n|---|---|\n| 前", suffix: "后 | x |\n", isTableCell: true),
            Placement(name: "whole table cell", prefix: "| a | b |\n|---|---|\n| ", suffix: " | x |\n", isTableCell: true),
        ]

        func merge(_ value: String) -> (markdown: String, range: Range<Int>) {
            let start = prefix.utf8.count
            do {
                let template = try Template(prefix + "{{v}}" + suffix, path: "placement.md")
                let merged = try template.render(.map(["v": .string(value)]), escaper: MarkdownEscaper())
                return (merged.text, merged.escapedRanges.first ?? start..<start)
            } catch {
                Issue.record("the engine failed on \(value.debugDescription): \(error)")
                return ("", start..<start)
            }
        }

        /// The text the rendered value must show, after the escaper's documented normalisation.
        func expectedText(_ value: String) -> String {
            let visible = MarkdownEscaper.visibleText(of: value)
            let cellPrefix = isTableCell ? String(prefix.split(separator: "|").last ?? "") : prefix
            let cellSuffix = isTableCell ? String(suffix.split(separator: "|").first ?? "") : suffix
            return Self.normalizedWhitespace(cellPrefix + visible + cellSuffix)
        }

        static func normalizedWhitespace(_ text: String) -> String {
            var result = String.UnicodeScalarView()
            var pendingSpace = false
            for scalar in text.unicodeScalars {
                if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                    pendingSpace = !result.isEmpty
                } else {
                    if pendingSpace { result.append(" ") }
                    pendingSpace = false
                    result.append(scalar)
                }
            }
            return String(result)
        }
    }

    static let paragraphTags: Set<String> = ["<p>", "</p>"]
    static let tableTags: Set<String> = [
        "<table>", "</table>", "<thead>", "</thead>", "<tbody>", "</tbody>", "<tr>", "</tr>", "<th>", "</th>",
        "<td>", "</td>",
    ]

    /// Problems with how `value` renders in `placement`; empty when it renders as its text.
    static func problems(_ value: String, in placement: Placement) -> [String] {
        let (markdown, range) = placement.merge(value)
        let html = MarkdownRenderer().html(from: markdown, literalRanges: [range])
        let expected = placement.expectedText(value)
        var problems: [String] = []
        let tags = HTMLText.tags(in: html)
        let allowed = placement.isTableCell ? tableTags : paragraphTags
        for tag in tags where !allowed.contains(tag) { problems.append("element \(tag)") }
        if placement.isTableCell {
            if tags.filter({ $0 == "<th>" }).count != 2 { problems.append("not 2 header cells") }
            if tags.filter({ $0 == "<td>" }).count != 2 { problems.append("not 2 body cells") }
            if tags.filter({ $0 == "<tr>" }).count != 2 { problems.append("not one body row") }
            // Scalar by scalar: a combining mark after `<td>` would join its `>` as characters;
            // across line breaks: a value's U+2028 stays in the cell.
            let cell = html.firstMatch(of: /<td>(.*?)<\/td>/.matchingSemantics(.unicodeScalar).dotMatchesNewlines()).map { $0.output.1 }
            let text = Placement.normalizedWhitespace(HTMLText.decoded(cell ?? ""))
            if text != expected { problems.append("cell text \(text.debugDescription) ≠ \(expected.debugDescription)") }
        } else {
            // An empty insertion on a line of its own leaves a blank line: the template's
            // paragraph break, not the value's.
            let paragraphs = tags.filter { $0 == "<p>" }.count
            let blankLine = range.isEmpty && placement.prefix.hasSuffix("\n")
            if !blankLine && (paragraphs != (expected.isEmpty ? paragraphs : 1) || paragraphs > 1) {
                problems.append("\(paragraphs) paragraphs")
            }
            let text = Placement.normalizedWhitespace(HTMLText.decoded(html))
            if text != expected { problems.append("text \(text.debugDescription) ≠ \(expected.debugDescription)") }
        }
        if !problems.isEmpty { problems.append("markdown \(markdown.debugDescription) → \(html.debugDescription)") }
        return problems
    }

    static let hostileValues: [String] = [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b>粗</b>", "<!-- -->", "<?php x ?>",
        "<div>\n块\n</div>", "javascript:alert(1)", "[点我](javascript:alert(1))", "<javascript:alert(1)>",
        "# 标题", "## 二级", "#", "1. 一", "1) 一", "2026. 年", "> 引用", ">", "---", "===", "***", "___", "- - -",
        "* 项", "- 项", "+ 项", "- [ ] task", "- [x] done", "|", "| a | b |", "|---|---|", "a | b", "`code`",
        "```", "```swift\nlet x\n```", "~~~", "~~x~~", "~x~", "*a*", "_a_", "**b**", "__b__", "![x](y)",
        "![x](javascript:alert(1))", "[a]: b", "[a]: http://x.y \"t\"", "[a]", "[^1]", "[^1]: 注", "\tindented",
        "    indented", "  two", "a  ", "a\\", "\\", "\\\\", "a\\\nb", "\u{0}", "a\u{0}b", "\u{1}\u{7}\u{1B}[31m\u{7F}",
        "\u{85}\u{9F}", "\u{0B}\u{0C}", "&amp;", "&copy;", "&#169;", "&#x26;", "&#0;", "&", "www.example.com",
        "WWW.EXAMPLE.COM", "www.example.com/路径?a=1&b=2", "http://x.y", "https://x.y/a_b?c=d#e", "ftp://a.b",
        "HTTP://X.Y", "a@b.co", "foo.bar+baz@example.com.cn", "mailto:a@b.co", "xmpp:a@b.co/res", "<a@b.co>",
        "<http://x.y>", "联系a@b.co或www.x.com", "前www.example.com后", "line1\nline2", "a\r\nb", "a\rb", "\n\n",
        "\n", " ", "\t", "", "a\n\nb", "a\n===", "a\n---", "a\n    b", "\n# x", "x\n- y", "1\\. ok", "\\*", "$x$",
        "{{x}}", "{{{x}}}", "%20", "a_b_c", "snake_case_name", "测试*强调*测试", "“引号”", "\u{0700}@\u{0701}", "\u{0830}@",
        "\u{3000}全角空格", "\u{2028}\u{2029}", "a\u{2028}b", "a@\u{5A6}b.co", "<\u{312}", "e\u{301}", "\u{34B}", "\u{301}前", "🙂🏳️‍🌈", "<", ">", "\"", "'", "?", "!", "[", "]",
        "(", ")", "{", "}", "^", "=", ":", ";", ",", ".", "/", "-", "+", "~", "_", "*", "#", "$", "%",
        "1.5倍", "10:00", "a)b", "-1", "+1", "=x", "1.", "123456789. x", "12)", "Www.x.y", "wwww.x.com",
        "x www.y.z", "(https://x.y)", "27.9%", "2026-03-12", "- 1. x", "1.\n2.", "-\n-", "a.b@c.d",
    ]

    @Test(arguments: Placement.all)
    func hostileValuesRenderAsTheirText(placement: Placement) {
        for value in Self.hostileValues {
            let problems = Self.problems(value, in: placement)
            #expect(problems.isEmpty, "\(value.debugDescription) in \(placement): \(problems.joined(separator: "; "))")
        }
    }

    /// Pieces the generator strings together: single characters of every class that matters,
    /// and fragments that start constructs.
    static let atoms: [String] = {
        let punctuation = ##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##.map(String.init)
        let letters = ["a", "b", "x", "w", "W", "h", "t", "p", "f", "m", "o", "Z", "é"]
        let digits = ["0", "1", "2", "9"]
        let cjk = ["前", "后", "安", "全", "。", "，", "、", "“", "”", "（", "）", "\u{3000}"]
        let whitespace = [" ", " ", "  ", "    ", "\t", "\n", "\r\n", "\r", "\n\n"]
        let controls = ["\u{0}", "\u{1}", "\u{8}", "\u{0B}", "\u{0C}", "\u{1B}", "\u{7F}", "\u{85}", "\u{2028}"]
        let fragments = [
            "www.", "http://", "https://", "ftp://", "mailto:", "xmpp:", ".com", "@", "a@b.co", "1. ", "- ", "# ",
            "> ", "---", "===", "***", "```", "~~", "|", "<a>", "</a>", "<!--", "-->", "&amp;", "&#", ";", "[^",
            "]:", "![", "](", "\\", "- [ ] ",
        ]
        return punctuation + letters + digits + cjk + whitespace + controls + fragments
    }()

    @Test func generatedValuesRenderAsTheirTextInEveryPlacement() async {
        await propertyCheck(count: 3000, input: Gen.element(of: Self.atoms).array(of: 0...14)) { pieces in
            let value = pieces.compactMap { $0 }.joined()
            for placement in Placement.all {
                let problems = Self.problems(value, in: placement)
                #expect(problems.isEmpty, "\(value.debugDescription) in \(placement): \(problems.joined(separator: "; "))")
            }
        }
    }

    @Test func escaperRules() {
        let escaper = MarkdownEscaper()
        #expect(escaper.escape("1. 第一") == #"1\. 第一"#)
        #expect(escaper.escape("# a|b") == ##"\# a\|b"##)
        #expect(escaper.escape("  缩进 ") == "&#32;&#32;缩进&#32;")
        #expect(escaper.escape("\t一") == "&#9;一")
        #expect(escaper.escape("上\r\n下\n\n末") == "上 下 末")
        #expect(escaper.escape("a\u{0}b\u{1}c\u{7F}") == "a\u{FFFD}bc")
        #expect(escaper.escape("a\\") == #"a\\"#)
        #expect(escaper.escape("&amp;") == #"\&amp;"#)
        #expect(escaper.escape("中文，全角。") == "中文，全角。")
        // Only what can make markup is escaped, so merged Markdown stays readable.
        #expect(escaper.escape("下降27.9%，2026-03-12 (此件)") == "下降27.9%，2026-03-12 (此件)")
        #expect(escaper.escape("- [ ] 任务") == #"\- \[ \] 任务"#)
        #expect(escaper.escape("=== 1) x") == #"\=== 1) x"#)
        #expect(escaper.escape("12) 项") == #"12\) 项"#)
        #expect(escaper.escape("16.7%") == "16.7%")
        #expect(escaper.escape("2026.") == #"2026\."#)
        #expect(escaper.escape("见www.example.com与http://x.y") == #"见www\.example.com与http\://x.y"#)
        #expect(escaper.escape("a@b.co") == #"a\@b.co"#)
    }

    @Test func templateLinksOutsideTheRangesStayLinks() {
        let prefix = "联系 a@b.co 或 www.example.com 或 http://x.y 及 "
        let escaped = MarkdownEscaper().escape("c@d.co www.e.com")
        let start = prefix.utf8.count
        let html = MarkdownRenderer().html(from: prefix + escaped + "\n", literalRanges: [start..<(start + escaped.utf8.count)])
        #expect(html == #"<p>联系 <a href="mailto:a@b.co">a@b.co</a> 或 <a href="http://www.example.com">www.example.com</a> 或 <a href="http://x.y">http://x.y</a> 及 c@d.co www.e.com</p>"# + "\n")
    }

    @Test func wwwLinkCompletedByTemplateTextIsUnlinkedWhenItStartsInAValue() {
        let escaped = MarkdownEscaper().escape("见 www")
        let html = MarkdownRenderer().html(from: escaped + ".example.com\n", literalRanges: [0..<escaped.utf8.count])
        #expect(html == "<p>见 www.example.com</p>\n")
    }

    @Test func atSignsInCodeSpansKeepTheirBackslash() {
        let escaped = MarkdownEscaper().escape("a@b.co")
        let html = MarkdownRenderer().html(from: "`" + escaped + "`\n", literalRanges: [1..<(1 + escaped.utf8.count)])
        #expect(html == MarkdownRenderer().html(from: "`" + escaped + "`\n"))
    }

    @Test func noRangesIsThePlainRender() {
        let markdown = "前 a@b.co www.x.com\n\n| a |\n|---|\n| b |\n"
        #expect(MarkdownRenderer().html(from: markdown, literalRanges: []) == MarkdownRenderer().html(from: markdown))
    }

    @Test func aPlaceholderCandidateInTheDocumentIsSkipped() {
        let value = "\u{0700}a@b.co\u{0701}"
        #expect(Self.problems(value, in: Placement.all[0]).isEmpty)
    }
}
