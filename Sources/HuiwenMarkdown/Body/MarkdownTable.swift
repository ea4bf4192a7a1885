/// A GFM table of a rendered body: column alignments, the header row and the body rows.
///
/// Every row has as many cells as there are columns (cmark-gfm pads short rows and drops extra
/// cells).
public struct MarkdownTable: Sendable, Hashable {
    /// A column's alignment, from the delimiter row: `---`, `:--`, `:-:`, `--:`.
    public enum Alignment: Sendable, Hashable {
        /// `---`: HTML writes no `align`.
        case none
        /// `:--`.
        case left
        /// `:-:`.
        case center
        /// `--:`.
        case right
    }

    /// A cell's inlines.
    public typealias Cell = [MarkdownInline]
    /// A row's cells, one per column.
    public typealias Row = [Cell]

    /// One per column.
    public var alignments: [Alignment]
    /// The first row, above the delimiter row.
    public var header: Row
    /// The body rows; empty when the table has only a header.
    public var rows: [Row]

    public init(alignments: [Alignment], header: Row, rows: [Row]) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }
}
