import HuiwenMarkdown
import HuiwenText

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
        let widths = Self.columnWidths(table, columns: columns)

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

    /// Column widths that add up to the text width, as a browser lays out an automatic table:
    /// each column between its narrowest (the header, which does not wrap on the page, or the
    /// longest word of digits or Latin letters) and its widest (its longest cell on one line);
    /// when not every column can be at its widest, each gets its narrowest plus a share of the
    /// rest in proportion to how much more it would take.
    static func columnWidths(_ table: MarkdownTable, columns: Int) -> [Int] {
        var narrowest = [Int](repeating: 0, count: columns)
        var widest = [Int](repeating: 0, count: columns)
        for (index, row) in ([table.header] + table.rows).enumerated() {
            for column in 0..<min(columns, row.count) {
                let text = plainText(row[column])
                let width = TextWidth.halves(text)
                widest[column] = max(widest[column], width)
                narrowest[column] = max(narrowest[column], index == 0 ? width : longestWord(text))
            }
        }
        let twips = { (halves: Int) in max(2, halves) * cellCharacter / 2 + cellPadding }
        return distribute(minimum: narrowest.map(twips), maximum: widest.map(twips), total: WordPage.textWidth)
    }

    static func distribute(minimum: [Int], maximum: [Int], total: Int) -> [Int] {
        let low = minimum.reduce(0, +)
        let high = maximum.reduce(0, +)
        var widths: [Int]
        if high <= total {
            widths = maximum.map { $0 * total / max(1, high) }
        } else if low >= total {
            widths = minimum.map { $0 * total / max(1, low) }
        } else {
            widths = zip(minimum, maximum).map { $0 + ($1 - $0) * (total - low) / (high - low) }
        }
        widths[widths.count - 1] += total - widths.reduce(0, +)
        return widths
    }

    /// The widest run of characters a line may not break inside, in halves: digits and Latin
    /// letters (a Chinese character breaks anywhere).
    private static func longestWord(_ text: String) -> Int {
        var longest = 0
        var current = 0
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || TextWidth.isWide(scalar) {
                longest = max(longest, current, TextWidth.isWide(scalar) ? 2 : 0)
                current = 0
            } else {
                current += 1
            }
        }
        return max(longest, current)
    }
}
