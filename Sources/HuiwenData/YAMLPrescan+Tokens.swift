extension YAMLPrescan.State {
    /// One byte outside quotes and plain scalars; the cursor moves past it afterwards.
    /// Returns a problem (offset, message) when the input must be refused.
    mutating func scanToken(_ byte: UInt8) -> (Int, String)? {
        let column = index - lineStart
        switch byte {
        case 0x20, 0x09, 0x0D:
            tokenStart = true
        case UInt8(ascii: "#") where tokenStart:
            skipToLineEnd()
            index -= 1
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            if tokenStart {
                quote = byte == UInt8(ascii: "\"") ? .double : .single
                tokenColumn = column
            }
            tokenStart = false
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            flowDepth += 1
            valueBound += 2
            tokenStart = true
            if tooDeep { return (index, depthMessage) }
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
            if flowDepth > 0 {
                flowDepth -= 1
                var next = index + 1
                while self.byte(at: next) == 0x20 { next += 1 }
                if self.byte(at: next) == UInt8(ascii: ":") {
                    return (index, "a list or a map cannot be a map key")
                }
            }
            tokenStart = false
        case UInt8(ascii: ",") where flowDepth > 0:
            valueBound += 1
            tokenStart = true
        case UInt8(ascii: "*") where tokenStart:
            var next = index + 1
            while let name = self.byte(at: next), Self.isAnchorByte(name) { next += 1 }
            var after = next
            while self.byte(at: after) == 0x20 { after += 1 }
            if self.byte(at: after) == UInt8(ascii: ":") {
                return (index, "an alias cannot be a map key")
            }
            tokenColumn = column
            index = next - 1
            tokenStart = false
        case UInt8(ascii: "&") where tokenStart:
            // An anchor's name is what libyaml reads as one: letters, digits, `-`, `_`.
            while let name = self.byte(at: index + 1), Self.isAnchorByte(name) { index += 1 }
        case UInt8(ascii: "!") where tokenStart:
            // A tag runs to a blank, or in flow context to a flow indicator, which then counts.
            while !isBlankOrEnd(index + 1), !(flowDepth > 0 && Self.isFlowIndicator(self.byte(at: index + 1))) {
                index += 1
            }
        case UInt8(ascii: "-") where tokenStart && flowDepth == 0 && isBlankOrEnd(index + 1):
            openBlock(at: column, isMap: false)
            valueBound += 1
            if tooDeep { return (index, depthMessage) }
        case UInt8(ascii: "?") where tokenStart && isBlankOrEnd(index + 1):
            return (index, "explicit keys (\"? \") are not supported; write \"key: value\"")
        case UInt8(ascii: ":")
        where isBlankOrEnd(index + 1)
            || (flowDepth > 0
                && (Self.isFlowIndicator(self.byte(at: index + 1)) || (index > 0 && isQuote(bytes[index - 1])))):
            if flowDepth == 0 { openBlock(at: tokenStart ? column : tokenColumn, isMap: true) }
            valueBound += 1
            tokenStart = true
            if tooDeep { return (index, depthMessage) }
        case UInt8(ascii: "|") where tokenStart && flowDepth == 0,
            UInt8(ascii: ">") where tokenStart && flowDepth == 0:
            // A block scalar: its lines are text. Which lines is decided as libyaml does:
            // indented past the innermost collection, by the explicit indentation indicator
            // or else as the first line of text.
            var explicit: Int?
            var next = index + 1
            while !isBlankOrEnd(next) {
                if let digit = self.byte(at: next), digit >= UInt8(ascii: "1"), digit <= UInt8(ascii: "9") {
                    explicit = Int(digit - UInt8(ascii: "0"))
                }
                next += 1
            }
            blockScalarParent = blockIndent
            blockScalarIndent = explicit.map { blockIndent >= 0 ? blockIndent + $0 : $0 }
            skipToLineEnd()
            index -= 1
        default:
            if tokenStart {
                tokenColumn = column
                plain = true
            }
            tokenStart = false
        }
        return nil
    }

    func isQuote(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    /// libyaml's anchor and alias names: ASCII letters, digits, `-` and `_`.
    static func isAnchorByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }
}
