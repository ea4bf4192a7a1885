// Keeping escaped template values literal where backslash escapes are not enough: the autolink
// extension of cmark-gfm 0.29.0.gfm.6 links bare e-mail addresses (and `mailto:`/`xmpp:` ones)
// in a pass over the finished tree, after escapes are gone; the links it makes carry no source
// position. `www.` and `http(s)://`/`ftp://` links are made while parsing inlines and are
// defeated by the escaper's `\.` and `\:`, except where the template's own text completes a
// value (`{{v}}.example.com` with v = `www`): those have positions and are unlinked here.
import CCmarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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

    /// Step 2 and 3 above, on a tree parsed from `literal.text`. The tree is walked only when
    /// there is something to find: a placeholder to restore, or `www.` in the source.
    static func keepLiteral(in root: OpaquePointer, _ literal: LiteralSource) {
        guard literal.isActive, literal.placeholder != nil || literal.mentionsWWW else { return }
        var linksToUnwrap: [OpaquePointer] = []
        do {
            guard let iterator = cmark_iter_new(root) else { return }
            defer { cmark_iter_free(iterator) }
            var lines: SourceLines?
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if let placeholder = literal.placeholder { placeholder.restore(in: node, type: type) }
                guard type == CMARK_NODE_LINK, literal.mentionsWWW else { continue }
                if lines == nil { lines = SourceLines(literal.source, breaks: .commonMark) }
                if let lines, isWWWAutolink(node, source: literal.source, lines: lines, within: literal.ranges) {
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

    /// Whether the source holds `www.` in any case: without it the autolink extension made no
    /// `www.` link, and step 3 has nothing to look for.
    let mentionsWWW: Bool

    init(_ markdown: String, ranges literalRanges: [Range<Int>], options: MarkdownOptions) {
        let original = Array(markdown.utf8)
        ranges = literalRanges.map { $0.clamped(to: 0..<original.count) }.filter { !$0.isEmpty }
        isActive = options.extensions.contains(.autolink) && !ranges.isEmpty
        mentionsWWW = isActive && Self.containsWWW(original)
        // A placeholder only when a range holds `\@`; most documents' values hold none.
        guard isActive, ranges.contains(where: { Self.escapedAtSign(in: original[$0]) }),
            let placeholder = AtSignPlaceholder(absentFrom: original)
        else {
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

    /// Whether `bytes` hold `\@` as an escape (a backslash not itself escaped), as the
    /// replacement above reads them.
    private static func escapedAtSign(in bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            guard bytes[index] == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            if bytes[index + 1] == UInt8(ascii: "@") { return true }
            index += 2
        }
        return false
    }

    /// Whether `bytes` hold `www.`, letters in any case: each `.` (memchr finds them) is
    /// checked for three w's before it.
    private static func containsWWW(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            var from = 3
            while from < buffer.count, let found = memchr(base + from, Int32(UInt8(ascii: ".")), buffer.count - from) {
                let dot = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if (1...3).allSatisfy({ base[dot - $0] | 0x20 == UInt8(ascii: "w") }) { return true }
                from = dot + 1
            }
            return false
        }
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

    /// The first candidate `bytes` (UTF-8) do not hold. The candidates' UTF-8 lead bytes are
    /// 0xD5…0xDF, so only pairs starting with one of those are decoded.
    init?(absentFrom bytes: [UInt8]) {
        let candidates = Array(0x0700...0x070D) + Array(0x07F7...0x07F9) + Array(0x055A...0x055F)
        var present = Set<UInt32>()
        var index = 0
        while index + 1 < bytes.count {
            let lead = bytes[index]
            if (0xD5...0xDF).contains(lead) {
                present.insert(UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F))
                index += 2
            } else {
                index += 1
            }
        }
        guard let value = candidates.first(where: { !present.contains(UInt32($0)) }),
            let scalar = Unicode.Scalar(value), String(scalar).utf8.count == 2
        else { return nil }
        self.scalar = scalar
        self.utf8 = Array(String(scalar).utf8)
    }

    func restore(in node: OpaquePointer, type: cmark_node_type) {
        switch type {
        case CMARK_NODE_TEXT:
            replace(in: node, get: cmark_node_get_literal, set: cmark_node_set_literal, with: "@")
        case CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
            replace(in: node, get: cmark_node_get_literal, set: cmark_node_set_literal, with: "\\@")
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
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
