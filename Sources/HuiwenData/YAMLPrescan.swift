import HuiwenDiagnostics

/// A quick lexical pass over YAML before Yams sees it, refusing what Yams would handle badly.
///
/// Yams builds its node tree by recursion (one Swift frame per level), so a 10,000-deep
/// `[[[[…` or `- - - -…` could overflow the stack before any limit of ours applies; and its
/// duplicate-key check hashes whole key nodes, so an alias of a huge node used as a key would
/// hang. This pass follows libyaml's scanner closely enough to bound the nesting depth and
/// the number of values: it tracks block collections by column (libyaml's indent stack),
/// flow brackets, quoted, plain and block scalars (so brackets and quotes inside text are not
/// taken for structure). It also refuses complex keys (`? `, an alias or a list/map before
/// `:`), which data files never need.
struct YAMLPrescan {
    let source: SourceText
    let limits: DataLimits
    /// Levels the bound may exceed `maxDepth` by before refusing: the real depth is checked
    /// exactly when the nodes become values.
    static let slack = 16

    /// The deepest nesting the pass saw (an estimate, usually a level or two high), or the
    /// problem that makes the file unreadable.
    func check() -> Result<Int, Diagnostic> {
        var state = State(bytes: source.bytes, limits: limits)
        guard let (offset, message) = state.run() else { return .success(state.deepest) }
        return .failure(source.diagnostic(at: source.location(ofByte: offset), message))
    }
}

extension YAMLPrescan {
    enum Quote { case none, single, double }

    /// One open block collection: its column, and whether an indentless sequence (`key:` then
    /// `- item` at the key's column) hangs from it, which adds a level without a column.
    struct Collection {
        var column: Int
        var isMap: Bool
        var hasIndentlessSequence = false
    }

    struct State {
        let bytes: [UInt8]
        let limits: DataLimits
        var index = 0
        var lineStart = 0
        var atLineStart = true
        var collections: [Collection] = []
        var blockDepth = 0
        var flowDepth = 0
        var quote = Quote.none
        /// Inside a plain scalar, which may go on over line breaks.
        var plain = false
        var tokenStart = true
        var tokenColumn = 0
        /// A block scalar is open: its lines are text, whatever they hold.
        var blockScalarParent: Int?
        var blockScalarIndent: Int?
        var valueBound = 1

        init(bytes: [UInt8], limits: DataLimits) {
            self.bytes = bytes
            self.limits = limits
        }

        var depthMessage: String { "nesting deeper than \(limits.maxDepth) levels" }
        var deepest = 0
        /// Also records the deepest point, as every place that deepens the nesting asks.
        var tooDeep: Bool {
            mutating get {
                deepest = max(deepest, blockDepth + flowDepth)
                return blockDepth + flowDepth > limits.maxDepth + YAMLPrescan.slack
            }
        }
        /// libyaml's `parser->indent`: the column of the innermost block collection.
        var blockIndent: Int { collections.last?.column ?? -1 }

        func byte(at offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

        func isBlankOrEnd(_ offset: Int) -> Bool {
            guard let byte = byte(at: offset) else { return true }
            return byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
        }

        static func isFlowIndicator(_ byte: UInt8?) -> Bool {
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
                || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
        }

        mutating func skipToLineEnd() {
            while index < bytes.count, bytes[index] != 0x0A { index += 1 }
        }

        /// Opens a block collection at `column` (a `- ` or a key), unless it continues the
        /// innermost one.
        mutating func openBlock(at column: Int, isMap: Bool) {
            if let top = collections.last, top.column >= column {
                if top.column == column, !top.isMap, isMap {
                    collections[collections.count - 1] = Collection(column: column, isMap: true)
                } else if top.column == column, top.isMap, !isMap, !top.hasIndentlessSequence {
                    collections[collections.count - 1].hasIndentlessSequence = true
                    blockDepth += 1
                    valueBound += 1
                } else if top.column == column, top.isMap, isMap, top.hasIndentlessSequence {
                    collections[collections.count - 1].hasIndentlessSequence = false
                    blockDepth -= 1
                }
                return
            }
            collections.append(Collection(column: column, isMap: isMap))
            blockDepth += 1
            valueBound += 1
        }

        /// At a new line: libyaml's unroll of the indent stack to the line's indentation.
        mutating func closeBlocks(deeperThan indent: Int) {
            while let top = collections.last, top.column > indent {
                blockDepth -= top.hasIndentlessSequence ? 2 : 1
                collections.removeLast()
            }
        }

        /// Returns the byte offset and message of the first problem, or nil.
        mutating func run() -> (Int, String)? {
            while index < bytes.count {
                if atLineStart {
                    atLineStart = false
                    startLine()
                    continue
                }
                let byte = bytes[index]
                if byte == 0x0A {
                    atLineStart = true
                    index += 1
                    continue
                }
                if quote != .none {
                    scanQuoted(byte)
                    continue
                }
                if plain, !endsPlain(byte) {
                    tokenStart = byte == 0x20 || byte == 0x09 || byte == 0x0D
                    index += 1
                    continue
                }
                plain = false
                if let problem = scanToken(byte) { return problem }
                index += 1
                if valueBound > limits.maxValues {
                    return (index - 1, "more than \(limits.maxValues) values in one file")
                }
            }
            return nil
        }

        /// Whether `byte` ends the plain scalar being read: a comment, a `: `, or (in flow
        /// context) a flow indicator.
        func endsPlain(_ byte: UInt8) -> Bool {
            if byte == UInt8(ascii: "#") { return tokenStart }
            if byte == UInt8(ascii: ":") {
                return isBlankOrEnd(index + 1) || (flowDepth > 0 && Self.isFlowIndicator(self.byte(at: index + 1)))
            }
            return flowDepth > 0 && Self.isFlowIndicator(byte)
        }

        mutating func startLine() {
            lineStart = index
            tokenStart = true
            if quote != .none { return }
            var indent = 0
            while index + indent < bytes.count, bytes[index + indent] == 0x20 { indent += 1 }
            var contentEnd = index + indent
            while contentEnd < bytes.count, bytes[contentEnd] == 0x09 || bytes[contentEnd] == 0x0D { contentEnd += 1 }
            let blank = contentEnd >= bytes.count || bytes[contentEnd] == 0x0A
            if let parent = blockScalarParent {
                let minimum = max(parent + 1, 1)
                if blank || (indent >= minimum && indent >= (blockScalarIndent ?? indent)) {
                    if !blank, blockScalarIndent == nil { blockScalarIndent = indent }
                    skipToLineEnd()
                    return
                }
                blockScalarParent = nil
                blockScalarIndent = nil
            }
            if blank {
                skipToLineEnd()
                return
            }
            if bytes[contentEnd] == UInt8(ascii: "#") {
                plain = false
                skipToLineEnd()
                return
            }
            if flowDepth == 0 {
                // A plain scalar goes on where the next line is indented past its collection.
                if plain, indent > blockIndent {
                    index += indent
                    return
                }
                plain = false
                closeBlocks(deeperThan: indent)
            }
            index += indent
        }

        mutating func scanQuoted(_ current: UInt8) {
            switch quote {
            case .double:
                if current == UInt8(ascii: "\\") {
                    index += 1
                    if byte(at: index) == 0x0A { return }
                } else if current == UInt8(ascii: "\"") {
                    quote = .none
                }
                index += 1
            case .single:
                if current == UInt8(ascii: "'") {
                    if byte(at: index + 1) == UInt8(ascii: "'") {
                        index += 2
                        return
                    }
                    quote = .none
                }
                index += 1
            case .none:
                index += 1
            }
            if quote == .none { tokenStart = false }
        }
    }
}
