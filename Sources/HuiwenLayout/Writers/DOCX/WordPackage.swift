/// The fixed parts of the package and the names they share: namespaces, content types,
/// relationships, settings, fonts and the page-number footers.
enum WordPackage {
    static let xmlDeclaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// `document.xml`'s relationships: fixed ids for its parts, hyperlinks after them.
    static let stylesID = "rId1", settingsID = "rId2", fontTableID = "rId3", numberingID = "rId4", footnotesID = "rId5"
    static let oddFooterID = "rId6", evenFooterID = "rId7"
    static let firstHyperlinkNumber = 8

    static func relationshipType(_ name: String) -> String {
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" + name
    }

    private static let wordprocessingML = "application/vnd.openxmlformats-officedocument.wordprocessingml."

    /// `[Content_Types].xml`.
    static func contentTypes(footers: Bool, charts: WordCharts = WordCharts()) -> String {
        var xml = xmlDeclaration
        xml += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        if !charts.isEmpty { xml += #"<Default Extension="xlsx" ContentType="\#(WordCharts.workbookContentType)"/>"# }
        var overrides = [
            ("/word/document.xml", wordprocessingML + "document.main+xml"),
            ("/word/styles.xml", wordprocessingML + "styles+xml"),
            ("/word/settings.xml", wordprocessingML + "settings+xml"),
            ("/word/fontTable.xml", wordprocessingML + "fontTable+xml"),
            ("/word/numbering.xml", wordprocessingML + "numbering+xml"),
            ("/word/footnotes.xml", wordprocessingML + "footnotes+xml"),
        ]
        if footers {
            overrides.append(("/word/footer1.xml", wordprocessingML + "footer+xml"))
            overrides.append(("/word/footer2.xml", wordprocessingML + "footer+xml"))
        }
        overrides += charts.overrides
        overrides.append(("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"))
        overrides.append(("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"))
        for (part, type) in overrides {
            xml += #"<Override PartName="\#(part)" ContentType="\#(type)"/>"#
        }
        return xml + "</Types>"
    }

    /// `_rels/.rels`.
    static let packageRelationships = xmlDeclaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="\#(relationshipType("officeDocument"))" Target="word/document.xml"/>"#
        + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
        + #"<Relationship Id="rId3" Type="\#(relationshipType("extended-properties"))" Target="docProps/app.xml"/>"#
        + "</Relationships>"

    /// `word/_rels/document.xml.rels`: the parts, then the hyperlinks of the text, then the charts.
    static func documentRelationships(footers: Bool, hyperlinks: WordRelationships, charts: WordCharts = WordCharts()) -> String {
        var xml = xmlDeclaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        var parts = [
            (stylesID, "styles", "styles.xml"), (settingsID, "settings", "settings.xml"), (fontTableID, "fontTable", "fontTable.xml"),
            (numberingID, "numbering", "numbering.xml"), (footnotesID, "footnotes", "footnotes.xml"),
        ]
        if footers {
            parts.append((oddFooterID, "footer", "footer1.xml"))
            parts.append((evenFooterID, "footer", "footer2.xml"))
        }
        for (id, type, target) in parts {
            xml += #"<Relationship Id="\#(id)" Type="\#(relationshipType(type))" Target="\#(target)"/>"#
        }
        return xml + hyperlinks.xml + charts.relationships + "</Relationships>"
    }

    /// `word/_rels/footnotes.xml.rels`: the hyperlinks inside footnotes.
    static func footnoteRelationships(_ hyperlinks: WordRelationships) -> String {
        xmlDeclaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + hyperlinks.xml + "</Relationships>"
    }

    /// `word/settings.xml`: odd and even footers; Chinese punctuation not compressed (the grid
    /// of 28 characters holds); the separator footnotes. Children in the schema's order.
    static let settings = xmlDeclaration
        + #"<w:settings xmlns:w="\#(wordNamespace)">"#
        + #"<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>"#
        + #"<w:characterSpacingControl w:val="doNotCompress"/>"#
        + #"<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>"#
        + #"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#
        + #"<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>"#
        + "</w:settings>"

    /// `word/fontTable.xml`: the standard's fonts with the GB2312 character set, so Word and
    /// WPS pick a Chinese face of the same kind when one is missing.
    static let fontTable: String = {
        var xml = xmlDeclaration + #"<w:fonts xmlns:w="\#(wordNamespace)">"#
        let fonts: [(name: String, alternative: String?, family: String, pitch: String, chinese: Bool)] = [
            (WordFont.fangSong, "仿宋", "modern", "fixed", true),
            (WordFont.xiaoBiaoSong, "宋体", "script", "fixed", true),
            (WordFont.heiTi, "SimHei", "modern", "fixed", true),
            (WordFont.kaiTi, "楷体", "modern", "fixed", true),
            (WordFont.songTi, "SimSun", "auto", "variable", true),
            (WordFont.monospace, nil, "modern", "fixed", false),
        ]
        for font in fonts {
            xml += #"<w:font w:name="\#(font.name)">"#
            if let alternative = font.alternative { xml += #"<w:altName w:val="\#(alternative)"/>"# }
            xml += #"<w:charset w:val="\#(font.chinese ? "86" : "00")"/><w:family w:val="\#(font.family)"/><w:pitch w:val="\#(font.pitch)"/></w:font>"#
        }
        return xml + "</w:fonts>"
    }()

    /// `docProps/app.xml`.
    static let application = xmlDeclaration
        + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#
        + "<Application>huiwen</Application></Properties>"

    /// The page-number footers: "— N —" in 4号 宋体; odd pages on the right 1 字 in, even pages on
    /// the left (indents 264 and 280 as measured, gbt9704-docx.md "Footers").
    static let oddFooter = footer(odd: true)
    static let evenFooter = footer(odd: false)

    private static func footer(odd: Bool) -> String {
        var xml = xmlDeclaration + #"<w:ftr xmlns:w="\#(wordNamespace)" xmlns:r="\#(relationshipsNamespace)"><w:p><w:pPr>"#
        xml += #"<w:pStyle w:val="\#(WordStyle.footer.id)"/>"#
        xml += odd ? #"<w:ind w:right="264" w:firstLine="0"/><w:jc w:val="right"/>"# : #"<w:ind w:left="280" w:firstLine="0"/><w:jc w:val="left"/>"#
        xml += "</w:pPr>"
        let style = #"<w:rPr><w:rStyle w:val="\#(WordStyle.pageNumber.id)"/></w:rPr>"#
        xml += #"<w:r>\#(style)<w:t xml:space="preserve">— </w:t></w:r>"#
        xml += #"<w:r>\#(style)<w:fldChar w:fldCharType="begin"/></w:r>"#
        xml += #"<w:r>\#(style)<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#
        xml += #"<w:r>\#(style)<w:fldChar w:fldCharType="separate"/></w:r>"#
        xml += #"<w:r>\#(style)<w:t>1</w:t></w:r>"#
        xml += #"<w:r>\#(style)<w:fldChar w:fldCharType="end"/></w:r>"#
        xml += #"<w:r>\#(style)<w:t xml:space="preserve"> —</w:t></w:r>"#
        return xml + "</w:p></w:ftr>"
    }
}
