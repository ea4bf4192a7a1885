/// The Mustache whitespace rules, applied to the token list before the tree is built:
/// a line holding only a section, comment, partial, parent, block or delimiter tag (and
/// whitespace) vanishes from the output; a standalone partial's leading whitespace becomes the
/// indentation of every line it renders; blocks are re-indented where they are expanded.
enum StandaloneLines {
    /// The block measures need the raw lines, so everything is computed before any token is
    /// changed.
    static func apply(to tokens: inout [TemplateToken]) {
        let lines = lineRanges(of: tokens)
        var lineOf = [Int](repeating: 0, count: tokens.count)
        for (number, range) in lines.enumerated() { for index in range { lineOf[index] = number } }
        let (opener, enclosingBlock) = nesting(of: tokens)

        for range in lines { markStandalone(range, in: &tokens, opener: opener, lineOf: lineOf) }

        // A block's content indentation: the leading whitespace of its first content line when
        // the opening tag stands alone, else the whitespace before the tag itself.
        var absoluteIndent = [Int: String]()
        for (line, range) in lines.enumerated() {
            // Whether only whitespace, parents and blocks come before the token on its line:
            // kept as the line is walked, so a line of thousands of tags is walked once.
            var onlyWhitespaceBefore = true
            for index in range {
                let token = tokens[index]
                if token.kind == .block {
                    if token.isStandalone {
                        absoluteIndent[index] = line + 1 < lines.count ? leadingWhitespace(lines[line + 1], tokens) : ""
                    } else {
                        absoluteIndent[index] = onlyWhitespaceBefore ? leadingWhitespace(lines[line], tokens) : ""
                    }
                }
                onlyWhitespaceBefore = onlyWhitespaceBefore
                    && (token.kind == .text ? isBlank(token.text) : token.kind == .parent || token.kind == .block)
            }
        }
        for (index, indent) in absoluteIndent {
            var relative = indent
            if let outer = enclosingBlock[index], let outerIndent = absoluteIndent[outer], indent.hasPrefix(outerIndent) {
                relative = String(indent.dropFirst(outerIndent.count))
            }
            tokens[index].indentation = relative
        }
        // Strip each block's indentation from the lines inside it; expansion adds back the
        // indentation of wherever the block lands.
        for range in lines {
            let first = range.lowerBound
            guard tokens[first].kind == .text, !tokens[first].isRemoved,
                let block = enclosingBlock[first], let indent = absoluteIndent[block], !indent.isEmpty,
                tokens[first].text.hasPrefix(indent)
            else { continue }
            tokens[first].text = String(tokens[first].text.dropFirst(indent.count))
            tokens[first].location.column += indent.unicodeScalars.count
        }
    }

    private static func markStandalone(
        _ range: Range<Int>, in tokens: inout [TemplateToken], opener: [Int?], lineOf: [Int]
    ) {
        var tags: [Int] = []
        for index in range {
            let token = tokens[index]
            if token.kind == .text {
                guard isBlank(token.text) else { return }
            } else {
                guard token.kind.canStandAlone else { return }
                tags.append(index)
            }
        }
        guard let firstTag = tags.first else { return }
        if tags.count > 1 {
            // Several tags make a standalone line only around parents and blocks
            // (`{{<parent}}{{$block}}`), and not when a block opens and closes on the line: that
            // block is a slot whose content takes the line's place.
            for index in tags {
                switch tokens[index].kind {
                case .parent, .block: continue
                case .close:
                    guard let open = opener[index] else { return }
                    if tokens[open].kind == .block && lineOf[open] == lineOf[index] { return }
                    if tokens[open].kind != .block && tokens[open].kind != .parent { return }
                default: return
                }
            }
        }
        let indentation = tokens[range.lowerBound].kind == .text ? tokens[range.lowerBound].text : ""
        for index in range {
            if tokens[index].kind == .text { tokens[index].isRemoved = true } else { tokens[index].isStandalone = true }
        }
        if tokens[firstTag].kind == .partial || tokens[firstTag].kind == .parent {
            tokens[firstTag].indentation = indentation
        }
    }

    /// Token index ranges of the source lines; a line ends with the text token holding `\n`.
    private static func lineRanges(of tokens: [TemplateToken]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for index in tokens.indices where tokens[index].kind == .text && tokens[index].text.utf8.last == UInt8(ascii: "\n") {
            lines.append(start..<(index + 1))
            start = index + 1
        }
        if start < tokens.count { lines.append(start..<tokens.count) }
        return lines
    }

    /// For each close tag, the index of the tag it closes (by nesting only; the tree builder
    /// checks names); for each token, the innermost block around it.
    private static func nesting(of tokens: [TemplateToken]) -> (opener: [Int?], enclosingBlock: [Int?]) {
        var opener = [Int?](repeating: nil, count: tokens.count)
        var enclosing = [Int?](repeating: nil, count: tokens.count)
        var stack: [Int] = []
        var blocks: [Int] = []
        for index in tokens.indices {
            switch tokens[index].kind {
            case .section, .inverted, .parent, .block:
                enclosing[index] = blocks.last
                stack.append(index)
                if tokens[index].kind == .block { blocks.append(index) }
            case .close:
                if let open = stack.popLast() {
                    opener[index] = open
                    if tokens[open].kind == .block, blocks.last == open { blocks.removeLast() }
                }
                enclosing[index] = blocks.last
            default:
                enclosing[index] = blocks.last
            }
        }
        return (opener, enclosing)
    }

    private static func leadingWhitespace(_ line: Range<Int>, _ tokens: [TemplateToken]) -> String {
        guard let first = line.first, tokens[first].kind == .text else { return "" }
        return String(tokens[first].text.unicodeScalars.prefix(while: { $0 == " " || $0 == "\t" }))
    }

    /// Spaces and tabs, optionally ending in a line break (`\n` or `\r\n`).
    static func isBlank(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if bytes.last == UInt8(ascii: "\n") { bytes = bytes.dropLast() }
        if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
        return bytes.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}
