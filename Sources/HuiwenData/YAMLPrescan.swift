import HuiwenDiagnostics

/// A quick lexical pass over YAML before Yams sees it, refusing what Yams would handle badly.
///
/// Yams builds its node tree by recursion (one Swift frame per level), so a 10,000-deep
/// `[[[[…` or `- - - -…` could overflow the stack before any limit of ours applies; and its
/// duplicate-key check hashes whole key nodes, so an alias of a huge node used as a key would
/// hang. This pass computes an upper bound of the nesting depth (open indentation levels +
/// block indicators on the line + open flow brackets) and of the number of values, and refuses
/// complex keys (`? `, an alias or a list/map before `:`), which data files never need.
/// The bounds over-count by a level or two on ordinary files, hence `slack`.
struct YAMLPrescan {
    let source: SourceText
    let limits: DataLimits
    /// Levels the bound may exceed `maxDepth` by before refusing: the real depth is checked
    /// exactly when the nodes become values.
    static let slack = 16

    private enum Quote { case none, single, double }

    func check() -> Diagnostic? {
        let bytes = source.bytes
        let count = bytes.count
        var index = 0
        var indentStack: [Int] = []
        var flowDepth = 0
        var quote = Quote.none
        var atLineStart = true
        var lineStart = 0
        var lineIndicators = 0
        var tokenStart = true
        var tokenColumn = 0
        var nodeColumn: Int?
        var blockScalarThreshold: Int?
        var valueBound = 1

        func fail(_ offset: Int, _ message: String) -> Diagnostic {
            source.diagnostic(at: source.location(ofByte: offset), message)
        }
        func isBreakOrEnd(_ offset: Int) -> Bool {
            offset >= count || bytes[offset] == 0x20 || bytes[offset] == 0x0A || bytes[offset] == 0x0D
                || bytes[offset] == 0x09
        }
        func tooDeep() -> Bool {
            indentStack.count + lineIndicators + flowDepth > limits.maxDepth + Self.slack
        }
        let depthMessage = "nesting deeper than \(limits.maxDepth) levels"

        while index < count {
            if atLineStart {
                atLineStart = false
                lineStart = index
                lineIndicators = 0
                nodeColumn = nil
                tokenStart = true
                if quote != .none { continue }
                var indent = 0
                while index + indent < count, bytes[index + indent] == 0x20 { indent += 1 }
                var contentEnd = index + indent
                while contentEnd < count, bytes[contentEnd] == 0x09 || bytes[contentEnd] == 0x0D { contentEnd += 1 }
                let blank = contentEnd >= count || bytes[contentEnd] == 0x0A
                if let threshold = blockScalarThreshold {
                    if blank || indent >= threshold {
                        index = min(Self.nextLine(bytes, from: index), count)
                        atLineStart = true
                        continue
                    }
                    blockScalarThreshold = nil
                }
                if blank || bytes[contentEnd] == UInt8(ascii: "#") {
                    index = min(Self.nextLine(bytes, from: index), count)
                    atLineStart = true
                    continue
                }
                if flowDepth == 0 {
                    while let top = indentStack.last, top > indent { indentStack.removeLast() }
                    if indentStack.last != indent {
                        indentStack.append(indent)
                        valueBound += 1
                    }
                    if tooDeep() { return fail(index + indent, depthMessage) }
                }
                index += indent
                continue
            }
            let byte = bytes[index]
            if byte == 0x0A {
                atLineStart = true
                index += 1
                continue
            }
            switch quote {
            case .double:
                if byte == UInt8(ascii: "\\") {
                    index += 1
                    if index < count, bytes[index] == 0x0A { continue }
                } else if byte == UInt8(ascii: "\"") {
                    quote = .none
                }
                index += 1
                continue
            case .single:
                if byte == UInt8(ascii: "'") {
                    if index + 1 < count, bytes[index + 1] == UInt8(ascii: "'") {
                        index += 2
                        continue
                    }
                    quote = .none
                }
                index += 1
                continue
            case .none:
                break
            }
            let column = index - lineStart
            switch byte {
            case 0x20, 0x09, 0x0D:
                tokenStart = true
            case UInt8(ascii: "#") where tokenStart:
                while index + 1 < count, bytes[index + 1] != 0x0A { index += 1 }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if tokenStart {
                    quote = byte == UInt8(ascii: "\"") ? .double : .single
                    tokenColumn = column
                    tokenStart = false
                }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                // In block context a bracket opens a collection only where a node starts;
                // `x[1]` is plain text.
                if flowDepth > 0 || tokenStart {
                    flowDepth += 1
                    valueBound += 2
                    tokenStart = true
                    if tooDeep() { return fail(index, depthMessage) }
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if flowDepth > 0 {
                    flowDepth -= 1
                    var next = index + 1
                    while next < count, bytes[next] == 0x20 { next += 1 }
                    if next < count, bytes[next] == UInt8(ascii: ":") {
                        return fail(index, "a list or a map cannot be a map key")
                    }
                    tokenStart = false
                }
            case UInt8(ascii: ",") where flowDepth > 0:
                valueBound += 1
                tokenStart = true
            case UInt8(ascii: "*") where tokenStart:
                var next = index + 1
                while next < count, Self.isAnchorByte(bytes[next]) { next += 1 }
                while next < count, bytes[next] == 0x20 { next += 1 }
                if next < count, bytes[next] == UInt8(ascii: ":") {
                    return fail(index, "an alias cannot be a map key")
                }
                index = next - 1
                tokenStart = false
            case UInt8(ascii: "&"), UInt8(ascii: "!"):
                if tokenStart {
                    // An anchor or a tag: skip its name; the node follows after a space.
                    while index + 1 < count, !isBreakOrEnd(index + 1) { index += 1 }
                }
            case UInt8(ascii: "-") where tokenStart && flowDepth == 0 && isBreakOrEnd(index + 1):
                lineIndicators += 1
                valueBound += 1
                nodeColumn = column
                if tooDeep() { return fail(index, depthMessage) }
            case UInt8(ascii: "?") where tokenStart && isBreakOrEnd(index + 1):
                return fail(index, "explicit keys (\"? \") are not supported; write \"key: value\"")
            case UInt8(ascii: ":"):
                let next = index + 1
                let flowEnd =
                    flowDepth > 0
                    && (next >= count || [UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(bytes[next])
                        || (index > 0 && (bytes[index - 1] == UInt8(ascii: "\"") || bytes[index - 1] == UInt8(ascii: "'"))))
                if isBreakOrEnd(next) || flowEnd {
                    lineIndicators += 1
                    valueBound += 1
                    nodeColumn = tokenStart ? column : tokenColumn
                    tokenStart = true
                    if tooDeep() { return fail(index, depthMessage) }
                } else if tokenStart {
                    tokenColumn = column
                    tokenStart = false
                }
            case UInt8(ascii: "|") where tokenStart && flowDepth == 0,
                UInt8(ascii: ">") where tokenStart && flowDepth == 0:
                // A block scalar: its lines are text, not structure. They are the following
                // lines indented past the innermost collection on this line (or by the
                // explicit indentation indicator), as libyaml decides.
                var explicit: Int?
                var next = index + 1
                while next < count, !isBreakOrEnd(next) {
                    if DecimalNumeral.isDigit(bytes[next]) { explicit = Int(bytes[next] - UInt8(ascii: "0")) }
                    next += 1
                }
                let parent = nodeColumn ?? (indentStack.last ?? 0) - 1
                blockScalarThreshold = max(0, parent + (explicit ?? 1))
                index = Self.nextLine(bytes, from: index) - 2
            default:
                if tokenStart {
                    tokenColumn = column
                    tokenStart = false
                }
            }
            index += 1
            if valueBound > limits.maxValues {
                return fail(index - 1, "more than \(limits.maxValues) values in one file")
            }
        }
        return nil
    }

    /// The index just past the next line break (or one past the end, so that stepping back
    /// two lands before the break, or on the last byte).
    private static func nextLine(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
        return index + 1
    }

    /// libyaml's anchor and alias names: ASCII letters, digits, `-` and `_`.
    private static func isAnchorByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }
}
