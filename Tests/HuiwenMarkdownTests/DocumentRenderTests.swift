import HuiwenMarkdown
import Testing

@Suite struct DocumentRenderTests {
    static let sample = """
        ## 总体要求

        全省生产安全事故
        同比下降27.9%。

        | 地区 | 事故起数 |
        |:--|--:|
        | 长沙 | 12 |

        1. 加强
           领导
        2. [ ] 压实责任

        ```
        代码
        不变
        ```
        """

    @Test func plainHTMLStaysPureCmark() {
        let html = MarkdownRenderer().html(from: Self.sample)
        #expect(html.hasPrefix("<h2>总体要求</h2>\n<p>全省生产安全事故\n同比下降27.9%。</p>\n"))
    }

    @Test func transformsOffRenderExactlyAsPlainHTML() {
        let renderer = MarkdownRenderer()
        let off = DocumentTransforms(numbering: .none, joinsCJKLineBreaks: false)
        #expect(renderer.document(from: Self.sample, transforms: off).html == renderer.html(from: Self.sample))
        let unsafe = MarkdownRenderer(options: MarkdownOptions(allowsRawHTML: true))
        let raw = "<div>原样</div>\n\n正文[^1]\n\n[^1]: 注\n"
        #expect(unsafe.document(from: raw, transforms: off).html == unsafe.html(from: raw))
    }

    @Test func tablesListsAndCodeAreUntouched() {
        let html = MarkdownRenderer().document(from: Self.sample, transforms: DocumentTransforms(numbering: .gongwen)).html
        #expect(html.hasPrefix("<h2>一、总体要求</h2>\n<p>全省生产安全事故同比下降27.9%。</p>\n"))
        #expect(html.contains("<table>\n<thead>\n<tr>\n<th align=\"left\">地区</th>"))
        #expect(html.contains("<td align=\"right\">12</td>"))
        #expect(html.contains("<ol>\n<li>加强领导</li>\n<li><input type=\"checkbox\" disabled=\"\" /> 压实责任</li>\n</ol>"))
        #expect(html.contains("<pre><code>代码\n不变\n</code></pre>"))
    }

    @Test func emptyInputGivesEmptyDocument() {
        #expect(MarkdownRenderer().document(from: "", transforms: DocumentTransforms(numbering: .gongwen))
            == RenderedDocument(html: "", headings: []))
    }
}
