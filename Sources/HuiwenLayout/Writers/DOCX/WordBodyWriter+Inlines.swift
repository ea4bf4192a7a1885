import HuiwenMarkdown

/// Inlines as runs, formatted as the page shows them: emphasis in 楷体 (not italic), strong in
/// bold, strikethrough struck, code in a monospace Latin font, links as hyperlinks without
/// colour, images as their description (nothing is fetched).
extension WordBodyWriter {
    /// The formatting the inlines around a run ask for.
    struct RunFormat {
        var kai = false
        var bold = false
        var strike = false
        var code = false
        var superscript = false

        var properties: RunProperties {
            var properties = RunProperties(bold: bold, strike: strike, superscript: superscript)
            if code {
                // `code { font-size: .85em }`: 13.5 pt in 16 pt text.
                properties.font = kai ? WordFont.kaiTi : WordFont.fangSong
                properties.latinFont = WordFont.monospace
                properties.letterSpacing = 0
                properties.size = 27
            } else if kai {
                properties.font = WordFont.kaiTi
            }
            return properties
        }
    }

    /// The runs of `inlines`.
    mutating func runs(_ inlines: [MarkdownInline], format: RunFormat = RunFormat()) -> String {
        var xml = ""
        for inline in inlines {
            xml += runs(inline, format: format)
        }
        return xml
    }

    private mutating func runs(_ inline: MarkdownInline, format: RunFormat) -> String {
        var inner = format
        switch inline {
        case .text(let text):
            return Self.textRun(text, format.properties)
        case .code(let text):
            inner.code = true
            return Self.textRun(text, inner.properties)
        case .emphasis(let children):
            inner.kai = true
            return runs(children, format: inner)
        case .strong(let children):
            inner.bold = true
            return runs(children, format: inner)
        case .strikethrough(let children):
            inner.strike = true
            return runs(children, format: inner)
        case .link(let destination, let title, let children):
            return link(destination: destination, title: title, text: runs(children, format: format))
        case .image(_, _, let alt):
            return Self.textRun(Self.plainText(alt), format.properties)
        case .footnoteReference(let number, let occurrence):
            // Word gives each footnote one reference; a second reference to a note, or one
            // inside a note, is its number in superscript.
            guard !inFootnote, occurrence == 1 else {
                inner.superscript = true
                return Self.textRun(String(number), inner.properties)
            }
            let id = footnotes.reference(body: currentBody, number: number)
            return footnotes.referenceRun(id: id, number: number)
        case .softBreak:
            // Breaks between Chinese characters are already gone from the tree.
            return Self.textRun(" ", format.properties)
        case .lineBreak:
            return "<w:r>\(format.properties.element)<w:br/></w:r>"
        case .html:
            return ""
        }
    }

    /// A hyperlink to an external relationship of the part being written; the text keeps the
    /// body's colour, as the page's `a { color: inherit }`. A link safe mode emptied, or one
    /// to an anchor of the page, is its text alone.
    private mutating func link(destination: String, title: String, text: String) -> String {
        guard !destination.isEmpty, !destination.hasPrefix("#") else { return text }
        let id = inFootnote ? footnoteLinks.hyperlink(destination) : documentLinks.hyperlink(destination)
        let tooltip = title.isEmpty ? "" : #" w:tooltip="\#(XMLText.escaped(title))""#
        return #"<w:hyperlink r:id="\#(id)"\#(tooltip)>\#(text)</w:hyperlink>"#
    }

    /// One run of `text`: tabs become `w:tab`, line breaks `w:br`, and a piece of text with
    /// leading, trailing or double spaces keeps them. (Bytes, not Characters: this is the
    /// writer's innermost loop.)
    static func textRun(_ text: String, _ properties: RunProperties) -> String {
        guard !text.isEmpty else { return "" }
        var xml = "<w:r>"
        xml += properties.element
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if byte == 0x09 || byte == 0x0A || byte == 0x0D {
                appendText(text[start..<index], to: &xml)
                if byte == 0x09 {
                    xml += "<w:tab/>"
                } else if byte == 0x0A || next == utf8.endIndex || utf8[next] != 0x0A {
                    // CR LF is one break.
                    xml += "<w:br/>"
                }
                start = next
            }
            index = next
        }
        appendText(text[start...], to: &xml)
        xml += "</w:r>"
        return xml
    }

    private static func appendText(_ piece: Substring, to xml: inout String) {
        guard !piece.isEmpty else { return }
        var preserve = piece.utf8.first == 0x20 || piece.utf8.last == 0x20
        if !preserve {
            var previous: UInt8 = 0
            for byte in piece.utf8 {
                if byte == 0x20, previous == 0x20 {
                    preserve = true
                    break
                }
                previous = byte
            }
        }
        xml += preserve ? #"<w:t xml:space="preserve">"# : "<w:t>"
        XMLText.append(piece, to: &xml)
        xml += "</w:t>"
    }

    /// The text a reader sees in `inlines` (no formatting): an image's description, a
    /// column's width.
    static func plainText(_ inlines: [MarkdownInline]) -> String {
        var text = ""
        for inline in inlines {
            switch inline {
            case .text(let value), .code(let value): text += value
            case .emphasis(let children), .strong(let children), .strikethrough(let children): text += plainText(children)
            case .link(_, _, let children): text += plainText(children)
            case .image(_, _, let alt): text += plainText(alt)
            case .footnoteReference(let number, _): text += String(number)
            case .softBreak: text += " "
            case .lineBreak: text += "\n"
            case .html: break
            }
        }
        return text
    }
}
