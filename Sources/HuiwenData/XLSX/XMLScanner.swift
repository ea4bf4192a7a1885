import Foundation

/// A pull scanner over the UTF-8 bytes of one XML part of a workbook, built for speed on
/// machine-written sheets: it hands out byte ranges, allocates nothing per element, and reads
/// attributes and decodes text only when asked (a tag's end is found by skipping its quoted
/// values; the attributes are parsed, and checked, when the reader asks for one).
///
/// Foundation's `XMLParser` was measured first: 1.1–1.3 s to walk a 12 MB sheet (one delegate
/// call per element and per text, a `String` for every name), where a byte loop over the same
/// sheet takes 13 ms. This scanner is still XML: attributes in any order and either quote,
/// self-closing tags, entity and character references, CDATA, comments and processing
/// instructions, namespace prefixes (names are matched by their local part), and end tags
/// that must match. A DOCTYPE is refused (spreadsheet programs never write one, and its
/// entities are how XML bombs work).
///
/// ```swift
/// var scanner = XMLScanner(buffer)
/// while true {
///     switch try scanner.next() {
///     case .start where scanner.isName("c"): let ref = scanner.attribute("r")
///     case .endOfDocument: return
///     default: break
///     }
/// }
/// ```
struct XMLScanner {
    enum Event {
        /// A start tag; `name`, `attributes` and `isSelfClosing` describe it. A self-closing
        /// tag is followed by its `.end`.
        case start
        /// An end tag; `name` is its local name.
        case end
        /// Character data or a CDATA section: `text`.
        case text
        case endOfDocument
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset = 0
    /// The local name of the current tag.
    private(set) var name: Range<Int> = 0..<0
    private(set) var isSelfClosing = false
    /// The bytes between the current start tag's name and its `>` or `/>`.
    private(set) var attributeRegion: Range<Int> = 0..<0
    /// The current text or CDATA content.
    private(set) var text: Range<Int> = 0..<0
    /// CDATA content is literal: no references, no decoding.
    private(set) var textIsLiteral = false
    /// Whether the text holds a reference or a carriage return (which XML turns into a line feed).
    private(set) var textNeedsDecoding = false
    /// The qualified names of the open elements, innermost last.
    private var open: [Range<Int>] = []
    private var pendingEnd = false
    private var sawRoot = false
    /// `XMLScanner.classes`, held by each scanner: a static read in the byte loops would check
    /// its lazy initialization on every byte.
    let byteClass = XMLScanner.classes

    /// Deeper nesting than this is refused; no part of a workbook comes near it.
    static let maxDepth = 256

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // A UTF-8 byte-order mark is allowed before the XML declaration.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { offset = 3 }
        open.reserveCapacity(16)
    }

    mutating func next() throws(XMLError) -> Event {
        if pendingEnd {
            pendingEnd = false
            return .end
        }
        while true {
            guard offset < bytes.count else {
                if let innermost = open.last {
                    throw XMLError(offset: offset, "the part ends inside <\(string(innermost))>; the file is truncated")
                }
                if !sawRoot { throw XMLError(offset: offset, "the part holds no XML element") }
                return .endOfDocument
            }
            guard bytes[offset] == UInt8(ascii: "<") else {
                try scanText()
                if open.isEmpty {
                    guard isWhitespace(text) else { throw XMLError(offset: text.lowerBound, "text outside the root element") }
                    continue
                }
                return .text
            }
            let marker = offset + 1 < bytes.count ? bytes[offset + 1] : 0
            switch marker {
            case UInt8(ascii: "/"):
                try scanEndTag()
                return .end
            case UInt8(ascii: "?"):
                offset = try position(after: "?>", from: offset + 2, what: "processing instruction")
            case UInt8(ascii: "!"):
                if hasPrefix("<!--", at: offset) {
                    offset = try position(after: "-->", from: offset + 4, what: "comment")
                } else if hasPrefix("<![CDATA[", at: offset) {
                    guard !open.isEmpty else { throw XMLError(offset: offset, "CDATA outside the root element") }
                    let start = offset + 9
                    offset = try position(after: "]]>", from: start, what: "CDATA section")
                    text = start..<(offset - 3)
                    textIsLiteral = true
                    textNeedsDecoding = false
                    return .text
                } else if hasPrefix("<!DOCTYPE", at: offset) {
                    throw XMLError(offset: offset, "a DOCTYPE is not allowed in a workbook")
                } else {
                    throw XMLError(offset: offset, "\"<!\" that starts no comment or CDATA section")
                }
            default:
                try scanStartTag()
                return .start
            }
        }
    }

    /// Whether the current tag's local name is `literal`.
    func isName(_ literal: StaticString) -> Bool {
        equals(name, literal)
    }

    /// Whether the bytes of `range` are `literal`.
    func equals(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        let start = literal.utf8Start
        for index in 0..<range.count where bytes[range.lowerBound + index] != start[index] { return false }
        return true
    }

    /// The raw bytes of `range` as text, for names in messages (no decoding).
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    // MARK: - Scanning

    private mutating func scanText() throws(XMLError) {
        let start = offset
        var needsDecoding = false
        while offset < bytes.count {
            let byte = bytes[offset]
            if byteClass[Int(byte)] & Self.special != 0 {
                if byte == UInt8(ascii: "<") { break }
                if byte == UInt8(ascii: "&") || byte == 0x0D { needsDecoding = true }
            }
            offset += 1
        }
        text = start..<offset
        textIsLiteral = false
        textNeedsDecoding = needsDecoding
    }

    private mutating func scanStartTag() throws(XMLError) {
        let tagStart = offset
        offset += 1
        let qualified = try scanName()
        if open.isEmpty && sawRoot { throw XMLError(offset: tagStart, "a second root element") }
        name = localPart(of: qualified)
        isSelfClosing = false
        let regionStart = offset
        // To the tag's end, over quoted values (which may hold > and /).
        while true {
            guard offset < bytes.count else { throw XMLError(offset: tagStart, "unterminated tag") }
            let byte = bytes[offset]
            guard byteClass[Int(byte)] & Self.endsTag != 0 else {
                offset += 1
                continue
            }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                offset = try endOfValue(quotedAt: offset)
                continue
            }
            if byte == UInt8(ascii: ">") {
                attributeRegion = regionStart..<offset
                offset += 1
                break
            }
            if byte == UInt8(ascii: "/"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: ">") {
                attributeRegion = regionStart..<offset
                offset += 2
                isSelfClosing = true
                break
            }
            throw XMLError(offset: offset, "\"\(string(offset..<(offset + 1)))\" inside a tag")
        }
        sawRoot = true
        if isSelfClosing {
            pendingEnd = true
        } else {
            guard open.count < Self.maxDepth else {
                throw XMLError(offset: tagStart, "elements nested deeper than \(Self.maxDepth) levels")
            }
            open.append(qualified)
        }
    }

    /// The offset just past the closing quote of the value whose opening quote is at `start`.
    func endOfValue(quotedAt start: Int) throws(XMLError) -> Int {
        let quote = bytes[start]
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote { return index + 1 }
            if byte == UInt8(ascii: "<") { throw XMLError(offset: index, "\"<\" inside an attribute value") }
            index += 1
        }
        throw XMLError(offset: start, "unterminated attribute value")
    }

    private mutating func scanEndTag() throws(XMLError) {
        let tagStart = offset
        offset += 2
        let qualified = try scanName()
        while offset < bytes.count, isWhitespace(bytes[offset]) { offset += 1 }
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: ">") else {
            throw XMLError(offset: tagStart, "unterminated end tag")
        }
        offset += 1
        guard let innermost = open.popLast() else {
            throw XMLError(offset: tagStart, "end tag </\(string(qualified))> without a start tag")
        }
        guard innermost.count == qualified.count,
            memcmp(bytes.baseAddress! + innermost.lowerBound, bytes.baseAddress! + qualified.lowerBound, qualified.count) == 0
        else {
            throw XMLError(offset: tagStart, "end tag </\(string(qualified))> does not close <\(string(innermost))>")
        }
        name = localPart(of: qualified)
    }

    /// A name: up to white space, `/`, `>`, `=` or a quote.
    private mutating func scanName() throws(XMLError) -> Range<Int> {
        let range = try name(at: offset)
        offset = range.upperBound
        return range
    }

    /// The name starting at `start`: up to white space, `/`, `>`, `=`, a quote or `<`.
    func name(at start: Int) throws(XMLError) -> Range<Int> {
        var end = start
        while end < bytes.count, byteClass[Int(bytes[end])] & Self.endsName == 0 { end += 1 }
        guard end > start else { throw XMLError(offset: start, "a name was expected") }
        let first = bytes[start]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: ".") || (first >= 0x30 && first <= 0x39) {
            throw XMLError(offset: start, "\"\(string(start..<end))\" is not a valid name")
        }
        return start..<end
    }

    func localPart(of qualified: Range<Int>) -> Range<Int> {
        var index = qualified.upperBound
        while index > qualified.lowerBound {
            if bytes[index - 1] == UInt8(ascii: ":") { return index..<qualified.upperBound }
            index -= 1
        }
        return qualified
    }

    func isWhitespace(_ byte: UInt8) -> Bool {
        byteClass[Int(byte)] & Self.space != 0
    }

    /// Byte classes, one table lookup instead of a chain of comparisons in the loops that
    /// run over every byte of a part.
    static let space: UInt8 = 1
    /// White space and `/ > = " ' <`: what ends a name.
    static let endsName: UInt8 = 2
    /// `< & " '` and the control characters tab, LF and CR: what text and attribute values
    /// must look at.
    static let special: UInt8 = 4
    /// `" ' > / <`: what the scan to a tag's end must look at.
    static let endsTag: UInt8 = 8
    static let classes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for byte in [0x20, 0x09, 0x0A, 0x0D] { table[byte] |= space | endsName }
        for character in "/>=\"'<".utf8 { table[Int(character)] |= endsName }
        for character in "<&\"'".utf8 { table[Int(character)] |= special }
        for byte in [0x09, 0x0A, 0x0D] { table[byte] |= special }
        for character in "\"'>/<".utf8 { table[Int(character)] |= endsTag }
        return table
    }()

    func isWhitespace(_ range: Range<Int>) -> Bool {
        range.allSatisfy { isWhitespace(bytes[$0]) }
    }

    private func hasPrefix(_ literal: StaticString, at position: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        return equals(position..<(position + count), literal)
    }

    /// The offset just past the next `terminator` at or after `start`.
    private func position(after terminator: StaticString, from start: Int, what: String) throws(XMLError) -> Int {
        let count = terminator.utf8CodeUnitCount
        let first = terminator.utf8Start[0]
        var index = start
        while index + count <= bytes.count {
            if bytes[index] == first, equals(index..<(index + count), terminator) { return index + count }
            index += 1
        }
        throw XMLError(offset: start, "unterminated \(what)")
    }
}

/// Malformed XML in a part of a workbook: what is wrong and at which byte of the part.
struct XMLError: Error {
    var offset: Int
    var message: String

    init(offset: Int, _ message: String) {
        self.offset = offset
        self.message = message
    }
}
