import Foundation
import HuiwenLayout
import Testing

/// What `word/document.xml` and its sibling parts hold: every element of the model in the page's
/// order and in its named style, absent elements leaving nothing, and the page setup measured
/// through LibreOffice (../shared/reference/gbt9704-docx.md).
@Suite struct DOCXLayoutTests {
    typealias Paragraph = WordParagraphReader.Paragraph

    static func paragraphs(_ package: DOCXPackageReader) throws -> [Paragraph] {
        WordParagraphReader.paragraphs(of: try #require(package["word/document.xml"]))
    }

    /// Whether `expected` appears in `paragraphs` in this order (other paragraphs may come between).
    static func inOrder(_ expected: [Paragraph], in paragraphs: [Paragraph]) -> Bool {
        var remaining = expected[...]
        for paragraph in paragraphs where paragraph == remaining.first {
            remaining.removeFirst()
        }
        return remaining.isEmpty
    }

    @Test func everyNoticeElementAppearsInThePagesOrderWithItsStyle() throws {
        let paragraphs = try Self.paragraphs(DOCXPackageReader(DOCXWriter.file(for: DOCXFixture.notice())))
        let office = "湖南省安全生产委员会办公室"
        let expected: [Paragraph] = [
            .init(style: "CopyNumber", text: "000123"),
            .init(style: "Secrecy", text: "机密★1年"),
            .init(style: "Urgency", text: "特急"),
            .init(style: "Issuer", text: office),
            .init(style: "DocNumber", text: "湘安委办〔2026〕1号"),
            .init(style: "Title", text: "关于认真贯彻落实全国安全生产\n电视电话会议精神切实做好春节和\n全国“两会”期间安全生产工作的通知"),
            .init(style: "Recipients", text: "各市州人民政府，省安委会各成员单位："),
            .init(style: "GongwenHeading1", text: "一、提高政治站位，压紧压实安全生产责任"),
            .init(style: "GongwenHeading1", text: "二、突出重点行业领域，深化隐患排查整治"),
            .init(style: "AnnexNote", text: "附件：1.\t重点任务分工表"),
            .init(style: "AnnexNote", text: "2.\t安全生产检查要点"),
            .init(style: "Signature", text: office),
            .init(style: "SignatureDate", text: "2026年1月12日"),
            .init(style: "Note", text: "（此件公开发布）"),
            .init(style: "AttachmentLabel", text: "附件1"),
            .init(style: "AttachmentTitle", text: "重点任务分工表"),
            .init(style: "TableText", text: "开展第24项重点任务的排查整治，形成工作台账"),
            .init(style: "AttachmentLabel", text: "附件2"),
            .init(style: "AttachmentTitle", text: "安全生产检查要点"),
            .init(style: nil, text: "检查要点如下："),
            .init(style: "Imprint", text: "抄送：省委办公厅，省人大常委会办公厅，省政协办公厅，省高级人民法院，省人民检察院。"),
            .init(style: "Imprint", text: "\(office)\t2026年1月12日印发"),
        ]
        #expect(Self.inOrder(expected, in: paragraphs), "\(paragraphs.map { "\($0.style ?? "-") \($0.text)" })")
        #expect(paragraphs.first == expected.first, "the 份号 opens the document")
        #expect(paragraphs.last == expected.last, "the 版记 closes it")
    }

    @Test func absentElementsLeaveNothing() throws {
        let package = try DOCXFixture.docx("layout: notice\n")
        #expect(try Self.paragraphs(package) == [.init(style: nil, text: "正文。")])
        let document = try #require(package["word/document.xml"])
        for trace in ["framePr", "w:tbl>", "footnoteReference", "w:hyperlink", "numPr", "pageBreakBefore"] {
            #expect(!document.contains(trace), "\(trace)")
        }
        #expect(!(package["word/numbering.xml"] ?? "").contains("<w:num "))
        #expect(!(package["word/footnotes.xml"] ?? "").contains(#"<w:footnote w:id="1""#))

        // The 标志 alone brings its red rule (the empty 发文字号 paragraph's border), nothing else.
        let issuer = try Self.paragraphs(DOCXFixture.docx("layout: notice\nissuer: 省安委办\n"))
        #expect(issuer == [.init(style: "Issuer", text: "省安委办"), .init(style: "DocNumber", text: ""), .init(style: nil, text: "正文。")])
        // A 版记 with the 印发 line alone: one frame, ruled above and below.
        let imprint = try DOCXFixture.docx("layout: notice\nprintedDate: 2026年1月12日\n")
        #expect(try Self.paragraphs(imprint).last == .init(style: "Imprint", text: "\t2026年1月12日印发"))
        let frames = try #require(imprint["word/document.xml"]).components(separatedBy: "<w:framePr").count - 1
        #expect(frames == 1)
    }

    @Test func theOutlineHasItsHeadAndNoMastheadOrImprint() throws {
        let package = try DOCXFixture.docx(DOCXFixture.outlineFrontMatter, body: DOCXFixture.outlineBody)
        let paragraphs = try Self.paragraphs(package)
        #expect(Array(paragraphs.prefix(5)) == [
            .init(style: "Title", text: "在全省安全生产工作会议上的讲话提纲"),
            .init(style: "Subtitle", text: "——贯彻落实全国安全生产电视电话会议精神"),
            .init(style: "Speaker", text: "副省长　张三　（2026年1月8日）"),
            .init(style: "Salutation", text: "同志们："),
            .init(style: nil, text: "今天，我们召开全省安全生产工作会议，主要任务是传达贯彻全国安全生产电视电话会议精神。下面，我讲几点意见。"),
        ])
        let styles = Set(paragraphs.compactMap(\.style))
        #expect(styles.isDisjoint(with: ["Issuer", "DocNumber", "Imprint", "Signature", "SignatureDate", "AnnexNote"]))
        #expect(package["word/footer1.xml"] != nil)
        // The date alone: the speaker's line is the date in parentheses.
        let dateOnly = try Self.paragraphs(DOCXFixture.docx("layout: outline\ntitle: 提纲\ndate: 2026年1月8日\n"))
        #expect(dateOnly.prefix(2) == [.init(style: "Title", text: "提纲"), .init(style: "Speaker", text: "（2026年1月8日）")])
    }

    @Test func plainAndProjectLayoutsHaveTheTitleAndTheBodyWithoutPageNumbers() throws {
        let package = try DOCXFixture.docx("title: 文稿\nsignature: 省应急管理厅\n", body: "## 要求\n\n正文。\n")
        #expect(try Self.paragraphs(package) == [
            .init(style: "Title", text: "文稿"), .init(style: "GongwenHeading1", text: "要求"), .init(style: nil, text: "正文。"),
        ])
        let document = try #require(package["word/document.xml"])
        #expect(!document.contains("footerReference"))
        #expect(!(package["[Content_Types].xml"] ?? "").contains("footer"))
        #expect(document.contains(#"<w:pgSz w:w="11906" w:h="16838"/>"#))
    }

    @Test func attachmentsStartNewPagesAndTheAnnexNoteHangsAfterItsLabel() throws {
        let styles = try #require(DOCXPackageReader(DOCXWriter.file(for: DOCXFixture.notice()))["word/styles.xml"])
        let label = try #require(Self.style("AttachmentLabel", in: styles))
        #expect(label.contains("<w:pageBreakBefore/>"))
        #expect(label.contains(#"<w:rFonts w:ascii="黑体" w:hAnsi="黑体" w:eastAsia="黑体" w:cs="黑体" w:hint="eastAsia"/>"#))

        let one = try #require(DOCXFixture.docx("layout: notice\nattachments:\n  - title: 任务分工表\n")["word/document.xml"])
        #expect(one.contains(#"<w:ind w:left="1575" w:hanging="945"/></w:pPr><w:r><w:t>附件：任务分工表</w:t>"#))
        #expect(one.contains("<w:t>附件</w:t>"))
        let document = try #require(DOCXPackageReader(DOCXWriter.file(for: DOCXFixture.notice()))["word/document.xml"])
        // "附件：" from 2 字 in, the titles after "1." at 4 字 + 2 字, wrapped lines with them.
        #expect(document.contains(#"<w:tabs><w:tab w:val="left" w:pos="1890"/></w:tabs><w:spacing w:before="579"/><w:ind w:left="1890" w:hanging="1260"/>"#))
        #expect(document.contains(#"<w:ind w:left="1890" w:hanging="315"/>"#))
    }

    /// The 版记 as measured: the 抄送 and the 印发 line in two page-anchored frames across the
    /// 版心 (x 1587, width 8844), rules as their borders — 0.35 mm over the 抄送, 0.25 mm
    /// between, 0.35 mm under the 印发 line, whose frame ends on 262 mm (y 14267 + 586) —
    /// with a paragraph between the frames (LibreOffice drops a frame that directly follows
    /// another).
    @Test func theImprintIsTwoFramesAtTheFootOfTheLastPage() throws {
        let document = try #require(DOCXPackageReader(DOCXWriter.file(for: DOCXFixture.notice()))["word/document.xml"])
        let tail = try #require(document.components(separatedBy: #"<w:p><w:pPr><w:pStyle w:val="Imprint"/><w:framePr"#).dropFirst().joined().nilIfEmpty)
        // The fixture's 抄送 takes two 500 tw lines: the frame grows upwards by one.
        #expect(tail.hasPrefix(#" w:w="8844" w:h="1102" w:hRule="exact" w:wrap="notBeside" w:vAnchor="page" w:hAnchor="page" w:x="1587" w:y="13165"/>"#
            + #"<w:pBdr><w:top w:val="single" w:sz="8" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:pBdr>"#))
        #expect(tail.contains(#"</w:p><w:p><w:pPr><w:pStyle w:val="Imprint"/><w:snapToGrid w:val="0"/><w:spacing w:line="20" w:lineRule="exact"/></w:pPr></w:p>"#))
        #expect(tail.contains(#" w:w="8844" w:h="586" w:hRule="exact" w:wrap="notBeside" w:vAnchor="page" w:hAnchor="page" w:x="1587" w:y="14267"/>"#
            + #"<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="0" w:color="000000"/></w:pBdr><w:tabs><w:tab w:val="right" w:pos="8564"/></w:tabs>"#))
        // A one-line 抄送 alone: its frame ends on 262 mm, ruled 0.35 mm above and below.
        let cc = try #require(DOCXFixture.docx("layout: notice\ncc: 省委办公厅。\n")["word/document.xml"])
        #expect(cc.contains(#"w:h="602" w:hRule="exact" w:wrap="notBeside" w:vAnchor="page" w:hAnchor="page" w:x="1587" w:y="14251"/>"#
            + #"<w:pBdr><w:top w:val="single" w:sz="8" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="8" w:space="0" w:color="000000"/></w:pBdr>"#))
    }

    /// Word sets footnotes at the page's foot, where the 版记 goes: after a body with notes the
    /// 版记 starts a page of its own.
    @Test func theImprintTakesAPageOfItsOwnAfterABodyWithFootnotes() throws {
        let pageBreak = #"<w:p><w:pPr><w:pStyle w:val="Imprint"/><w:pageBreakBefore/><w:snapToGrid w:val="0"/><w:spacing w:line="20" w:lineRule="exact"/></w:pPr></w:p>"#
        let noted = try #require(DOCXFixture.docx("layout: notice\nprintedBy: 省安委办\n", body: "正文[^1]。\n\n[^1]: 注。\n")["word/document.xml"])
        #expect(noted.contains(pageBreak + #"<w:p><w:pPr><w:pStyle w:val="Imprint"/><w:framePr"#))
        // Notes in the main body only, attachments after it: the 版记 follows the last attachment.
        let notice = try #require(DOCXPackageReader(DOCXWriter.file(for: DOCXFixture.notice()))["word/document.xml"])
        #expect(!notice.contains("<w:pageBreakBefore/>"))
    }

    /// No seal: the 署名 2 字 from the right (13 字 ending at 8829 − 630 tw), the date 2 字
    /// further right than the 署名's start; with a short 署名, the date sets the block.
    @Test func theSignatureAndDateFollowTheNoSealRule() throws {
        let document = try #require(DOCXPackageReader(DOCXWriter.file(for: DOCXFixture.notice()))["word/document.xml"])
        #expect(document.contains(#"<w:pStyle w:val="Signature"/><w:spacing w:before="579"/><w:ind w:left="4104" w:firstLine="0"/><w:jc w:val="left"/>"#))
        #expect(document.contains(#"<w:pStyle w:val="SignatureDate"/><w:ind w:left="4734" w:firstLine="0"/><w:jc w:val="left"/>"#))
        // 省应急厅 (8 halves) under a 2026年1月12日 (13 halves) block of 17 halves.
        let short = try #require(DOCXFixture.docx("layout: notice\nsignature: 省应急厅\ndate: 2026年1月12日\n")["word/document.xml"])
        #expect(short.contains(#"<w:ind w:left="5522" w:firstLine="0"/>"#))
        #expect(short.contains(#"<w:ind w:left="6152" w:firstLine="0"/>"#))
    }

    /// Word cannot balance lines: a long 标题 is broken by the writer into even lines, the upper
    /// ones no shorter, never before a closing mark nor after an opening one (the page's
    /// `text-wrap: balance`).
    @Test func aLongTitleIsBrokenIntoBalancedLines() throws {
        let attachment = try Self.paragraphs(DOCXFixture.docx("layout: notice\nattachments:\n  - title: 春节和全国“两会”期间安全生产重点任务分工表\n"))
        #expect(attachment.contains(.init(style: "AttachmentTitle", text: "春节和全国“两会”期间\n安全生产重点任务分工表")))
        let short = try Self.paragraphs(DOCXFixture.docx("layout: notice\ntitle: 关于做好安全生产工作的通知\n"))
        #expect(short.first == .init(style: "Title", text: "关于做好安全生产工作的通知"))
        // 41 halves: two lines; the break may not put “ at a line's end or ， at a start.
        let marks = try Self.paragraphs(DOCXFixture.docx("layout: notice\ntitle: 关于贯彻落实全省安全生产会议精神做好“两会”，期间工作\n"))
        let lines = try #require(marks.first?.text.components(separatedBy: "\n"))
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { !$0.hasSuffix("“") && !$0.hasPrefix("，") && !$0.hasPrefix("”") })
        #expect(lines.joined() == "关于贯彻落实全省安全生产会议精神做好“两会”，期间工作")
        let core = try DOCXPackageReader(DOCXWriter.file(for: DOCXFixture.notice()))["docProps/core.xml"]
        #expect(core?.contains("<dc:title>关于认真贯彻落实全国安全生产电视电话会议精神") == true, "the property keeps the title whole")
    }

    @Test func aLongIssuerIsNarrowedOntoOneLine() throws {
        let long = try #require(DOCXFixture.docx("layout: notice\nissuer: 湖南省安全生产委员会办公室\n")["word/document.xml"])
        #expect(long.contains(#"<w:rPr><w:w w:val="94"/></w:rPr><w:t>湖南省安全生产委员会办公室</w:t>"#))
        let short = try #require(DOCXFixture.docx("layout: notice\nissuer: 省安委办\n")["word/document.xml"])
        #expect(!short.contains("<w:w "))
    }

    @Test func thePageIsSetUpAsMeasured() throws {
        let package = try DOCXPackageReader(DOCXWriter.file(for: DOCXFixture.notice()))
        let document = try #require(package["word/document.xml"])
        #expect(document.hasSuffix(
            #"<w:sectPr><w:footerReference w:type="even" r:id="rId7"/><w:footerReference w:type="default" r:id="rId6"/>"#
                + #"<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1951" w:right="1490" w:bottom="2149" w:left="1587" "#
                + #"w:header="851" w:footer="1427" w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="579"/>"#
                + "</w:sectPr></w:body></w:document>"))
        let styles = try #require(package["word/styles.xml"])
        let defaults = #"<w:spacing w:val="-5"/><w:kern w:val="0"/><w:sz w:val="32"/><w:szCs w:val="32"/>"#
        #expect(styles.components(separatedBy: defaults).count == 3, "docDefaults and Normal both carry −5 and 16 pt")
        let normal = try #require(Self.style("Normal", in: styles))
        for property in [#"<w:widowControl w:val="0"/>"#, #"<w:kinsoku w:val="1"/>"#, #"<w:snapToGrid w:val="1"/>"#, #"w:firstLine="630""#] {
            #expect(normal.contains(property), "\(property)")
        }
        // Hanging punctuation is on when the property is absent, in Word (ISO/IEC 29500 17.3.1.21)
        // and in LibreOffice; LibreOffice 7.4 reads an explicit w:val="1" as off.
        #expect(!package.entries.contains { $0.text.contains("overflowPunct") })
        let settings = try #require(package["word/settings.xml"])
        #expect(settings.contains("<w:evenAndOddHeaders/>"))
        #expect(settings.contains(#"<w:characterSpacingControl w:val="doNotCompress"/>"#))

        let odd = try #require(package["word/footer1.xml"])
        let even = try #require(package["word/footer2.xml"])
        #expect(odd.contains(#"<w:ind w:right="264" w:firstLine="0"/><w:jc w:val="right"/>"#))
        #expect(even.contains(#"<w:ind w:left="280" w:firstLine="0"/><w:jc w:val="left"/>"#))
        for footer in [odd, even] {
            #expect(WordParagraphReader.paragraphs(of: footer).map(\.text) == ["— 1 —"])
            #expect(footer.contains(#"<w:instrText xml:space="preserve"> PAGE </w:instrText>"#))
        }
        let pageNumber = try #require(Self.style("Footer", in: styles))
        #expect(pageNumber.contains(#"w:eastAsia="宋体""#) && pageNumber.contains(#"<w:sz w:val="28"/>"#))
    }

    @Test func everyElementHasANamedStyleAndHeadingsHaveOutlineLevels() throws {
        let styles = try #require(DOCXPackageReader(DOCXWriter.file(for: DOCXFixture.notice()))["word/styles.xml"])
        let names = [
            "Normal": "Normal", "Title": "Title", "Subtitle": "Subtitle", "GongwenHeading1": "一级标题", "GongwenHeading2": "二级标题",
            "GongwenHeading3": "三级标题", "GongwenHeading4": "四级标题", "Issuer": "发文机关标志", "DocNumber": "发文字号",
            "Recipients": "主送机关", "AnnexNote": "附件说明", "Signature": "署名", "SignatureDate": "成文日期", "Note": "附注",
            "AttachmentLabel": "附件标签", "AttachmentTitle": "附件标题", "TableText": "表格", "TableHeader": "表头",
            "BlockQuote": "引文", "CodeBlock": "代码", "FootnoteText": "footnote text", "Imprint": "版记", "Footer": "footer",
            "PageNumber": "page number", "Speaker": "讲话人", "Salutation": "称谓",
        ]
        for (id, name) in names {
            let style = try #require(Self.style(id, in: styles), "\(id)")
            #expect(style.contains(#"<w:name w:val="\#(name)"/>"#), "\(id)")
        }
        for (id, level) in [("Title", 0), ("AttachmentTitle", 0), ("GongwenHeading1", 1), ("GongwenHeading2", 2), ("GongwenHeading3", 3), ("GongwenHeading4", 4)] {
            #expect(try #require(Self.style(id, in: styles)).contains(#"<w:outlineLvl w:val="\#(level)"/>"#), "\(id)")
        }
        let fonts = [("Title", "方正小标宋简体"), ("GongwenHeading1", "黑体"), ("GongwenHeading2", "楷体_GB2312"), ("Normal", "仿宋_GB2312")]
        for (id, font) in fonts {
            let style = try #require(Self.style(id, in: styles))
            #expect(style.contains(#"w:eastAsia="\#(font)" w:cs="\#(font)" w:hint="eastAsia""#), "\(id)")
            #expect(!style.contains("<w:b/>"), "\(id) is not bold")
        }
        let issuer = try #require(Self.style("Issuer", in: styles))
        #expect(issuer.contains(#"<w:color w:val="E60000"/>"#) && issuer.contains(#"<w:sz w:val="72"/>"#))
        #expect(try #require(Self.style("DocNumber", in: styles)).contains(#"<w:bottom w:val="single" w:sz="8" w:space="6" w:color="E60000"/>"#))
        #expect(try #require(Self.style("Imprint", in: styles)).contains(#"<w:sz w:val="28"/>"#))
    }

    /// The `w:style` element with this id.
    static func style(_ id: String, in styles: String) -> String? {
        guard let start = styles.range(of: #"w:styleId="\#(id)""#) else { return nil }
        guard let end = styles.range(of: "</w:style>", range: start.upperBound..<styles.endIndex) else { return nil }
        return String(styles[start.lowerBound..<end.upperBound])
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
