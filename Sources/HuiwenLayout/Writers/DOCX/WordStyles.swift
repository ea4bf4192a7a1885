/// `word/styles.xml`: the document defaults and every ``WordStyle``.
enum WordStyles {
    static let xml: String = {
        var xml = WordPackage.xmlDeclaration
        xml += #"<w:styles xmlns:w="\#(WordPackage.wordNamespace)">"#
        xml += "<w:docDefaults><w:rPrDefault><w:rPr>\(WordStyle.defaultRun.xml)</w:rPr></w:rPrDefault>"
        xml += "<w:pPrDefault><w:pPr>\(WordStyle.defaultParagraph.xml)</w:pPr></w:pPrDefault></w:docDefaults>"
        for style in WordStyle.allCases {
            xml += style.element
        }
        xml += #"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>"#
        xml += #"<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>"#
        xml += #"<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>"#
        xml += #"<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#
        xml += "</w:styles>"
        return xml
    }()
}

extension WordStyle {
    /// The `w:style` element.
    var element: String {
        let type = isCharacterStyle ? "character" : "paragraph"
        var xml = #"<w:style w:type="\#(type)""#
        if self == .body { xml += #" w:default="1""# }
        xml += #" w:styleId="\#(id)"><w:name w:val="\#(name)"/>"#
        if self == .body {
            xml += #"<w:aliases w:val="正文"/>"#
        } else if !isCharacterStyle {
            xml += #"<w:basedOn w:val="\#(basedOn.id)"/><w:next w:val="\#(next.id)"/>"#
        }
        xml += "<w:qFormat/>"
        let paragraph = paragraph.xml
        if !paragraph.isEmpty { xml += "<w:pPr>\(paragraph)</w:pPr>" }
        let run = run.xml
        if !run.isEmpty { xml += "<w:rPr>\(run)</w:rPr>" }
        return xml + "</w:style>"
    }

    private var basedOn: WordStyle {
        switch self {
        case .attachmentTitle: .title
        case .tableHeader: .tableText
        default: .body
        }
    }

    /// The style Word gives the paragraph after one of this style when a colleague presses
    /// Enter.
    private var next: WordStyle {
        switch self {
        case .signature: .date
        case .tableHeader: .tableText
        case .copyNumber, .secrecy, .urgency, .tableText, .code, .blockQuote, .footnoteText, .imprint, .footer: self
        default: .body
        }
    }
}
