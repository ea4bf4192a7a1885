import HuiwenDiagnostics

/// Builds the node tree from the tokens, matching section ends with their openings and
/// parsing names. Problems are collected so that one compile reports all of them.
///
/// Nesting is bounded (`Template.maxNesting`): Swift frees a tree of nested enums and arrays
/// by recursion, one frame per level, so a template whose sections nest thousands deep would
/// exhaust a thread's stack when its tree is freed. The first tag past the bound is an error
/// and the rest of the template is not checked (every tag after it would be one more error).
struct TemplateTreeBuilder {
    private struct Frame {
        var token: TemplateToken
        var nodes: [TemplateNode] = []
        var overrides: [String: [TemplateNode]] = [:]
        /// Where the text of the last node ends, when that node is text: the next text token
        /// joins it when it starts right there (nothing between them was removed), so a text
        /// node's position and its content stay in step.
        var textEnd: SourceLocation?
    }

    private(set) var diagnostics: [Diagnostic] = []
    private var frames: [Frame] = []

    mutating func build(_ tokens: [TemplateToken]) -> [TemplateNode] {
        frames = [Frame(token: TemplateToken(kind: .section, text: "", location: SourceLocation(path: "", line: 0, column: 0)))]
        for token in tokens where !token.isRemoved {
            switch token.kind {
            case .text:
                appendText(token)
            case .variable, .unescaped:
                if let expression = expression(token) {
                    append(.interpolation(expression, escaped: token.kind == .variable, at: token.location))
                }
            case .section, .inverted, .parent, .block:
                guard frames.count <= Template.maxNesting else {
                    diagnostics.append(Diagnostic(
                        at: token.location,
                        "nested deeper than \(Template.maxNesting) levels of sections, blocks and parents; the rest of the template is not checked"))
                    return frames[0].nodes
                }
                if token.text.isEmpty {
                    diagnostics.append(Diagnostic(at: token.location, "missing name in tag"))
                }
                frames.append(Frame(token: token))
            case .close:
                close(token)
            case .partial:
                if let reference = partialReference(token) {
                    append(.partial(reference, indentation: token.indentation, isStandalone: token.isStandalone, at: token.location))
                }
            case .comment, .delimiters:
                break
            }
        }
        while frames.count > 1, let frame = frames.popLast() {
            diagnostics.append(Diagnostic(
                at: frame.token.location, "'\(frame.token.text)' is never closed: expected {{/\(frame.token.text)}}"))
        }
        return frames[0].nodes
    }

    private mutating func close(_ token: TemplateToken) {
        guard frames.count > 1, let frame = frames.popLast() else {
            diagnostics.append(Diagnostic(at: token.location, "{{/\(token.text)}} closes nothing: no section is open"))
            return
        }
        let open = frame.token
        if withoutSpaces(open.text) != withoutSpaces(token.text) {
            diagnostics.append(Diagnostic(
                at: token.location,
                "{{/\(token.text)}} does not match {{\(sigil(open.kind))\(open.text)}} opened at line \(open.location.line), column \(open.location.column)"))
        }
        switch open.kind {
        case .section, .inverted:
            if let expression = expression(open) {
                append(.section(expression, inverted: open.kind == .inverted, body: frame.nodes, at: open.location))
            }
        case .block:
            append(.block(open.text, indentation: open.indentation, isStandalone: open.isStandalone, body: frame.nodes, at: open.location))
        case .parent:
            if let reference = partialReference(open) {
                append(.parent(
                    reference, indentation: open.indentation, isStandalone: open.isStandalone,
                    overrides: frame.overrides, at: open.location))
            }
        default:
            break
        }
    }

    private mutating func append(_ node: TemplateNode) {
        let top = frames.count - 1
        if frames[top].token.kind == .parent {
            // Inside a parent tag only block overrides count; other content is ignored.
            if case .block(let name, _, _, let body, _) = node, frames[top].overrides[name] == nil {
                frames[top].overrides[name] = body
            }
            return
        }
        frames[top].nodes.append(node)
        frames[top].textEnd = nil
    }

    /// Text joins the text node before it when it continues it in the file (the common case:
    /// one token per line); after a removed line or a comment it starts a node of its own.
    private mutating func appendText(_ token: TemplateToken) {
        let top = frames.count - 1
        // A text token holds at most one line break, at its end (the scanner cuts there).
        var end = token.location
        if token.text.utf8.last == UInt8(ascii: "\n") {
            end.line += 1
            end.column = 1
        } else {
            end.column += token.text.unicodeScalars.count
        }
        if frames[top].token.kind != .parent, let textEnd = frames[top].textEnd, textEnd == token.location,
            case .text(let previous, let start)? = frames[top].nodes.last
        {
            frames[top].nodes[frames[top].nodes.count - 1] = .text(previous + token.text, at: start)
            frames[top].textEnd = end
            return
        }
        append(.text(token.text, at: token.location))
        if frames[top].token.kind != .parent { frames[top].textEnd = end }
    }

    private mutating func expression(_ token: TemplateToken) -> TemplateExpression? {
        do throws(TemplateNameError) {
            return try TemplateNameParser.expression(token.text)
        } catch {
            diagnostics.append(Diagnostic(at: token.location, error.message))
            return nil
        }
    }

    private mutating func partialReference(_ token: TemplateToken) -> PartialReference? {
        let name = token.text
        guard !name.isEmpty else {
            diagnostics.append(Diagnostic(at: token.location, "missing partial name"))
            return nil
        }
        guard name.hasPrefix("*") else { return .named(name) }
        do throws(TemplateNameError) {
            return .dynamic(try TemplateNameParser.path(trimmed(String(name.dropFirst()))))
        } catch {
            diagnostics.append(Diagnostic(at: token.location, error.message))
            return nil
        }
    }

    private func withoutSpaces(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0 != " " && $0 != "\t" })
    }

    private func sigil(_ kind: TemplateToken.Kind) -> String {
        switch kind {
        case .inverted: "^"
        case .parent: "<"
        case .block: "$"
        default: "#"
        }
    }
}
