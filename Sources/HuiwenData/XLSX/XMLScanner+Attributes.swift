/// The attributes of the current start tag, parsed when asked for: most tags of a sheet are
/// only passed over. Parsing checks the syntax (a name, `=`, a quoted value, white space
/// between attributes); names match by their local part, so `r:id` answers to `id`.
extension XMLScanner {
    /// One attribute of the current start tag, as byte ranges.
    struct Attribute {
        /// The local name (after a prefix such as `r:`).
        var name: Range<Int>
        var hasPrefix: Bool
        /// Between the quotes.
        var value: Range<Int>
        /// Whether the value holds a reference (`&amp;`) or a character that normalizes to a space.
        var needsDecoding: Bool
    }

    /// The first attribute whose local name is `literal`, with or without a prefix.
    func attribute(_ literal: StaticString) throws(XMLError) -> Attribute? {
        var found: Attribute?
        try forEachAttribute { attribute in
            guard equals(attribute.name, literal) else { return true }
            found = attribute
            return false
        }
        return found
    }

    /// Calls `body` with each attribute in order until it returns false.
    func forEachAttribute(_ body: (Attribute) throws(XMLError) -> Bool) throws(XMLError) {
        var index = attributeRegion.lowerBound
        let end = attributeRegion.upperBound
        while index < end {
            let spaceStart = index
            while index < end, isWhitespace(bytes[index]) { index += 1 }
            if index == end { return }
            guard index > spaceStart else { throw XMLError(offset: index, "attributes must be separated by white space") }
            let qualified = try name(at: index)
            index = qualified.upperBound
            while index < end, isWhitespace(bytes[index]) { index += 1 }
            guard index < end, bytes[index] == UInt8(ascii: "=") else {
                throw XMLError(offset: index, "attribute \(string(qualified)) has no value")
            }
            index += 1
            while index < end, isWhitespace(bytes[index]) { index += 1 }
            guard index < end, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                throw XMLError(offset: index, "attribute \(string(qualified))'s value is not quoted")
            }
            let valueEnd = try endOfValue(quotedAt: index) - 1
            let value = (index + 1)..<valueEnd
            var needsDecoding = false
            for position in value {
                let byte = bytes[position]
                if byte == UInt8(ascii: "&") || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    needsDecoding = true
                    break
                }
            }
            let local = localPart(of: qualified)
            let attribute = Attribute(
                name: local, hasPrefix: local.lowerBound > qualified.lowerBound, value: value, needsDecoding: needsDecoding)
            index = valueEnd + 1
            guard try body(attribute) else { return }
        }
    }
}
