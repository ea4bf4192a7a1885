import HuiwenMarkdown
import Testing

@Suite struct CJKLineBreakTests {
    static func body(_ markdown: String) -> String {
        MarkdownRenderer().document(from: markdown, transforms: DocumentTransforms()).html
    }

    @Test func softBreakBetweenChineseCharactersIsDropped() {
        #expect(Self.body("全省生产安全事故\n同比下降。\n") == "<p>全省生产安全事故同比下降。</p>\n")
    }

    @Test func softBreakAfterChinesePunctuationIsDropped() {
        #expect(Self.body("事故起数下降，\n死亡人数下降。\n") == "<p>事故起数下降，死亡人数下降。</p>\n")
        #expect(Self.body("《通知》\n（湘政办发〔2026〕1号）\n") == "<p>《通知》（湘政办发〔2026〕1号）</p>\n")
        #expect(Self.body("他指出：\n“安全第一”\n") == "<p>他指出：“安全第一”</p>\n")
    }

    @Test func softBreakBetweenLatinWordsIsKept() {
        #expect(Self.body("English\nword\n") == "<p>English\nword</p>\n")
        #expect(Self.body("in 2026\nwe\n") == "<p>in 2026\nwe</p>\n")
        #expect(Self.body("he said—\n“Hello”\n") == "<p>he said—\n“Hello”</p>\n")
    }

    @Test func softBreakBetweenChineseAndLatinWordIsKept() {
        #expect(Self.body("中文\nEnglish\n") == "<p>中文\nEnglish</p>\n")
        #expect(Self.body("English\n中文\n") == "<p>English\n中文</p>\n")
    }

    @Test func softBreakBetweenChineseAndNumberIsDropped() {
        #expect(Self.body("同比下降27.9%\n和16.7%\n") == "<p>同比下降27.9%和16.7%</p>\n")
        #expect(Self.body("检查企业\n12133家\n") == "<p>检查企业12133家</p>\n")
    }

    @Test func joinsAcrossEmphasisAndLinks() {
        #expect(Self.body("**重点**\n工作\n") == "<p><strong>重点</strong>工作</p>\n")
        #expect(Self.body("参见[通知](https://example.org)\n~~原文~~\n") ==
            "<p>参见<a href=\"https://example.org\">通知</a><del>原文</del></p>\n")
    }

    @Test func coversIdeographExtensionsKanaAndFullWidthForms() {
        #expect(Self.body("㐀\n𠀀\n") == "<p>㐀𠀀</p>\n")          // extension A, extension B
        #expect(Self.body("かな\nカナ\n") == "<p>かなカナ</p>\n")
        #expect(Self.body("ＡＢ\n！\n") == "<p>ＡＢ！</p>\n")
        #expect(Self.body("한국어\n문장\n") == "<p>한국어\n문장</p>\n")   // Korean spaces its words
    }

    @Test func hardBreakIsKept() {
        #expect(Self.body("第一行\\\n第二行\n") == "<p>第一行<br />\n第二行</p>\n")
    }

    @Test func joinsInListsQuotesAndSetextHeadings() {
        #expect(Self.body("- 加强\n  领导\n\n> 压实\n> 责任\n") ==
            "<ul>\n<li>加强领导</li>\n</ul>\n<blockquote>\n<p>压实责任</p>\n</blockquote>\n")
        let document = MarkdownRenderer().document(from: "总体\n要求\n---\n", transforms: DocumentTransforms(numbering: .gongwen))
        #expect(document.html == "<h2>一、总体要求</h2>\n")
        #expect(document.headings == [.init(level: 2, text: "一、总体要求")])
    }

    @Test func joiningOffKeepsSoftBreaks() {
        let document = MarkdownRenderer().document(from: "中文\n中文\n", transforms: DocumentTransforms(joinsCJKLineBreaks: false))
        #expect(document.html == "<p>中文\n中文</p>\n")
    }
}
