import Foundation
import HuiwenLayout
import Testing

/// The bodies' trees as Word content: headings with their 公文 numbers, lists on numbering.xml,
/// tables, real footnotes, hyperlinks, run formatting as the page shows it.
@Suite struct DOCXBodyTests {
    static func notice() throws -> (package: DOCXPackageReader, document: String) {
        let package = try DOCXPackageReader(DOCXWriter.file(for: DOCXFixture.notice()))
        return (package, try #require(package["word/document.xml"]))
    }

    @Test func headingsCarryTheirNumberAsTextInTheirLevelsStyle() throws {
        let paragraphs = WordParagraphReader.paragraphs(of: try Self.notice().document)
        let headings = paragraphs.filter { $0.style?.hasPrefix("GongwenHeading") == true }
        #expect(headings.map(\.text) == [
            "一、提高政治站位，压紧压实安全生产责任", "（一）强化组织领导", "1.落实“三个必须”", "（1）加强督导检查",
            "二、突出重点行业领域，深化隐患排查整治",
        ])
        #expect(headings.map(\.style) == ["GongwenHeading1", "GongwenHeading2", "GongwenHeading3", "GongwenHeading4", "GongwenHeading1"])
    }

    @Test func listsAreNumberedByWordFromTheirStart() throws {
        let (package, document) = try Self.notice()
        #expect(document.contains(#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>"#))
        #expect(document.contains(#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>"#))
        let numbering = try #require(package["word/numbering.xml"])
        #expect(numbering.contains(#"<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>"#))
        #expect(numbering.contains(#"<w:num w:numId="2"><w:abstractNumId w:val="1"/>"#))
        #expect(numbering.contains(#"<w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%1."/>"#))
        #expect(numbering.contains(#"<w:numFmt w:val="bullet"/>"#))

        let nested = try DOCXFixture.docx("layout: notice\n", body: "3. 甲\n   - 乙\n4. 丙\n\n- [x] 完成\n- [ ] 未完成\n")
        let text = try #require(nested["word/document.xml"])
        #expect(text.contains(#"<w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr>"#))
        #expect(nested["word/numbering.xml"]?.contains(#"<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/>"#) == true)
        let items = WordParagraphReader.paragraphs(of: text).map(\.text)
        #expect(items == ["甲", "乙", "丙", "☑ 完成", "☐ 未完成"])
    }

    @Test func listsDeeperThanWordsNineLevelsStayOnTheNinth() throws {
        let body = (0..<12).map { String(repeating: "  ", count: $0) + "- 第\($0)层" }.joined(separator: "\n") + "\n"
        let package = try DOCXFixture.docx("layout: notice\n", body: body)
        let levels = (package["word/document.xml"] ?? "") + (package["word/numbering.xml"] ?? "")
        let used = DOCXPackageTests.captures(#"w:ilvl="(\d+)""#, in: levels).compactMap { Int($0) }
        #expect(used.max() == 8)
        #expect(WordParagraphReader.paragraphs(of: package["word/document.xml"] ?? "").count == 12)
    }

    @Test func tablesAreWordTablesWithARepeatedHeaderAndAlignedColumns() throws {
        let (_, document) = try Self.notice()
        #expect(document.components(separatedBy: "<w:tbl>").count == 3)
        #expect(document.components(separatedBy: "<w:tblHeader/>").count == 3)
        #expect(document.contains(#"<w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#))
        let table = try #require(document.components(separatedBy: "<w:tbl>").dropFirst().first)
        // |:--:|:--|--:|---|: centred, left, right, and none (the header centres, cells go left).
        let header = Array(table.components(separatedBy: "<w:tc>").dropFirst().prefix(4))
        #expect(header[0].contains(#"<w:pStyle w:val="TableHeader"/><w:jc w:val="center"/>"#))
        #expect(header[1].contains(#"<w:pStyle w:val="TableHeader"/><w:jc w:val="left"/>"#))
        #expect(header[2].contains(#"<w:pStyle w:val="TableHeader"/><w:jc w:val="right"/>"#))
        #expect(header[3].contains(#"<w:pStyle w:val="TableHeader"/></w:pPr>"#))
        #expect(table.contains(#"<w:trHeight w:val="569" w:hRule="atLeast"/><w:tblHeader/>"#))
        #expect(table.contains(#"<w:trHeight w:val="579" w:hRule="atLeast"/></w:trPr>"#))
        let widths = DOCXPackageTests.captures(#"<w:gridCol w:w="(\d+)"/>"#, in: table).compactMap { Int($0) }
        #expect(widths.count == 4 && widths.reduce(0, +) == 8829)
    }

    /// Columns are laid out as a browser lays out an automatic table: a header never wraps, a
    /// date keeps its digits together, the long column takes what is left.
    @Test func columnWidthsGiveShortColumnsTheirWidthAndTheRestToLongOnes() throws {
        let rows = (1...3).map { "| \($0) | 省工业和信息化厅、省住房和城乡建设厅、省市场监督管理局、国家矿山安全监察局湖南局 | 2026年2月13日前 |\n" }
        let table = "| 序号 | 配合单位 | 完成时限 |\n|--|--|--|\n" + rows.joined()
        let document = try #require(DOCXFixture.docx("layout: notice\n", body: table)["word/document.xml"])
        let widths = DOCXPackageTests.captures(#"<w:gridCol w:w="(\d+)"/>"#, in: document).compactMap { Int($0) }
        #expect(widths.reduce(0, +) == 8829)
        // 12 pt: 240 tw a character, 216 tw of cell margins.
        #expect(widths[0] >= 2 * 240 + 216, "序号 on one line")
        #expect(widths[2] >= 4 * 240 + 216, "完成时限 on one line")
        #expect(widths[1] > widths[0] + widths[2], "the long column takes the most")
        // Everything fits on one line: the spare width goes by the widest cells.
        let small = try #require(DOCXFixture.docx("layout: notice\n", body: "| 甲 | 乙乙 |\n|--|--|\n| 1 | 2 |\n")["word/document.xml"])
        let fitting = DOCXPackageTests.captures(#"<w:gridCol w:w="(\d+)"/>"#, in: small).compactMap { Int($0) }
        #expect(fitting.reduce(0, +) == 8829 && fitting[0] < fitting[1])
    }

    @Test func footnotesAreWordFootnotesNumberedAsTheTreeNumbersThem() throws {
        let (package, document) = try Self.notice()
        #expect(document.contains(#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>"#))
        let footnotes = try #require(package["word/footnotes.xml"])
        #expect(footnotes.contains(#"<w:footnote w:type="separator" w:id="-1">"#))
        #expect(footnotes.contains(#"<w:footnote w:type="continuationSeparator" w:id="0">"#))
        let notes = WordParagraphReader.paragraphs(of: footnotes).filter { $0.style == "FootnoteText" }
        #expect(notes.map(\.text) == [" 《中华人民共和国安全生产法》第三条。"])
        #expect(!document.contains("《中华人民共和国安全生产法》"), "the note's text is not in the body")

        // The main body and an attachment both with notes: each keeps the tree's numbers.
        let two = try DOCXFixture.docx(
            "layout: notice\nattachments:\n  - title: 表\n    partial: a\n", body: "甲[^x]乙[^y]，再引[^x]。\n\n[^x]: 注一。\n[^y]: 注二。\n",
            partials: ["a": "丙[^z]。\n\n[^z]: 注三[链接](https://example.com/)。\n"])
        let text = try #require(two["word/document.xml"])
        #expect(text.contains(#"<w:footnoteReference w:customMarkFollows="1" w:id="1"/><w:t>1</w:t>"#))
        #expect(text.contains(#"<w:footnoteReference w:customMarkFollows="1" w:id="2"/><w:t>2</w:t>"#))
        #expect(text.contains(#"<w:footnoteReference w:customMarkFollows="1" w:id="3"/><w:t>1</w:t>"#))
        #expect(text.contains(#"<w:vertAlign w:val="superscript"/></w:rPr><w:t>1</w:t>"#), "a second reference is its number")
        #expect(text.components(separatedBy: "<w:footnoteReference").count == 4)
        let notes2 = try #require(two["word/footnotes.xml"])
        #expect(WordParagraphReader.paragraphs(of: notes2).map(\.text).filter { !$0.isEmpty } == ["1 注一。", "2 注二。", "1 注三链接。"])
        #expect(notes2.contains(#"<w:hyperlink r:id="rId1">"#))
        #expect(two["word/_rels/footnotes.xml.rels"]?.contains(#"Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com/" TargetMode="External""#) == true)
    }

    @Test func inlinesAreFormattedAsThePageShowsThem() throws {
        let (package, document) = try Self.notice()
        // Emphasis is 楷体, not italic; strong is bold; strikethrough struck; code monospace.
        #expect(document.contains(#"<w:rPr><w:rFonts w:ascii="楷体_GB2312" w:hAnsi="楷体_GB2312" w:eastAsia="楷体_GB2312" w:cs="楷体_GB2312" w:hint="eastAsia"/></w:rPr><w:t>坚持人民至上、生命至上</w:t>"#))
        #expect(!document.contains("<w:i/>"))
        #expect(document.contains(#"<w:rPr><w:b/><w:bCs/></w:rPr><w:t>更加突出的位置</w:t>"#))
        #expect(document.contains(#"<w:rPr><w:strike/></w:rPr><w:t>层层传导压力</w:t>"#))
        #expect(document.contains(#"w:ascii="Courier New" w:hAnsi="Courier New" w:eastAsia="仿宋_GB2312""#))
        #expect(document.contains(#"<w:t>npm run check</w:t>"#))
        // A link to an external relationship, its text not coloured.
        #expect(document.contains(#"<w:hyperlink r:id="rId8" w:tooltip="应急管理部"><w:r><w:t>应急管理部网站</w:t></w:r></w:hyperlink>"#))
        #expect(package["word/_rels/document.xml.rels"]?.contains(#"<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.mem.gov.cn/" TargetMode="External"/>"#) == true)
        #expect(!document.contains("w:color w:val=\"0000FF\""))
    }

    @Test func blocksKeepTheirShape() throws {
        let (_, document) = try Self.notice()
        let paragraphs = WordParagraphReader.paragraphs(of: document)
        #expect(paragraphs.contains(.init(style: "BlockQuote", text: "引用：安全生产工作只有起点，没有终点。")))
        // One 代码 paragraph a line, spaces kept.
        #expect(paragraphs.filter { $0.style == "CodeBlock" }.map(\.text) == ["check --all  --year 2026", "report > out.txt"])
        #expect(document.contains(#"<w:t xml:space="preserve">check --all  --year 2026</w:t>"#))
        // The thematic break is an empty paragraph with a bottom border.
        #expect(document.contains(#"<w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr><w:ind w:firstLine="0"/></w:pPr></w:p>"#))

        let breaks = try #require(DOCXFixture.docx("layout: notice\n", body: "中文\n接着 and\nmore  \n下一行 ![图一](http://x/y.png)\n\n<div>raw</div>\n")["word/document.xml"])
        #expect(WordParagraphReader.paragraphs(of: breaks).map(\.text) == ["中文接着 and more\n下一行 图一"])
        #expect(!breaks.contains("http://x/y.png"))
        #expect(!breaks.contains("raw"))
    }
}
