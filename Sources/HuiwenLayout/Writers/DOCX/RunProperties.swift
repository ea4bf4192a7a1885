/// Run properties (`w:rPr`) as values, in schema order.
struct RunProperties: Equatable {
    var style: String?
    /// One font for every script (`ascii`, `hAnsi`, `eastAsia`, `cs`), with the East Asian hint.
    var font: String?
    /// A Latin font beside an East Asian one (code: monospace Latin, 仿宋 for Chinese).
    var latinFont: String?
    var bold = false
    var strike = false
    var color: String?
    /// Letter spacing in twips (`w:spacing`).
    var letterSpacing: Int?
    /// Horizontal scale in percent (`w:w`): narrows a long 发文机关标志 onto one line.
    var scale: Int?
    var kernOff = false
    /// Size in half-points (`w:sz` and `w:szCs`).
    var size: Int?
    var superscript = false
    var language = false

    var isEmpty: Bool { xml.isEmpty }

    var xml: String {
        var xml = ""
        if let style { xml += #"<w:rStyle w:val="\#(style)"/>"# }
        if let font {
            let latin = latinFont ?? font
            xml += #"<w:rFonts w:ascii="\#(latin)" w:hAnsi="\#(latin)" w:eastAsia="\#(font)" w:cs="\#(latin)" w:hint="eastAsia"/>"#
        }
        if bold { xml += "<w:b/><w:bCs/>" }
        if strike { xml += "<w:strike/>" }
        if let color { xml += #"<w:color w:val="\#(color)"/>"# }
        if let letterSpacing { xml += #"<w:spacing w:val="\#(letterSpacing)"/>"# }
        if let scale { xml += #"<w:w w:val="\#(scale)"/>"# }
        if kernOff { xml += #"<w:kern w:val="0"/>"# }
        if let size { xml += #"<w:sz w:val="\#(size)"/><w:szCs w:val="\#(size)"/>"# }
        if superscript { xml += #"<w:vertAlign w:val="superscript"/>"# }
        if language { xml += #"<w:lang w:val="en-US" w:eastAsia="zh-CN"/>"# }
        return xml
    }

    /// `<w:rPr>…</w:rPr>`, or "" when nothing is set.
    var element: String {
        let children = xml
        return children.isEmpty ? "" : "<w:rPr>" + children + "</w:rPr>"
    }
}
