/// `word/footnotes.xml`: the separator and continuation separator Word expects (ids −1 and 0,
/// named in `settings.xml`), then one real footnote per referenced note of the bodies.
///
/// The tree numbers the notes of each body from 1, in the order of their first reference
/// (cmark-gfm). Word numbers its footnotes through the document, so the marks are Word's own
/// (a colleague can add a footnote) when only one body has notes, and the tree's numbers, as
/// custom marks, when the main body and an attachment both have some.
struct WordFootnotes {
    private struct Key: Hashable {
        var body: Int
        var number: Int
    }

    private struct Note {
        var number: Int
        var xml: String?
    }

    /// Custom marks (the tree's numbers) instead of Word's automatic ones.
    let usesCustomMarks: Bool
    private var ids: [Key: Int] = [:]
    /// Note `id` is at `id - 1`.
    private var notes: [Note] = []

    init(usesCustomMarks: Bool) {
        self.usesCustomMarks = usesCustomMarks
    }

    /// The footnote id of note `number` of body `body`, made at its first reference.
    mutating func reference(body: Int, number: Int) -> Int {
        let key = Key(body: body, number: number)
        if let id = ids[key] { return id }
        notes.append(Note(number: number))
        ids[key] = notes.count
        return notes.count
    }

    /// The id of a note that has been referenced; nil for a note nothing points to.
    func id(body: Int, number: Int) -> Int? {
        ids[Key(body: body, number: number)]
    }

    /// Sets the paragraphs of footnote `id`.
    mutating func define(id: Int, paragraphs: String) {
        notes[id - 1].xml = paragraphs
    }

    /// The run that references footnote `id` in the text.
    func referenceRun(id: Int, number: Int) -> String {
        let style = #"<w:rPr><w:rStyle w:val="\#(WordStyle.footnoteReference.id)"/></w:rPr>"#
        if usesCustomMarks {
            return #"<w:r>\#(style)<w:footnoteReference w:customMarkFollows="1" w:id="\#(id)"/><w:t>\#(number)</w:t></w:r>"#
        }
        return #"<w:r>\#(style)<w:footnoteReference w:id="\#(id)"/></w:r>"#
    }

    /// The mark at the start of the footnote's first paragraph, then a space.
    func markRuns(number: Int) -> String {
        let style = #"<w:rPr><w:rStyle w:val="\#(WordStyle.footnoteReference.id)"/></w:rPr>"#
        let mark = usesCustomMarks ? "<w:t>\(number)</w:t>" : "<w:footnoteRef/>"
        return "<w:r>\(style)\(mark)</w:r>" + #"<w:r><w:t xml:space="preserve"> </w:t></w:r>"#
    }

    /// The part's XML. A note referenced but never defined (it cannot happen with cmark-gfm's
    /// tree, but a dangling id would make Word refuse the file) gets an empty paragraph.
    var xml: String {
        var xml = WordPackage.xmlDeclaration
        xml += #"<w:footnotes xmlns:w="\#(WordPackage.wordNamespace)" xmlns:r="\#(WordPackage.relationshipsNamespace)">"#
        let plain = #"<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>"#
            + #"<w:ind w:firstLine="0"/></w:pPr>"#
        xml += #"<w:footnote w:type="separator" w:id="-1"><w:p>\#(plain)<w:r><w:separator/></w:r></w:p></w:footnote>"#
        xml += #"<w:footnote w:type="continuationSeparator" w:id="0"><w:p>\#(plain)<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"#
        for (index, note) in notes.enumerated() {
            xml += #"<w:footnote w:id="\#(index + 1)">"#
            xml += note.xml ?? #"<w:p><w:pPr><w:pStyle w:val="\#(WordStyle.footnoteText.id)"/></w:pPr>\#(markRuns(number: note.number))</w:p>"#
            xml += "</w:footnote>"
        }
        xml += "</w:footnotes>"
        return xml
    }
}
