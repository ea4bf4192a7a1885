/// Paragraph properties (`w:pPr`) as values, written in the order the schema's sequence asks
/// for (Word refuses a file whose `pPr` children are out of order; LibreOffice does not care).
/// Used for the styles and for the direct formatting of a paragraph alike.
struct ParagraphProperties: Equatable {
    /// A paragraph border edge: `sz` in eighths of a point, `space` in points.
    struct Border: Equatable {
        var size: Int
        var space: Int
        var color = "000000"
    }

    /// A page-anchored frame (`w:framePr`): the 版记 sits in two of them.
    struct Frame: Equatable {
        var x: Int, y: Int, width: Int, height: Int
    }

    /// `w:ind`; nil leaves the value to the style.
    struct Indentation: Equatable {
        var left: Int?
        var right: Int?
        var firstLine: Int?
        var hanging: Int?
    }

    var style: String?
    var keepNext = false
    var pageBreakBefore = false
    var frame: Frame?
    var widowControl: Bool?
    /// `(numId, ilvl)` of a list item's first paragraph.
    var numbering: (id: Int, level: Int)?
    var topBorder: Border?
    var bottomBorder: Border?
    /// Writes `<w:bottom w:val="nil"/>`: removes a border the style draws.
    var removesBottomBorder = false
    /// A tab stop: `left` or `right` at a position in twips.
    struct Tab: Equatable {
        var alignment: String
        var position: Int
    }

    var tabs: [Tab] = []
    var kinsoku: Bool?
    var autoSpace: Bool?
    var snapToGrid: Bool?
    var spacingBefore: Int?
    var spacingAfter: Int?
    /// `w:line` with `lineRule exact` (an exact line height in twips).
    var exactLine: Int?
    /// `w:line` with `lineRule auto` (240 = single).
    var autoLine: Int?
    var indentation: Indentation?
    var justification: String?
    var outlineLevel: Int?

    static func == (lhs: ParagraphProperties, rhs: ParagraphProperties) -> Bool {
        lhs.xml == rhs.xml
    }

    var isEmpty: Bool { xml.isEmpty }

    /// The children of `w:pPr`, in schema order; "" when nothing is set.
    var xml: String {
        var xml = ""
        if let style { xml += #"<w:pStyle w:val="\#(style)"/>"# }
        if keepNext { xml += "<w:keepNext/>" }
        if pageBreakBefore { xml += "<w:pageBreakBefore/>" }
        if let frame {
            xml += #"<w:framePr w:w="\#(frame.width)" w:h="\#(frame.height)" w:hRule="exact" w:wrap="notBeside" "#
                + #"w:vAnchor="page" w:hAnchor="page" w:x="\#(frame.x)" w:y="\#(frame.y)"/>"#
        }
        if let widowControl { xml += #"<w:widowControl w:val="\#(widowControl ? 1 : 0)"/>"# }
        if let numbering { xml += #"<w:numPr><w:ilvl w:val="\#(numbering.level)"/><w:numId w:val="\#(numbering.id)"/></w:numPr>"# }
        if topBorder != nil || bottomBorder != nil || removesBottomBorder {
            xml += "<w:pBdr>"
            if let topBorder { xml += Self.border("top", topBorder) }
            if let bottomBorder {
                xml += Self.border("bottom", bottomBorder)
            } else if removesBottomBorder {
                xml += #"<w:bottom w:val="nil"/>"#
            }
            xml += "</w:pBdr>"
        }
        if !tabs.isEmpty {
            xml += "<w:tabs>"
            for tab in tabs {
                xml += #"<w:tab w:val="\#(tab.alignment)" w:pos="\#(tab.position)"/>"#
            }
            xml += "</w:tabs>"
        }
        if let kinsoku { xml += #"<w:kinsoku w:val="\#(kinsoku ? 1 : 0)"/>"# }
        if let autoSpace {
            xml += #"<w:autoSpaceDE w:val="\#(autoSpace ? 1 : 0)"/><w:autoSpaceDN w:val="\#(autoSpace ? 1 : 0)"/>"#
        }
        if let snapToGrid { xml += #"<w:snapToGrid w:val="\#(snapToGrid ? 1 : 0)"/>"# }
        if spacingBefore != nil || spacingAfter != nil || exactLine != nil || autoLine != nil {
            xml += "<w:spacing"
            if let spacingBefore { xml += #" w:before="\#(spacingBefore)""# }
            if let spacingAfter { xml += #" w:after="\#(spacingAfter)""# }
            if let exactLine {
                xml += #" w:line="\#(exactLine)" w:lineRule="exact""#
            } else if let autoLine {
                xml += #" w:line="\#(autoLine)" w:lineRule="auto""#
            }
            xml += "/>"
        }
        if let indentation {
            xml += "<w:ind"
            if let left = indentation.left { xml += #" w:left="\#(left)""# }
            if let right = indentation.right { xml += #" w:right="\#(right)""# }
            if let firstLine = indentation.firstLine { xml += #" w:firstLine="\#(firstLine)""# }
            if let hanging = indentation.hanging { xml += #" w:hanging="\#(hanging)""# }
            xml += "/>"
        }
        if let justification { xml += #"<w:jc w:val="\#(justification)"/>"# }
        if let outlineLevel { xml += #"<w:outlineLvl w:val="\#(outlineLevel)"/>"# }
        return xml
    }

    /// `<w:pPr>…</w:pPr>`, or "" when nothing is set.
    var element: String {
        let children = xml
        return children.isEmpty ? "" : "<w:pPr>" + children + "</w:pPr>"
    }

    private static func border(_ edge: String, _ border: Border) -> String {
        #"<w:\#(edge) w:val="single" w:sz="\#(border.size)" w:space="\#(border.space)" w:color="\#(border.color)"/>"#
    }
}
