import HuiwenMarkdown
import Testing

/// `RenderedDocument.blocks`: the body as Swift values, beside the unchanged HTML.
@Suite struct BodyTreeTests {
    static let gongwen = DocumentTransforms(numbering: .gongwen)
    static let untransformed = DocumentTransforms(numbering: .none, joinsCJKLineBreaks: false)

    static func blocks(_ markdown: String, transforms: DocumentTransforms = gongwen, options: MarkdownOptions = MarkdownOptions()) -> [MarkdownBlock] {
        MarkdownRenderer(options: options).document(from: markdown, transforms: transforms).blocks
    }

    @Test func headingNumberIsKeptApartFromItsContent() {
        let document = MarkdownRenderer().document(from: "## 总体要求\n\n### 提高**站位**\n", transforms: Self.gongwen)
        #expect(document.blocks == [
            .heading(MarkdownHeading(level: 2, number: "一、", content: [.text("总体要求")])),
            .heading(MarkdownHeading(level: 3, number: "（一）", content: [.text("提高"), .strong([.text("站位")])])),
        ])
        #expect(document.html == "<h2>一、总体要求</h2>\n<h3>（一）提高<strong>站位</strong></h3>\n")
    }

    @Test func handNumberedAndUnnumberedHeadingsHaveNoNumber() {
        #expect(Self.blocks("## 三、结语\n") == [.heading(MarkdownHeading(level: 2, content: [.text("三、结语")]))])
        #expect(Self.blocks("# 附件\n###### 细目\n") == [
            .heading(MarkdownHeading(level: 1, content: [.text("附件")])),
            .heading(MarkdownHeading(level: 6, content: [.text("细目")])),
        ])
        #expect(Self.blocks("## 总体要求\n", transforms: DocumentTransforms(numbering: .none))
            == [.heading(MarkdownHeading(level: 2, content: [.text("总体要求")]))])
        // Headings inside quotes are not the document's own and are not numbered.
        #expect(Self.blocks("> ## 引述\n") == [.blockQuote([.heading(MarkdownHeading(level: 2, content: [.text("引述")]))])])
    }

    @Test func tableKeepsAlignmentsHeaderAndPaddedRows() {
        let markdown = "| 地区 | 起数 | 同比 | 备注 |\n|---|:--|:-:|--:|\n| 长沙 | **12** | -3 | 无 |\n| 株洲 |\n"
        let table = MarkdownTable(
            alignments: [.none, .left, .center, .right],
            header: [[.text("地区")], [.text("起数")], [.text("同比")], [.text("备注")]],
            rows: [
                [[.text("长沙")], [.strong([.text("12")])], [.text("-3")], [.text("无")]],
                [[.text("株洲")], [], [], []],
            ])
        #expect(Self.blocks(markdown) == [.table(table)])
        #expect(Self.blocks("| a |\n|---|\n") == [.table(MarkdownTable(alignments: [.none], header: [[.text("a")]], rows: []))])
    }

    @Test func listsKeepKindStartAndTightness() {
        #expect(Self.blocks("3. 甲\n4. 乙\n") == [.list(MarkdownList(kind: .ordered, start: 3, isTight: true, items: [
            MarkdownListItem(blocks: [.paragraph([.text("甲")])]),
            MarkdownListItem(blocks: [.paragraph([.text("乙")])]),
        ]))])
        #expect(Self.blocks("- 甲\n\n- 乙\n  > 引\n") == [.list(MarkdownList(kind: .bullet, isTight: false, items: [
            MarkdownListItem(blocks: [.paragraph([.text("甲")])]),
            MarkdownListItem(blocks: [.paragraph([.text("乙")]), .blockQuote([.paragraph([.text("引")])])]),
        ]))])
        #expect(Self.blocks("0) 零\n") == [.list(MarkdownList(kind: .ordered, start: 0, isTight: true, items: [
            MarkdownListItem(blocks: [.paragraph([.text("零")])]),
        ]))])
    }

    @Test func taskItemsCarryTheirCheckbox() {
        #expect(Self.blocks("- [ ] 未办\n- [x] 已办\n- 普通\n") == [.list(MarkdownList(kind: .bullet, isTight: true, items: [
            MarkdownListItem(checkbox: .unchecked, blocks: [.paragraph([.text("未办")])]),
            MarkdownListItem(checkbox: .checked, blocks: [.paragraph([.text("已办")])]),
            MarkdownListItem(blocks: [.paragraph([.text("普通")])]),
        ]))])
    }

    @Test func footnotesAreNumberedAsTheHTMLNumbersThem() {
        let markdown = "甲[^b]乙[^a]丙[^b]，无注[^none]\n\n[^a]: 注A\n[^b]: 注B\n[^c]: 未引用\n"
        let document = MarkdownRenderer().document(from: markdown, transforms: Self.gongwen)
        #expect(document.blocks == [
            .paragraph([
                .text("甲"), .footnoteReference(number: 1, occurrence: 1), .text("乙"),
                .footnoteReference(number: 2, occurrence: 1), .text("丙"),
                .footnoteReference(number: 1, occurrence: 2), .text("，无注[^none]"),
            ]),
            .footnoteDefinition(MarkdownFootnote(number: 1, label: "b", blocks: [.paragraph([.text("注B")])])),
            .footnoteDefinition(MarkdownFootnote(number: 2, label: "a", blocks: [.paragraph([.text("注A")])])),
        ])
        #expect(document.html.contains(##"<a href="#fn-b" id="fnref-b-2" data-footnote-ref>1</a>"##))
    }

    @Test func footnoteReferencesCountInSourceOrderAcrossMovedDefinitions() {
        // The definition of `a` sits in a quote, before the third reference to `b`; cmark-gfm
        // moves it to the end but counts its reference to `b` where it was written.
        let markdown = "正文[^a]和[^b]\n\n> [^a]: 注[^b]\n\n再引[^b]\n\n[^b]: 注B\n"
        let blocks = Self.blocks(markdown)
        #expect(blocks[0] == .paragraph([
            .text("正文"), .footnoteReference(number: 1, occurrence: 1), .text("和"), .footnoteReference(number: 2, occurrence: 1),
        ]))
        #expect(blocks[1] == .blockQuote([]))
        #expect(blocks[2] == .paragraph([.text("再引"), .footnoteReference(number: 2, occurrence: 3)]))
        #expect(blocks[3] == .footnoteDefinition(MarkdownFootnote(number: 1, label: "a", blocks: [
            .paragraph([.text("注"), .footnoteReference(number: 2, occurrence: 2)]),
        ])))
        #expect(blocks.count == 5)
    }

    @Test func rawHTMLIsInTheTreeOnlyWhenAllowed() {
        let markdown = "<div>原样</div>\n\n正文<span>内联</span>\n\n<script>x</script>\n"
        #expect(Self.blocks(markdown) == [.paragraph([.text("正文内联")])])
        let unsafe = MarkdownOptions(allowsRawHTML: true)
        #expect(Self.blocks(markdown, options: unsafe) == [
            .html("<div>原样</div>\n"),
            .paragraph([.text("正文"), .html("<span>"), .text("内联"), .html("</span>")]),
            // tagfilter, as the HTML shows it.
            .html("&lt;script>x&lt;/script>\n"),
        ])
        // The HTML of an image description is text in both modes, as the HTML writes it.
        #expect(Self.blocks("![<b>图</b>](a.png)\n") == [.paragraph([.image(source: "a.png", title: "", alt: [.text("<b>图</b>")])])])
    }

    @Test func dangerousDestinationsAreBlankInSafeModeAsInTheHTML() {
        let markdown = "[点](javascript:alert(1) \"题\") ![图](data:image/png;base64,AA)\n"
        #expect(Self.blocks(markdown) == [.paragraph([
            .link(destination: "", title: "题", children: [.text("点")]), .text(" "),
            .image(source: "data:image/png;base64,AA", title: "", alt: [.text("图")]),
        ])])
        #expect(Self.blocks(markdown, options: MarkdownOptions(allowsRawHTML: true)).first == .paragraph([
            .link(destination: "javascript:alert(1)", title: "题", children: [.text("点")]), .text(" "),
            .image(source: "data:image/png;base64,AA", title: "", alt: [.text("图")]),
        ]))
    }

    @Test func chineseSoftBreaksAreDroppedInTheTreeAsInTheHTML() {
        let markdown = "全省生产安全事故\n同比下降27.9%。\n\nEnglish\nword\n"
        let document = MarkdownRenderer().document(from: markdown, transforms: Self.gongwen)
        #expect(document.blocks == [
            .paragraph([.text("全省生产安全事故同比下降27.9%。")]),
            .paragraph([.text("English"), .softBreak, .text("word")]),
        ])
        #expect(document.html == "<p>全省生产安全事故同比下降27.9%。</p>\n<p>English\nword</p>\n")
        #expect(Self.blocks(markdown, transforms: Self.untransformed)[0]
            == .paragraph([.text("全省生产安全事故"), .softBreak, .text("同比下降27.9%。")]))
    }

    @Test func templateValuesInLiteralRangesStayText() {
        // What the template stage's escaper makes of the values `www.example.com` and
        // `a@b.co`; a bare e-mail address is linked by the autolink extension even so.
        for value in [#"www\.example.com"#, #"a\@b.co"#] {
            let markdown = "访问 " + value + " 查询\n"
            let start = "访问 ".utf8.count
            let range = start..<(start + value.utf8.count)
            let text = value.replacing("\\", with: "")
            let document = MarkdownRenderer().document(from: markdown, transforms: Self.gongwen, literalRanges: [range])
            #expect(document.blocks == [.paragraph([.text("访问 " + text + " 查询")])])
        }
        // Completed by the template's own text: still a value's text, not a link.
        let document = MarkdownRenderer().document(from: "见 www.example.com\n", transforms: Self.gongwen, literalRanges: [0..<"见 www".utf8.count])
        #expect(document.blocks == [.paragraph([.text("见 www.example.com")])])
        #expect(Self.blocks("见 www.example.com\n") == [.paragraph([
            .text("见 "), .link(destination: "http://www.example.com", title: "", children: [.text("www.example.com")]),
        ])])
    }

    @Test func documentHTMLIsTheHTMLWithoutTheTree() {
        let documents = [
            DocumentRenderTests.sample,
            "<div>原样</div>\n\n正文[^1] a@b.co\n\n[^1]: 注\n",
            "访问 a\\@b.co 与 www\\.x.com\n\n| a | b |\n|:-:|--|\n| `c` | ~~d~~ |\n",
        ]
        for options in [MarkdownOptions(), MarkdownOptions(allowsRawHTML: true)] {
            let renderer = MarkdownRenderer(options: options)
            for markdown in documents {
                let ranges = [3..<min(12, markdown.utf8.count)]
                #expect(renderer.document(from: markdown, transforms: Self.untransformed, literalRanges: ranges).html
                    == renderer.html(from: markdown, literalRanges: ranges))
                #expect(renderer.document(from: markdown, transforms: Self.untransformed).html == renderer.html(from: markdown))
            }
        }
    }

    @Test func documentWithoutBlocksHasTheSameHTMLAndOutline() {
        let markdown = DocumentRenderTests.sample
        let full = MarkdownRenderer().document(from: markdown, transforms: Self.gongwen)
        let htmlOnly = MarkdownRenderer().document(from: markdown, transforms: Self.gongwen, includesBlocks: false)
        #expect(htmlOnly == RenderedDocument(html: full.html, headings: full.headings, blocks: []))
        #expect(!full.blocks.isEmpty)
    }

    @Test func treeOfATransformedDocumentWritesItsHTML() {
        // Numbers, joined lines, tables and lists: the tree writes back to the document's HTML.
        let markdown = DocumentRenderTests.sample + "\n\n## 第二部分\n\n### 任务\n\n正文[^n]\n\n[^n]: 注\n"
        let document = MarkdownRenderer().document(from: markdown, transforms: Self.gongwen)
        #expect(TreeHTMLWriter.html(of: document.blocks) == document.html)
    }

    @Test func deepNestingIsFlattenedWithoutLosingText() {
        let quotes = String(repeating: "> ", count: 5_000) + "深\n"
        let blocks = Self.blocks(quotes)
        var depth = 0
        var current = blocks
        while case .blockQuote(let inner)? = current.first {
            depth += 1
            current = inner
        }
        #expect(depth == 100)
        #expect(current == [.paragraph([.text("深")])])

        let emphasis = String(repeating: "*a ", count: 3_000) + "b" + String(repeating: "*", count: 3_000) + "\n"
        #expect(Self.blocks(emphasis).count == 1)
        let links = String(repeating: "[", count: 3_000) + "x" + String(repeating: "](u)", count: 3_000) + "\n"
        #expect(Self.blocks(links).count == 1)
    }
}
