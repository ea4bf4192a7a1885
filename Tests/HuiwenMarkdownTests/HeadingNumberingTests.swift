import HuiwenMarkdown
import HuiwenText
import Testing

@Suite struct HeadingNumberingTests {
    static let gongwen = DocumentTransforms(numbering: .gongwen)

    static func headings(_ markdown: String) -> [String] {
        MarkdownRenderer().document(from: markdown, transforms: gongwen).headings.map(\.text)
    }

    @Test func numbersHeadingsByLevel() {
        let document = MarkdownRenderer().document(
            from: "## 总体要求\n\n### 提高站位\n\n#### 加强领导\n\n##### 明确责任\n", transforms: Self.gongwen)
        #expect(document.html == """
            <h2>一、总体要求</h2>
            <h3>（一）提高站位</h3>
            <h4>1.加强领导</h4>
            <h5>（1）明确责任</h5>

            """)
        #expect(document.headings == [
            .init(level: 2, text: "一、总体要求"), .init(level: 3, text: "（一）提高站位"),
            .init(level: 4, text: "1.加强领导"), .init(level: 5, text: "（1）明确责任"),
        ])
    }

    @Test func deeperCountersResetWhenAHigherLevelAppears() {
        let markdown = """
            ## 甲
            ### 甲一
            #### 甲一1
            #### 甲一2
            ### 甲二
            #### 甲二1
            ## 乙
            ### 乙一
            ##### 乙一（1）
            #### 乙一1
            """
        #expect(Self.headings(markdown) == [
            "一、甲", "（一）甲一", "1.甲一1", "2.甲一2", "（二）甲二", "1.甲二1",
            "二、乙", "（一）乙一", "（1）乙一（1）", "1.乙一1",
        ])
    }

    @Test func levelOneRestartsNumberingAndSixIsLeftAlone() {
        let markdown = "# 正文\n## 甲\n## 乙\n###### 注\n### 乙一\n# 附件\n## 丙\n### 丙一\n"
        let document = MarkdownRenderer().document(from: markdown, transforms: Self.gongwen)
        #expect(document.headings.map(\.text) == ["正文", "一、甲", "二、乙", "注", "（一）乙一", "附件", "一、丙", "（一）丙一"])
        #expect(document.html.contains("<h1>正文</h1>"))
        #expect(document.html.contains("<h6>注</h6>"))
    }

    @Test func countsPastTenInChineseNumerals() {
        let markdown = (1...25).map { "## 第\($0)项任务\n\n### 分项\n" }.joined(separator: "\n")
        let level2 = MarkdownRenderer().document(from: markdown, transforms: Self.gongwen).headings
            .filter { $0.level == 2 }.map { $0.text.prefix(while: { $0 != "第" }) }
        #expect(level2 == [
            "一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、",
            "十一、", "十二、", "十三、", "十四、", "十五、", "十六、", "十七、", "十八、", "十九、", "二十、",
            "二十一、", "二十二、", "二十三、", "二十四、", "二十五、",
        ])
        let level3 = (1...12).map { _ in "### 项\n" }.joined()
        #expect(Self.headings(level3).last == "（十二）项")
        let level4 = (1...12).map { _ in "#### 项\n" }.joined()
        #expect(Self.headings(level4).last == "12.项")
    }

    @Test func countsPast9999InArabicDigits() {
        #expect(Self.headings("## 九千九百九十九、甲\n## 乙\n### 乙一\n") == ["九千九百九十九、甲", "10000、乙", "（一）乙一"])
    }

    @Test func handNumberedHeadingIsLeftAsItIs() {
        let document = MarkdownRenderer().document(from: "## 三、结语\n", transforms: Self.gongwen)
        #expect(document.html == "<h2>三、结语</h2>\n")
        #expect(document.headings == [.init(level: 2, text: "三、结语")])
    }

    @Test func handNumberOfItsLevelSetsTheCounter() {
        #expect(Self.headings("## 甲\n## 三、丙\n## 丁\n### （五）戊\n### 己\n#### 7. 庚\n#### 辛\n##### (2)壬\n##### 癸\n") == [
            "一、甲", "三、丙", "四、丁", "（五）戊", "（六）己", "7. 庚", "8.辛", "(2)壬", "（3）癸",
        ])
    }

    @Test func everyHandNumberFormIsRecognised() {
        let markdown = """
            ## 十二、甲
            ## 乙
            ### （一）全角
            ### (二)半角
            ### 丙
            #### 1．全角点
            #### 2、顿号
            #### 丁
            ##### （1）全角
            ##### (2) 半角
            ##### 戊
            """
        #expect(Self.headings(markdown) == [
            "十二、甲", "十三、乙", "（一）全角", "(二)半角", "（三）丙", "1．全角点", "2、顿号", "3.丁",
            "（1）全角", "(2) 半角", "（3）戊",
        ])
    }

    @Test func ordinalHandNumberFitsAnyLevel() {
        #expect(Self.headings("## 第一部分 形势\n## 第二，任务\n## 部署\n### 第三章\n### 后续\n") == [
            "第一部分 形势", "第二，任务", "三、部署", "第三章", "（四）后续",
        ])
    }

    @Test func wordsThatOnlyLookLikeNumbersAreNumbered() {
        #expect(Self.headings("## 第一次全体会议\n## 2026年工作要点\n#### 1.5倍的增长\n") == [
            "一、第一次全体会议", "二、2026年工作要点", "1.1.5倍的增长",
        ])
    }

    @Test func anotherLevelsHandNumberIsKeptAndCountsAsOne() {
        #expect(Self.headings("## 甲\n## （一）乙\n## 丙\n") == ["一、甲", "（一）乙", "三、丙"])
    }

    @Test func handNumberInsideEmphasisIsRecognised() {
        // (`**一、**总体` is not emphasis in CommonMark: a closing `**` after punctuation must be
        // followed by a space or punctuation.)
        let document = MarkdownRenderer().document(from: "## **一、总体要求**\n## 工作任务\n", transforms: Self.gongwen)
        #expect(document.html == "<h2><strong>一、总体要求</strong></h2>\n<h2>二、工作任务</h2>\n")
    }

    @Test func numberIsTextBeforeInlineMarkup() {
        let document = MarkdownRenderer().document(from: "## **加强**`领导`\n", transforms: Self.gongwen)
        #expect(document.html == "<h2>一、<strong>加强</strong><code>领导</code></h2>\n")
        #expect(document.headings == [.init(level: 2, text: "一、加强领导")])
    }

    @Test func emptyHeadingIsNeitherNumberedNorCounted() {
        let document = MarkdownRenderer().document(from: "## 甲\n##\n## 乙\n", transforms: Self.gongwen)
        #expect(document.html == "<h2>一、甲</h2>\n<h2></h2>\n<h2>二、乙</h2>\n")
    }

    @Test func setextHeadingsAreNumbered() {
        #expect(Self.headings("总体要求\n--------\n\n工作任务\n---\n") == ["一、总体要求", "二、工作任务"])
    }

    @Test func headingsInQuotesListsAndFootnotesAreNotNumberedNorCounted() {
        let markdown = "## 甲\n\n> ## 引文标题\n\n- ## 列表标题\n\n## 乙\n"
        let document = MarkdownRenderer().document(from: markdown, transforms: Self.gongwen)
        #expect(document.html.contains("<h2>引文标题</h2>"))
        #expect(document.html.contains("<h2>列表标题</h2>"))
        #expect(document.headings.map(\.text) == ["一、甲", "二、乙"])
    }

    @Test func numberingOffLeavesHeadingsAsWritten() {
        let markdown = "## 总体要求\n### 提高站位\n"
        let document = MarkdownRenderer().document(from: markdown, transforms: DocumentTransforms(numbering: .none))
        #expect(document.html == "<h2>总体要求</h2>\n<h3>提高站位</h3>\n")
        #expect(document.headings == [.init(level: 2, text: "总体要求"), .init(level: 3, text: "提高站位")])
    }
}
