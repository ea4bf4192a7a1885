import HuiwenDiagnostics

/// The Word writer of the document model: a `.docx` laid out to GB/T 9704-2012 (A4, the
/// 22 × 28 grid, "— N —" page numbers outside on odd and even pages), with a named style for
/// each element, written from `Document` and the bodies' trees (never from the HTML).
///
/// ```swift
/// let bytes = try DOCXWriter.file(for: document)   // write as NAME.docx
/// ```
public enum DOCXWriter {
    /// The `.docx` file of `document`: Office Open XML parts in a ZIP, byte-identical for the same document.
    public static func file(for document: Document) throws(DiagnosticError) -> [UInt8] {
        let layout = WordDocumentXML(document)
        let writer = layout.writer
        let footers = layout.hasPageNumbers
        var parts: [(path: String, text: String)] = [
            ("[Content_Types].xml", WordPackage.contentTypes(footers: footers, charts: writer.charts)),
            ("_rels/.rels", WordPackage.packageRelationships),
            ("docProps/core.xml", WordCoreProperties.xml(for: document)),
            ("docProps/app.xml", WordPackage.application),
            ("word/document.xml", layout.xml),
            ("word/_rels/document.xml.rels", WordPackage.documentRelationships(footers: footers, hyperlinks: writer.documentLinks, charts: writer.charts)),
            ("word/styles.xml", WordStyles.xml),
            ("word/settings.xml", WordPackage.settings),
            ("word/fontTable.xml", WordPackage.fontTable),
            ("word/numbering.xml", writer.numbering.xml),
            ("word/footnotes.xml", writer.footnotes.xml),
            ("word/_rels/footnotes.xml.rels", WordPackage.footnoteRelationships(writer.footnoteLinks)),
        ]
        if footers {
            parts.append(("word/footer1.xml", WordPackage.oddFooter))
            parts.append(("word/footer2.xml", WordPackage.evenFooter))
        }
        return try DOCXPackage.archive(parts.map { ($0.path, Array($0.text.utf8)) } + writer.charts.parts())
    }
}
