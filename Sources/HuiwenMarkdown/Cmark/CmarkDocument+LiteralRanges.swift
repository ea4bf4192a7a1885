// Keeping escaped template values literal where backslash escapes are not enough: the autolink
// extension of cmark-gfm 0.29.0.gfm.6 links bare e-mail addresses (and `mailto:`/`xmpp:` ones)
// in a pass over the finished tree, after escapes are gone; the links it makes carry no source
// position. `www.` and `http(s)://`/`ftp://` links are made while parsing inlines and are
// defeated by the escaper's `\.` and `\:`, except where the template's own text completes a
// value (`{{v}}.example.com` with v = `www`): those have positions and are unlinked here.
import CCmarkGFM
import HuiwenDiagnostics

extension CmarkDocument {
    /// Renders `markdown`, keeping the text of each byte range in `literalRanges` (escaper output)
    /// out of autolinks.
    ///
    /// 1. Within the ranges, each `\@` becomes a two-byte placeholder, a Unicode punctuation
    ///    character absent from the document (so byte offsets and emphasis flanking stay as
    ///    they were): the e-mail pass sees no `@` from a value.
    /// 2. After parsing the placeholder turns back into `@` (in text, link destinations and
    ///    titles) or `\@` (in code and raw HTML, where escapes are not processed).
    /// 3. A `www.` link the extension made (text = source bytes, url = `http://` + text) that
    ///    overlaps a range is replaced by its text.
    static func renderHTML(_ markdown: String, options: MarkdownOptions, literalRanges: [Range<Int>]) -> String {
        let literal = LiteralSource(markdown, ranges: literalRanges, options: options)
        guard literal.isActive else { return renderHTML(markdown, options: options) }
        return withParsedDocument(literal.text, options: options) { root, flags, extensions in
            keepLiteral(in: root, literal)
            return html(of: root, flags: flags, extensions: extensions)
        } ?? ""
    }

    /// Step 2 and 3 above, on a tree parsed from `literal.text`.
    static func keepLiteral(in root: OpaquePointer, _ literal: LiteralSource) {
        guard literal.isActive else { return }
        var linksToUnwrap: [OpaquePointer] = []
        do {
            guard let iterator = cmark_iter_new(root) else { return }
            defer { cmark_iter_free(iterator) }
            let lines = SourceLines(literal.source, breaks: .commonMark)
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = typeName(of: node)
                if let placeholder = literal.placeholder { placeholder.restore(in: node, type: type) }
                if type == "link", isWWWAutolink(node, source: literal.source, lines: lines, within: literal.ranges) {
                    linksToUnwrap.append(node)
                }
            }
        }
        for link in linksToUnwrap {
            while let child = cmark_node_first_child(link) {
                cmark_node_insert_before(link, child)
            }
            cmark_node_unlink(link)
            cmark_node_free(link)
        }
    }

    static func typeName(of node: OpaquePointer) -> String {
        guard let name = cmark_node_get_type_string(node) else { return "" }
        return String(cString: name)
    }

    static func literal(of node: OpaquePointer) -> String? {
        cmark_node_get_literal(node).map { String(cString: $0) }
    }

    /// A link the autolink extension made from `www.…` while parsing inlines, overlapping a range.
    /// Such a link's text is the source bytes ending at its end column; written links end in `)`,
    /// `]` or `>` and never match.
    private static func isWWWAutolink(
        _ link: OpaquePointer, source: [UInt8], lines: SourceLines, within ranges: [Range<Int>]
    ) -> Bool {
        guard let child = cmark_node_first_child(link), cmark_node_next(child) == nil,
            typeName(of: child) == "text", let text = literal(of: child),
            text.lowercased().hasPrefix("www."),
            let url = cmark_node_get_url(link), String(cString: url) == "http://" + text,
            let end = lines.offset(line: Int(cmark_node_get_end_line(link)), byteColumn: Int(cmark_node_get_end_column(link)))
        else { return false }
        let bytes = Array(text.utf8)
        let start = end + 1 - bytes.count
        guard start >= 0, end < source.count, Array(source[start...end]) == bytes else { return false }
        return ranges.contains { $0.overlaps(start..<(end + 1)) }
    }
}

/// The Markdown to parse for a render with literal ranges: step 1 above.
struct LiteralSource {
    /// The document's bytes with every `\@` of a range replaced by the placeholder.
    let source: [UInt8]
    let text: String
    let ranges: [Range<Int>]
    fileprivate let placeholder: AtSignPlaceholder?
    /// False when there is nothing to keep literal (no ranges, or autolink is off).
    let isActive: Bool

    init(_ markdown: String, ranges literalRanges: [Range<Int>], options: MarkdownOptions) {
        let original = Array(markdown.utf8)
        ranges = literalRanges.map { $0.clamped(to: 0..<original.count) }.filter { !$0.isEmpty }
        isActive = options.extensions.contains(.autolink) && !ranges.isEmpty
        guard isActive, let placeholder = AtSignPlaceholder(absentFrom: markdown) else {
            source = original
            text = markdown
            placeholder = nil
            return
        }
        var source = original
        for range in ranges {
            var index = range.lowerBound
            while index + 1 < range.upperBound {
                guard source[index] == UInt8(ascii: "\\") else {
                    index += 1
                    continue
                }
                if source[index + 1] == UInt8(ascii: "@") {
                    source[index] = placeholder.utf8[0]
                    source[index + 1] = placeholder.utf8[1]
                }
                index += 2
            }
        }
        self.source = source
        self.text = String(decoding: source, as: UTF8.self)
        self.placeholder = placeholder
    }
}

/// The two-byte stand-in for a value's `\@` while cmark parses: a Unicode punctuation character
/// (Syriac, NKo or Armenian punctuation, U+0080…U+07FF so two UTF-8 bytes like `\@`; cmark's
/// flanking rules see it as punctuation, as they see `\`) that the document does not hold, so
/// every one in the tree came from a value. nil when the document holds all 23 candidates;
/// e-mail addresses in values then stay linked.
private struct AtSignPlaceholder {
    let scalar: Unicode.Scalar
    let utf8: [UInt8]

    init?(absentFrom markdown: String) {
        let candidates = Array(0x0700...0x070D) + Array(0x07F7...0x07F9) + Array(0x055A...0x055F)
        let present = Set(markdown.unicodeScalars.lazy.map(\.value).filter { (0x055A...0x07F9).contains($0) })
        guard let value = candidates.first(where: { !present.contains(UInt32($0)) }),
            let scalar = Unicode.Scalar(value), String(scalar).utf8.count == 2
        else { return nil }
        self.scalar = scalar
        self.utf8 = Array(String(scalar).utf8)
    }

    func restore(in node: OpaquePointer, type: String) {
        switch type {
        case "text":
            replace(in: node, get: cmark_node_get_literal, set: cmark_node_set_literal, with: "@")
        case "code", "code_block", "html_inline", "html_block":
            replace(in: node, get: cmark_node_get_literal, set: cmark_node_set_literal, with: "\\@")
        case "link", "image":
            replace(in: node, get: cmark_node_get_url, set: cmark_node_set_url, with: "@")
            replace(in: node, get: cmark_node_get_title, set: cmark_node_set_title, with: "@")
        default:
            break
        }
    }

    private func replace(
        in node: OpaquePointer,
        get: (OpaquePointer) -> UnsafePointer<CChar>?,
        set: (OpaquePointer, UnsafePointer<CChar>?) -> Int32,
        with replacement: String
    ) {
        guard let current = get(node) else { return }
        let text = String(cString: current)
        guard text.unicodeScalars.contains(scalar) else { return }
        // Byte by byte, not by characters: a combining mark after the `@` joins the placeholder
        // into another character, which a replacement by characters would leave (found by fuzzing).
        let restored = String(decoding: Array(text.utf8).replacing(utf8, with: Array(replacement.utf8)), as: UTF8.self)
        _ = restored.withCString { set(node, $0) }
    }
}
