import Foundation
import HuiwenBuild
import HuiwenTemplate
import HuiwenTestSupport
import HuiwenText
import Testing
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Hostile values from data through the whole pipeline (merge, cmark-gfm, layout, the HTML and
/// Word writers), in every place a value can go: a paragraph, a heading, list items, a table
/// cell, a block quote, an attachment, and every front matter field of every layout. Each
/// document is compared with the same template given a harmless value: the page has exactly
/// the same tags and attributes (nothing in a value became an element, an attribute or a link),
/// and shows the value as its text; the Word file has no element kind, relationship or field
/// the harmless one lacks, and shows the value as its text.
@Suite struct HostileValueTests {
    static let values: [String] = [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>",
        "' onmouseover='alert(1)", "<div onclick=\"alert(1)\">块</div>", "<!-- 注释 -->", "<![CDATA[x]]>",
        "[点我](javascript:alert(1))", "[点我](JaVaScRiPt:alert(1) \"标题\")", "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "![图](javascript:alert(1))", "![图](data:image/svg+xml,<svg onload=alert(1)>)", "<javascript:alert(1)>",
        "<data:text/html,x>", "[x][r]\n\n[r]: javascript:alert(1)", "[r]: data:text/html,x", "javascript:alert(1)",
        "www.example.com", "https://example.com/a_b?c=d#e", "a@b.co", "<https://x.y>", "[^1]\n\n[^1]: 注",
        "&lt;script&gt; &amp; &#60;b&#62; &#x3C;i&#x3E; &copy;", "\u{202E}evil\u{202C}.exe", "\u{2066}甲\u{2069}乙",
        "零\u{200B}宽\u{200D}字\u{FEFF}符", "a\u{0}b\u{1}c\u{7}d\u{1B}[31me\u{7F}f\u{85}g\u{9F}h", "\u{0B}\u{0C}甲\r\n乙\r丙",
        "🙂🏳️‍🌈👨‍👩‍👧", "\u{34B}组合", "a@\u{5A6}b.co", String(repeating: "长", count: 10_000), String(repeating: "w", count: 10_000),
        "# 标题", "## 二级", "- 项", "1. 一", "2026. 年", "> 引用", "```\ncode\n```", "~~~", "| a | b |\n|---|---|",
        "---", "***", "===", "~~删~~", "- [ ] 任务", "**粗** _斜_ *强*", "`代码`", "\\", "\n\n段落", "    缩进", "\t制表",
        "a  ", "{{x}}", "{{{x}}}", "$x$", "%s%n", "../../etc/passwd",
    ]

    static let harmless = "SAFE"

    /// One template per layout, a document per value, each field of the layout filled with it.
    static let templates: [String: String] = {
        let body = """
            {{v}}

            ## {{v}}

            ### 前{{v}}后

            - {{v}}
            - 项

            1. {{v}}

            | 甲 | 乙 |
            |---|---|
            | {{v}} | 丙 |

            > {{v}}

            """
        func template(_ layout: String, _ fields: [String], attachment: Bool) -> String {
            var lines = ["---", "layout: \(layout)", "each: items", "output: \(layout)-{{id}}", "formats: [html, docx]"]
            lines += fields.map { "\($0): \"{{v}}\"" }
            if attachment { lines += ["attachments:", "  - title: \"{{v}}\"", "    partial: hostile"] }
            return (lines + ["---", body]).joined(separator: "\n")
        }
        return [
            "templates/notice.md": template(
                "notice",
                ["title", "copyNumber", "secrecy", "urgency", "issuer", "docNumber", "recipients", "signature", "date", "note",
                 "cc", "printedBy", "printedDate"],
                attachment: true),
            "templates/outline.md": template("outline", ["title", "subtitle", "speaker", "date", "salutation"], attachment: false),
            "templates/plain.md": template("plain", ["title"], attachment: false),
            "templates/partials/hostile.md": "附件正文：{{v}}\n",
        ]
    }()

    /// The items as JSON, where every control character can be written (`\u0001`).
    static var data: String {
        let items = [["id": "safe", "v": harmless]] + values.enumerated().map { ["id": "v\($0.offset)", "v": $0.element] }
        return String(decoding: try! JSONSerialization.data(withJSONObject: items, options: [.sortedKeys]), as: UTF8.self)
    }

    static let layouts = ["notice", "outline", "plain"]

    @Test func everyValueStaysTextInThePageAndTheWordFile() throws {
        let fixture = try BuildFixture(Self.templates, data: ["data/items.json": Self.data])
        defer { fixture.remove() }
        let report = Builder(project: Project(root: fixture.root), formats: [.html, .docx]).render()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.prefix(5))")
        let pages = Dictionary(uniqueKeysWithValues: report.pages.map { ($0.name, $0) })
        #expect(pages.count == Self.layouts.count * (Self.values.count + 1))
        for layout in Self.layouts {
            let safe = try #require(pages["\(layout)-safe"])
            let safeTags = Self.withoutTitleBreaks(HTMLText.tags(in: safe.html))
            let safeWord = try WordText(safe)
            for (index, value) in Self.values.enumerated() {
                let page = try #require(pages["\(layout)-v\(index)"])
                let label = "\(layout) with \(value.prefix(40).debugDescription)"
                let tags = Self.withoutTitleBreaks(HTMLText.tags(in: page.html))
                #expect(tags == safeTags, "\(label): \(Self.firstDifference(tags, safeTags))")
                #expect(!page.html.unicodeScalars.contains { ControlCharacters.replacement(for: $0) != $0 }, "\(label): a control character in the page")
                let shown = Self.collapsed(HTMLText.decoded(page.html, tagsAs: " "))
                #expect(shown.contains(Self.collapsed(MarkdownEscaper.visibleText(of: value))), "\(label): body text missing")
                #expect(shown.contains(Self.collapsed(ControlCharacters.cleaned(value))), "\(label): front matter text missing")

                let word = try WordText(page)
                // Text can only add line breaks, tabs and the narrowing of a long 发文机关标志 (w:w).
                let newElements = word.elements.subtracting(safeWord.elements).subtracting(["w:br", "w:tab", "w:w"])
                #expect(newElements.isEmpty, "\(label): the Word file has \(newElements.sorted())")
                #expect(word.relationships == safeWord.relationships, "\(label): relationships differ")
                let wordText = Self.collapsed(word.text)
                #expect(wordText.contains(Self.collapsed(MarkdownEscaper.visibleText(of: value))), "\(label): body text missing in Word")
                #expect(wordText.contains(Self.collapsed(ControlCharacters.cleaned(value))), "\(label): field text missing in Word")
            }
        }
    }

    /// The tags without the `<br>` the layout puts between a title's lines: a long value in a
    /// title is broken into lines (`TitleLines`). Inside a title every other tag would be the
    /// value's, and a value's `<` is always `&lt;`.
    static func withoutTitleBreaks(_ tags: [String]) -> [String] {
        var inTitle = false
        return tags.filter { tag in
            if tag.hasPrefix("<h1") { inTitle = true } else if tag == "</h1>" { inTitle = false }
            return !(inTitle && tag == "<br>")
        }
    }

    static func firstDifference(_ a: [String], _ b: [String]) -> String {
        guard let index = a.indices.first(where: { $0 >= b.count || a[$0] != b[$0] }) ?? (a.count != b.count ? a.count : nil) else {
            return "none"
        }
        return "tag \(index): \(index < a.count ? a[index] : "end") instead of \(index < b.count ? b[index] : "end")"
    }

    /// White space runs as one space (HTML and Word show them so), none at the ends.
    static func collapsed(_ text: String) -> String {
        text.unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace && $0 != "\u{3000}" })
            .map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    }

    /// What the Word file of a page holds: its element kinds, its relationships and its text.
    struct WordText {
        var elements: Set<String> = []
        var relationships: [String] = []
        var text = ""

        init(_ page: RenderedPage) throws {
            let file = try #require(page.files.first { $0.name.hasSuffix(".docx") })
            let archive = try Archive(data: Data(file.contents), accessMode: .read)
            for entry in archive where entry.path.hasPrefix("word/") && entry.path.hasSuffix(".xml") {
                var data = Data()
                _ = try archive.extract(entry) { data.append($0) }
                let reader = XMLReader()
                let parser = XMLParser(data: data)
                parser.delegate = reader
                #expect(parser.parse(), "\(entry.path) of \(page.name) is not well-formed: \(String(describing: parser.parserError))")
                elements.formUnion(reader.elements)
                text += reader.text + " "
            }
            if let rels = archive["word/_rels/document.xml.rels"] {
                var data = Data()
                _ = try archive.extract(rels) { data.append($0) }
                relationships = String(decoding: data, as: UTF8.self).matches(of: /Target="[^"]*"[^>]*/).map { String($0.output) }.sorted()
            }
        }
    }

    final class XMLReader: NSObject, XMLParserDelegate {
        var elements: Set<String> = []
        var text = ""
        private var inText = false

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.insert(name)
            inText = name == "w:t"
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "w:t" { inText = false }
            if name == "w:p" { text += " " }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { text += string }
        }
    }
}
