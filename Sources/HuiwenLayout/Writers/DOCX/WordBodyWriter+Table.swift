import HuiwenMarkdown

/// GFM tables as Word tables, as the page draws them: 0.5 pt borders, 仿宋 12 pt text, a 黑体
/// header row (centred unless the column says otherwise) that repeats on every page, columns
/// aligned as the delimiter row says.
extension WordBodyWriter {
    /// Twips of one 12 pt character, and of a cell's left and right margins with room for
    /// digits wider than half a character (a stand-in font's).
    private static let cellCharacter = 240
    private static let cellPadding = 2 * 108 + 160

    mutating func tableXML(_ table: MarkdownTable) -> String {
        let columns = table.alignments.count
        guard columns > 0 else { return "" }
        let widths = Self.columnWidths(natural: (0..<columns).map { column in
            let cells = [table.header] + table.rows
            let longest = cells.map { row in column < row.count ? TextWidth.halves(Self.plainText(row[column])) : 0 }.max() ?? 0
            return max(2, longest) * Self.cellCharacter / 2 + Self.cellPadding
        }, total: WordPage.textWidth)

        var xml = "<w:tbl><w:tblPr>"
        xml += #"<w:tblW w:w="\#(WordPage.textWidth)" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>"#
        for edge in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            xml += #"<w:\#(edge) w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#
        }
        xml += #"</w:tblBorders><w:tblLayout w:type="fixed"/>"#
        xml += #"<w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>"#
        xml += #"<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>"#
        xml += "</w:tblPr><w:tblGrid>"
        for width in widths {
            xml += #"<w:gridCol w:w="\#(width)"/>"#
        }
        xml += "</w:tblGrid>"
        xml += row(table.header, isHeader: true, alignments: table.alignments, widths: widths)
        for cells in table.rows {
            xml += row(cells, isHeader: false, alignments: table.alignments, widths: widths)
        }
        return xml + "</w:tbl>"
    }

    /// Rows at least one grid line high: 579 tw, the first 569 because LibreOffice adds the
    /// 0.5 pt top border to it (gbt9704-docx.md, "Tables in the body"); a row that wraps grows.
    private mutating func row(_ cells: MarkdownTable.Row, isHeader: Bool, alignments: [MarkdownTable.Alignment], widths: [Int]) -> String {
        var xml = "<w:tr><w:trPr><w:cantSplit/>"
        xml += #"<w:trHeight w:val="\#(isHeader ? WordPage.linePitch - 10 : WordPage.linePitch)" w:hRule="atLeast"/>"#
        if isHeader { xml += "<w:tblHeader/>" }
        xml += "</w:trPr>"
        for (column, width) in widths.enumerated() {
            let cell = column < cells.count ? cells[column] : []
            xml += #"<w:tc><w:tcPr><w:tcW w:w="\#(width)" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr><w:p>"#
            var properties = ParagraphProperties(style: (isHeader ? WordStyle.tableHeader : .tableText).id)
            switch alignments[column] {
            case .none: break
            case .left: properties.justification = "left"
            case .center: properties.justification = "center"
            case .right: properties.justification = "right"
            }
            xml += properties.element + runs(cell) + "</w:p></w:tc>"
        }
        return xml + "</w:tr>"
    }

    /// Column widths that add up to `total`, in the spirit of a browser's automatic table
    /// layout: a column whose text fits its share keeps its natural width (a 序号 or 牵头单位
    /// column does not wrap), the others share the rest by their natural widths; when
    /// everything fits, the spare width is spread the same way.
    static func columnWidths(natural: [Int], total: Int) -> [Int] {
        guard !natural.isEmpty else { return [] }
        var widths = natural
        var open = natural.indices.sorted { (natural[$0], $0) < (natural[$1], $1) }
        var remaining = total
        while let smallest = open.first, natural[smallest] * open.count <= remaining {
            remaining -= natural[smallest]
            open.removeFirst()
        }
        let sharing = open.isEmpty ? Array(natural.indices) : open
        let space = open.isEmpty ? total : remaining
        let weight = max(1, sharing.reduce(0) { $0 + natural[$1] })
        for index in sharing {
            widths[index] = space * natural[index] / weight
        }
        widths[widths.count - 1] += total - widths.reduce(0, +)
        return widths
    }
}
