import Foundation
import HuiwenLayout
import Testing

/// The `.docx` as a package: its parts, their order, the ZIP fields that make it
/// byte-identical, the core properties, and XML that stays well-formed whatever the text.
@Suite struct DOCXPackageTests {
    static let noticeParts = [
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
        "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/numbering.xml",
        "word/footnotes.xml", "word/_rels/footnotes.xml.rels", "word/footer1.xml", "word/footer2.xml",
    ]

    @Test func partsComeInAFixedOrderWithTheContentTypesFirst() throws {
        let package = try DOCXPackageReader(DOCXWriter.file(for: DOCXFixture.notice()))
        #expect(package.paths == Self.noticeParts)
        let plain = try DOCXFixture.docx("title: 文稿\n")
        #expect(plain.paths == Self.noticeParts.filter { !$0.contains("footer") })
    }

    @Test func twoCallsGiveIdenticalBytes() throws {
        let first = try DOCXWriter.file(for: DOCXFixture.notice())
        let second = try DOCXWriter.file(for: DOCXFixture.notice())
        #expect(first == second)
        let document = try DOCXFixture.notice()
        #expect(try DOCXWriter.file(for: document) == DOCXWriter.file(for: document))
    }

    /// Stored entries (deflate differs between zlib builds) stamped 1980-01-01 00:00 in every
    /// header: DOS date 0x0021, time 0, whatever the machine's time zone (run the suite under
    /// TZ=Asia/Shanghai to see it hold).
    @Test func entriesAreStoredWithTheFixedDate() throws {
        let package = try DOCXPackageReader(DOCXWriter.file(for: DOCXFixture.notice()))
        #expect(package.entries.allSatisfy { !$0.isCompressed })
        let stamps = package.localHeaderTimestamps
        #expect(stamps.count == package.entries.count)
        #expect(stamps.allSatisfy { $0.time == 0 && $0.date == 0x0021 })
        // The central directory holds the same fields at offsets 12 and 14.
        let bytes = package.bytes
        var central = 0
        for offset in 0..<(bytes.count - 16) where bytes[offset..<offset + 4].elementsEqual([0x50, 0x4B, 0x01, 0x02]) {
            central += 1
            #expect(bytes[offset + 12] == 0 && bytes[offset + 13] == 0, "time of central entry \(central)")
            #expect(bytes[offset + 14] == 0x21 && bytes[offset + 15] == 0, "date of central entry \(central)")
        }
        #expect(central == package.entries.count)
    }

    @Test func everyPartIsWellFormedAndNamedInTheContentTypes() throws {
        let package = try DOCXPackageReader(DOCXWriter.file(for: DOCXFixture.notice()))
        for entry in package.entries {
            #expect(DOCXPackageReader.parseError(entry.text) == nil, "\(entry.path)")
            #expect(entry.text.hasPrefix(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#), "\(entry.path)")
        }
        let types = try #require(package["[Content_Types].xml"])
        for path in package.paths where !path.hasSuffix(".rels") && path != "[Content_Types].xml" {
            #expect(types.contains(#"<Override PartName="/\#(path)""#), "\(path) has no content type")
        }
    }

    @Test func everyInternalRelationshipPointsAtAPart() throws {
        let package = try DOCXPackageReader(DOCXWriter.file(for: DOCXFixture.notice()))
        for (rels, folder) in [("_rels/.rels", ""), ("word/_rels/document.xml.rels", "word/"), ("word/_rels/footnotes.xml.rels", "word/")] {
            let text = try #require(package[rels])
            for target in Self.captures(#"Target="([^"]+)"(?! TargetMode)"#, in: text) {
                #expect(package[folder + target] != nil, "\(rels) → \(target)")
            }
        }
        let document = try #require(package["word/document.xml"])
        let rels = try #require(package["word/_rels/document.xml.rels"])
        for id in Self.captures(#"r:id="([^"]+)""#, in: document) {
            #expect(rels.contains(#"Id="\#(id)""#), "\(id) is not a relationship of document.xml")
        }
    }

    @Test func corePropertiesCarryTheTitleTheOfficeAndTheDocumentsOwnDate() throws {
        let notice = try #require(DOCXPackageReader(DOCXWriter.file(for: DOCXFixture.notice()))["docProps/core.xml"])
        #expect(notice.contains("<dc:title>关于认真贯彻落实全国安全生产电视电话会议精神切实做好春节和全国“两会”期间安全生产工作的通知</dc:title>"))
        #expect(notice.contains("<dc:creator>湖南省安全生产委员会办公室</dc:creator>"))
        #expect(notice.contains(#"<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-12T00:00:00Z</dcterms:created>"#))
        #expect(notice.contains(#"<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-12T00:00:00Z</dcterms:modified>"#))

        let outline = try #require(DOCXFixture.docx(DOCXFixture.outlineFrontMatter)["docProps/core.xml"])
        #expect(outline.contains("2026-01-08T00:00:00Z</dcterms:created>"))
        #expect(outline.contains("<dc:creator>副省长　张三</dc:creator>"), "an outline's speaker is its author")
        let bare = try #require(DOCXFixture.docx("layout: notice\n")["docProps/core.xml"])
        #expect(bare.contains("<dc:creator>huiwen</dc:creator>"), "no office named: the tool")

        let iso = try #require(DOCXFixture.docx("layout: notice\nsignature: 省应急管理厅\ndate: \"2026-1-5\"\n")["docProps/core.xml"])
        #expect(iso.contains(">2026-01-05T00:00:00Z</dcterms:created>"))
        #expect(iso.contains("<dc:creator>省应急管理厅</dc:creator>"))
        #expect(!iso.contains("<dc:title>"))

        // Never the clock's time: no date that can be read, no date at all.
        for date in ["二〇二六年一月十二日", "2026年13月1日", "2026年2月30日", "明天", "2026-01-12T08:00"] {
            let core = try #require(DOCXFixture.docx("layout: notice\ndate: \"\(date)\"\n")["docProps/core.xml"])
            #expect(!core.contains("dcterms:created"), "\(date)")
            #expect(!core.contains("dcterms:modified"), "\(date)")
        }
    }

    /// Text from data or templates is text in every part: markup characters escaped, the
    /// controls XML 1.0 forbids dropped, `]]>` harmless.
    @Test func hostileTextStaysTextAndEveryPartStaysWellFormed() throws {
        let package = try DOCXFixture.docx(DOCXFixture.hostileFrontMatter, body: DOCXFixture.hostileBody)
        for entry in package.entries {
            #expect(DOCXPackageReader.parseError(entry.text) == nil, "\(entry.path)")
            #expect(!entry.text.contains("<script>"), "\(entry.path)")
            #expect(!entry.text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0 == "\u{FFFE}" || $0 == "\u{FFFF}" }, "\(entry.path)")
        }
        let paragraphs = WordParagraphReader.paragraphs(of: try #require(package["word/document.xml"]))
        let expected = "<script>alert(\"x\")</script> & ]]>  end"
        // (A title this long is broken into balanced lines.)
        #expect(paragraphs.contains { $0.style == "Title" && $0.text.replacingOccurrences(of: "\n", with: "") == expected })
        #expect(paragraphs.contains { $0.style == "Issuer" && $0.text == expected })
        #expect(paragraphs.contains { $0.style == "Imprint" && $0.text == "抄送：" + expected })
        #expect(paragraphs.contains { $0.text == "正文 <script> a & b ]]>  链接 与 raw。" })
        let rels = try #require(package["word/_rels/document.xml.rels"])
        #expect(rels.contains(#"Target="https://example.com/a?b=1&amp;c=%22d%22" TargetMode="External""#))
        #expect(package["docProps/core.xml"]?.contains("<dc:title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt;  end</dc:title>") == true)
    }

    static func captures(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
