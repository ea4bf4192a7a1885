import HuiwenMarkdown

/// `word/numbering.xml`: one abstract definition for ordered lists ("1." at every level, as the
/// page shows `1.`) and one for bullets, and one numbering instance per list of the bodies, so
/// each list starts at its own first number.
struct WordNumbering {
    private struct Instance {
        var kind: MarkdownList.Kind
        var start: Int
        var level: Int
    }

    private var instances: [Instance] = []

    /// A new instance for a list at nesting `level` (0 at the top); its `numId`.
    mutating func add(_ kind: MarkdownList.Kind, start: Int, level: Int) -> Int {
        instances.append(Instance(kind: kind, start: start, level: level))
        return instances.count
    }

    /// The part's XML.
    var xml: String {
        var xml = WordPackage.xmlDeclaration
        xml += #"<w:numbering xmlns:w="\#(WordPackage.wordNamespace)">"#
        xml += Self.abstracts
        for (index, instance) in instances.enumerated() {
            xml += #"<w:num w:numId="\#(index + 1)"><w:abstractNumId w:val="\#(instance.kind == .ordered ? 0 : 1)"/>"#
            // Every instance restarts: instances of one abstract definition share its counters.
            xml += #"<w:lvlOverride w:ilvl="\#(instance.level)"><w:startOverride w:val="\#(instance.start)"/></w:lvlOverride>"#
            xml += "</w:num>"
        }
        xml += "</w:numbering>"
        return xml
    }

    /// The two definitions, the same in every document.
    private static let abstracts = abstract(id: 0, kind: .ordered) + abstract(id: 1, kind: .bullet)

    /// Nine levels. The page writes the marker inside the text, 2 字 in (`li { text-indent: 2em }`),
    /// with wrapped lines back at the level's left edge: a first-line indent, not a hanging one.
    private static func abstract(id: Int, kind: MarkdownList.Kind) -> String {
        var xml = #"<w:abstractNum w:abstractNumId="\#(id)"><w:multiLevelType w:val="multilevel"/>"#
        for level in 0..<9 {
            xml += #"<w:lvl w:ilvl="\#(level)"><w:start w:val="1"/>"#
            switch kind {
            case .ordered:
                // "1." directly followed by the text, as 公文 writes 1.
                xml += #"<w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%\#(level + 1)."/>"#
            case .bullet:
                xml += #"<w:numFmt w:val="bullet"/><w:suff w:val="space"/><w:lvlText w:val="•"/>"#
            }
            xml += #"<w:lvlJc w:val="left"/>"#
            xml += #"<w:pPr><w:ind w:left="\#(level * WordPage.indent)" w:firstLine="\#(WordPage.indent)"/></w:pPr>"#
            if kind == .bullet {
                xml += #"<w:rPr><w:rFonts w:ascii="\#(WordFont.fangSong)" w:hAnsi="\#(WordFont.fangSong)" w:hint="eastAsia"/></w:rPr>"#
            }
            xml += "</w:lvl>"
        }
        xml += "</w:abstractNum>"
        return xml
    }
}
