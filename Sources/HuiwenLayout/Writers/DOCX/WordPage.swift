/// The page of a GB/T 9704 document in Word's units (twips: 1 mm = 56.69 tw, 1 pt = 20 tw), as
/// measured when a hand-written `.docx` went through LibreOffice 7.4
/// (../shared/reference/gbt9704-docx.md, "Page setup").
enum WordPage {
    /// A4.
    static let width = 11906
    static let height = 16838
    /// 37 mm less 147 tw: LibreOffice centres the 16 pt line box in its 579 tw grid line, so the
    /// first em box lands on 37 mm.
    static let topMargin = 1951
    /// So that 28 characters of 315 tw fit and the 28th ends by 184 mm.
    static let rightMargin = 1490
    /// 16838 − 1951 − 22 × 579: exactly 22 grid lines.
    static let bottomMargin = 2149
    /// 28 mm.
    static let leftMargin = 1587
    static let headerDistance = 851
    /// Puts the page number's dash 7 mm below the 版心.
    static let footerDistance = 1427
    /// One 行: 28.95 pt (22 × 580 would overflow the 225 mm 版心 and give 21 lines).
    static let linePitch = 579

    /// The 标志's space before and its exact line: five grid lines in all (see `WordStyle`).
    static let issuerLine = 900
    static let issuerSpace = 5 * linePitch - issuerLine

    /// What the 文号's bottom border (the red rule: 6 pt of space and 1 pt of line, 140 tw)
    /// adds below it, off the grid: the title under it starts that much higher to keep the grid.
    static let redRuleOffset = -140

    /// An exact title line (22 pt on 35 pt).
    static let titleLine = 700

    /// What a block of `height` twips off the grid needs after it to end on a grid line:
    /// LibreOffice counts the grid from where the flow stands, so a title of exact lines would
    /// otherwise shift every line below it.
    static func gridPadding(after height: Int) -> Int {
        (linePitch - height % linePitch) % linePitch
    }
    /// One 字 of body text: a 16 pt character (320 tw) with −5 tw letter spacing.
    static let character = 315
    /// The first-line indent of 2 字.
    static let indent = 2 * character
    /// The width between the margins.
    static let textWidth = width - leftMargin - rightMargin
    /// The 版心, 156 mm: the red rule and the 版记 rules span it.
    static let blockWidth = 8844
    /// The bottom of the 版心, 262 mm from the top edge: the last 版记 rule ends on it.
    static let blockBottom = 14853

    /// `w:sectPr` of the document's one section; with footers for the paginated kinds.
    static func sectionProperties(footers: Bool) -> String {
        var xml = "<w:sectPr>"
        if footers {
            xml += #"<w:footerReference w:type="even" r:id="\#(WordPackage.evenFooterID)"/>"#
            xml += #"<w:footerReference w:type="default" r:id="\#(WordPackage.oddFooterID)"/>"#
        }
        xml += #"<w:pgSz w:w="\#(width)" w:h="\#(height)"/>"#
        xml += #"<w:pgMar w:top="\#(topMargin)" w:right="\#(rightMargin)" w:bottom="\#(bottomMargin)" "#
            + #"w:left="\#(leftMargin)" w:header="\#(headerDistance)" w:footer="\#(footerDistance)" w:gutter="0"/>"#
        xml += "<w:cols w:space=\"425\"/>"
        // Lines only: LibreOffice 7.4 gets `linesAndChars` wrong (14 or 27 characters a line);
        // the 28 characters come from the letter spacing instead.
        xml += #"<w:docGrid w:type="lines" w:linePitch="\#(linePitch)"/>"#
        xml += "</w:sectPr>"
        return xml
    }
}
