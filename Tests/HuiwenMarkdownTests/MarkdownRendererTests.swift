import HuiwenMarkdown
import Testing

@Suite struct MarkdownRendererTests {
    @Test func rendersGFMTable() {
        let html = MarkdownRenderer().html(from: "| 地区 | 起数 |\n|---|--:|\n| 长沙 | 12 |\n")
        #expect(html.contains("<table>"))
        #expect(html.contains(#"<td align="right">12</td>"#))
    }

    @Test func omitsRawHTMLByDefault() {
        #expect(MarkdownRenderer().html(from: "<div>x</div>\n") == "<!-- raw HTML omitted -->\n")
    }

    @Test func unsafeModeKeepsRawHTMLButTagfilterStillApplies() {
        let renderer = MarkdownRenderer(options: MarkdownOptions(allowsRawHTML: true))
        #expect(renderer.html(from: "<div>x</div>\n") == "<div>x</div>\n")
        #expect(renderer.html(from: "<script>alert(1)</script>\n").hasPrefix("&lt;script>"))
    }

    @Test func rendersFootnotes() {
        let html = MarkdownRenderer().html(from: "正文[^1]\n\n[^1]: 注释\n")
        #expect(html.contains(#"<section class="footnotes" data-footnotes>"#))
    }
}
