/// Turning the scanner's byte ranges into text: references (`&amp;`, `&#22478;`, `&#x5E02;`)
/// resolved, line ends normalized as XML says (CR LF and a lone CR become LF; in an attribute
/// value, tabs and line breaks become spaces), and the result checked to be valid UTF-8.
extension XMLScanner {
    /// The current text event as a string.
    func currentText() throws(XMLError) -> String {
        try decode(text, needsDecoding: textNeedsDecoding && !textIsLiteral, inAttribute: false)
    }

    /// Appends the current text event's decoded bytes (for text split by CDATA or comments).
    func appendCurrentText(to buffer: inout [UInt8]) throws(XMLError) {
        if textIsLiteral || !textNeedsDecoding {
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[text]))
        } else {
            try appendDecoded(text, inAttribute: false, to: &buffer)
        }
    }

    /// The bytes of `range` as element text, references resolved.
    func string(decoding range: Range<Int>) throws(XMLError) -> String {
        try decode(range, needsDecoding: true, inAttribute: false)
    }

    /// An attribute's value as a string.
    func value(of attribute: Attribute) throws(XMLError) -> String {
        try decode(attribute.value, needsDecoding: attribute.needsDecoding, inAttribute: true)
    }

    /// The value of the attribute named `literal`, or nil when the tag has none.
    func attributeValue(_ literal: StaticString) throws(XMLError) -> String? {
        guard let attribute = try attribute(literal) else { return nil }
        return try value(of: attribute)
    }

    /// Bytes of the part as a string, checked to be UTF-8.
    func validString(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) throws(XMLError) -> String {
        guard let text = String(validating: buffer, as: UTF8.self) else {
            throw XMLError(offset: offset, "invalid UTF-8")
        }
        return text
    }

    private func decode(_ range: Range<Int>, needsDecoding: Bool, inAttribute: Bool) throws(XMLError) -> String {
        if !needsDecoding { return try validString(UnsafeBufferPointer(rebasing: bytes[range]), at: range.lowerBound) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(range.count)
        try appendDecoded(range, inAttribute: inAttribute, to: &buffer)
        return try buffer.withUnsafeBufferPointer { (decoded) throws(XMLError) in try validString(decoded, at: range.lowerBound) }
    }

    private func appendDecoded(_ range: Range<Int>, inAttribute: Bool, to buffer: inout [UInt8]) throws(XMLError) {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"):
                guard let end = (index..<range.upperBound).first(where: { bytes[$0] == UInt8(ascii: ";") }) else {
                    throw XMLError(offset: index, "\"&\" that starts no reference (write &amp;)")
                }
                try appendReference((index + 1)..<end, to: &buffer)
                index = end + 1
                continue
            case 0x0D:
                // CR LF and a lone CR are one line feed.
                if index + 1 < range.upperBound, bytes[index + 1] == 0x0A { index += 1 }
                buffer.append(inAttribute ? 0x20 : 0x0A)
            case 0x09 where inAttribute, 0x0A where inAttribute:
                buffer.append(0x20)
            default:
                buffer.append(byte)
            }
            index += 1
        }
    }

    /// `amp`, `lt`, `gt`, `quot`, `apos`, `#NNN` or `#xHHH` (between `&` and `;`).
    private func appendReference(_ range: Range<Int>, to buffer: inout [UInt8]) throws(XMLError) {
        if equals(range, "amp") { buffer.append(UInt8(ascii: "&")); return }
        if equals(range, "lt") { buffer.append(UInt8(ascii: "<")); return }
        if equals(range, "gt") { buffer.append(UInt8(ascii: ">")); return }
        if equals(range, "quot") { buffer.append(UInt8(ascii: "\"")); return }
        if equals(range, "apos") { buffer.append(UInt8(ascii: "'")); return }
        guard range.count >= 2, bytes[range.lowerBound] == UInt8(ascii: "#") else {
            throw XMLError(offset: range.lowerBound - 1, "unknown entity &\(string(range));")
        }
        let isHex = bytes[range.lowerBound + 1] == UInt8(ascii: "x")
        let digits = (range.lowerBound + (isHex ? 2 : 1))..<range.upperBound
        var code: UInt32 = 0
        for index in digits {
            guard let digit = Self.digitValue(bytes[index], hex: isHex), code <= 0x10FFFF else {
                throw XMLError(offset: range.lowerBound - 1, "malformed character reference &\(string(range));")
            }
            code = code * (isHex ? 16 : 10) + digit
        }
        guard !digits.isEmpty, Self.isXMLCharacter(code), let scalar = Unicode.Scalar(code) else {
            throw XMLError(offset: range.lowerBound - 1, "&\(string(range)); is not a character XML allows")
        }
        buffer.append(contentsOf: UTF8.encode(scalar)!)
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// XML 1.0's Char production.
    private static func isXMLCharacter(_ code: UInt32) -> Bool {
        code == 0x09 || code == 0x0A || code == 0x0D || (0x20...0xD7FF).contains(code)
            || (0xE000...0xFFFD).contains(code) || (0x10000...0x10FFFF).contains(code)
    }
}
