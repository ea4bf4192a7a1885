import HuiwenData
import HuiwenDiagnostics
import HuiwenText

/// The state of one render: output buffer, context stack, indentation and the diagnostics
/// collected so far. Lives for one `Template.render` call and is never shared.
///
/// A struct rather than a class: a class's stored properties are checked for exclusive access
/// at run time on every write (`output += …`), which was a tenth of a merge.
struct TemplateRenderer {
    /// One level of the context stack; items of a list also know their place in it.
    struct Frame {
        var value: Value
        var index = -1
        var count = 0
    }

    let options: RenderOptions
    /// What the render read, when `options.recordsInputs` asks for it.
    var inputs = TemplateInputs()
    var output = ""
    var escapedRanges: [Range<Int>] = []
    /// Where the output's pieces came from, when `options.recordsSourceMap` asks for it.
    var sourceMap = TemplateSourceMap()
    var diagnostics: [Diagnostic] = []
    private var reported: Set<Diagnostic> = []
    var stack: [Frame]
    /// The template being rendered (the root or a partial), to attach source lines to errors.
    var currentTemplate: Template

    /// Prefixed to every line that template text starts while rendering indented partials.
    private var indentation = ""
    /// True after template text ended a line: the next character written gets `indentation`.
    private var atLineStart = true
    /// Block overrides in force: the caller's override wins over those of deeper parents.
    private var blocks: [String: [TemplateNode]] = [:]
    private var partialChain: [String] = []
    private var recursionExceeded = false
    /// Set when the output outgrows `maxOutputBytes`: everything after is skipped, so partials
    /// that double at every level cannot run for ever.
    private var aborted = false
    /// Partials expanded so far: bounded too, for recursive partials that print nothing.
    private var expansions = 0
    static let maxExpansions = 1_000_000

    init(template: Template, context: Value, options: RenderOptions) {
        self.options = options
        self.currentTemplate = template
        self.stack = [Frame(value: context)]
        output.reserveCapacity(template.source.utf8.count * 2 + 256)
    }

    mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes {
            if aborted { return }
            switch node {
            case .text(let text, let location):
                writeTemplateText(text, at: location)
            case .interpolation(let expression, let escaped, let location):
                interpolate(expression, escaped: escaped, at: location)
            case .section(let expression, let inverted, let body, let location):
                renderSection(expression, inverted: inverted, body: body, at: location)
            case .partial(let reference, let indentation, let isStandalone, let location):
                renderPartial(reference, indentation: indentation, isStandalone: isStandalone, overrides: nil, at: location)
            case .parent(let reference, let indentation, let isStandalone, let overrides, let location):
                renderPartial(reference, indentation: indentation, isStandalone: isStandalone, overrides: overrides, at: location)
            case .block(let name, let indentation, let isStandalone, let body):
                renderBlock(blocks[name] ?? body, indentation: indentation, isStandalone: isStandalone)
            }
        }
    }

    // MARK: Tags

    private mutating func interpolate(_ expression: TemplateExpression, escaped: Bool, at location: SourceLocation) {
        guard let value = evaluate(expression, at: location, forSection: false) else { return }
        // Strings and numbers here rather than through `Value.text` (a call into HuiwenData that
        // cannot be inlined); numbers through DecimalText.plain, the same text, faster.
        let text: String?
        switch value.kind {
        case .string(let string): text = string
        case .number(let number): text = DecimalText.plain(number)
        default: text = value.text
        }
        guard let text else {
            if options.strict {
                report(Diagnostic(
                    at: location,
                    "'\(expression)' is a \(value.typeName) and has no text; to go through it use a section {{#\(expression)}}…{{/\(expression)}}"))
            }
            return
        }
        guard escaped else {
            writeValue(text, at: location)
            return
        }
        let escapedText = options.escaper.escape(text)
        guard !escapedText.isEmpty else { return }
        writePendingIndentation()
        let start = output.utf8.count
        if options.recordsSourceMap { sourceMap.append(offset: start, location: location, isTemplateText: false) }
        output += escapedText
        escapedRanges.append(start..<output.utf8.count)
    }

    private mutating func renderSection(_ expression: TemplateExpression, inverted: Bool, body: [TemplateNode], at location: SourceLocation) {
        let value = evaluate(expression, at: location, forSection: true)
        let truthy = value.map(Self.isTruthy) ?? false
        if inverted {
            if !truthy { render(body) }
            return
        }
        guard truthy, let value else { return }
        if case .list(let items) = value.kind {
            for (index, item) in items.enumerated() {
                stack.append(Frame(value: item, index: index, count: items.count))
                render(body)
                stack.removeLast()
                if checkOutputSize(at: location) { return }
            }
        } else {
            stack.append(Frame(value: value))
            render(body)
            stack.removeLast()
        }
    }

    /// Mustache's falsey values: false, null and the empty list; everything else is shown.
    static func isTruthy(_ value: Value) -> Bool {
        switch value.kind {
        case .bool(let flag): flag
        case .null: false
        case .list(let items): !items.isEmpty
        default: true
        }
    }

    private mutating func renderPartial(
        _ reference: PartialReference, indentation extra: String, isStandalone: Bool,
        overrides: [String: [TemplateNode]]?, at location: SourceLocation
    ) {
        guard let name = partialName(reference, at: location), !recursionExceeded, !checkOutputSize(at: location) else {
            return
        }
        expansions += 1
        guard expansions <= Self.maxExpansions else {
            aborted = true
            report(Diagnostic(at: location, "more than \(Self.maxExpansions) partials expanded; rendering stopped"))
            return
        }
        guard partialChain.count < options.maxPartialDepth else {
            recursionExceeded = true
            let chain = (partialChain + [name]).prefix(8).joined(separator: " > ")
            report(Diagnostic(at: location, "partial recursion deeper than \(options.maxPartialDepth): \(chain) > …"))
            return
        }
        guard let library = options.partials else {
            if options.strict { report(Diagnostic(at: location, "no partial named '\(name)': no partials are available here")) }
            return
        }
        let template: Template
        switch library.entry(named: name) {
        case .compiled(let compiled):
            template = compiled
        case .missing:
            if options.strict { report(Diagnostic(at: location, "no partial named '\(name)'")) }
            return
        case .refused(let message):
            report(Diagnostic(at: location, message))
            return
        case .failed(let problems):
            for problem in problems { report(problem) }
            return
        }

        if options.recordsInputs { inputs.partialPaths.insert(template.path) }
        let saved = (indentation, blocks, currentTemplate)
        if isStandalone {
            indentation += extra
            atLineStart = true
        } else {
            // An inline partial's own lines are not indented; only its first character may
            // still owe the indentation of the line it sits on.
            writePendingIndentation()
            indentation = ""
        }
        if let overrides {
            blocks = overrides.merging(blocks) { _, callers in callers }
        }
        partialChain.append(name)
        currentTemplate = template
        render(template.nodes)
        partialChain.removeLast()
        (indentation, blocks, currentTemplate) = saved
    }

    private mutating func renderBlock(_ body: [TemplateNode], indentation extra: String, isStandalone: Bool) {
        let saved = indentation
        indentation += extra
        if isStandalone { atLineStart = true }
        render(body)
        indentation = saved
    }

    private mutating func partialName(_ reference: PartialReference, at location: SourceLocation) -> String? {
        switch reference {
        case .named(let name):
            return name
        case .dynamic(let path):
            guard let value = resolve(path, at: location, required: options.strict) else { return nil }
            guard let text = value.text, !value.isNull else {
                if options.strict {
                    report(Diagnostic(at: location, "'\(path)' is a \(value.typeName); a dynamic partial name must be text"))
                }
                return nil
            }
            return text
        }
    }

    // MARK: Output

    /// Template text: each line it starts gets the current indentation (empty lines stay
    /// empty, so indented partials leave no trailing spaces).
    private mutating func writeTemplateText(_ text: String, at location: SourceLocation) {
        guard let last = text.utf8.last else { return }
        if indentation.isEmpty {
            if options.recordsSourceMap { sourceMap.append(offset: output.utf8.count, location: location, isTemplateText: true) }
            output += text
            atLineStart = last == UInt8(ascii: "\n")
            return
        }
        var rest = Substring(text)
        var lineLocation = location
        while let first = rest.utf8.first {
            if atLineStart && first != UInt8(ascii: "\n") { output += indentation }
            if options.recordsSourceMap {
                // Each line is its own piece: the indentation before it is not in the file.
                sourceMap.append(offset: output.utf8.count, location: lineLocation, isTemplateText: true)
                lineLocation.line += 1
                lineLocation.column = 1
            }
            if let newline = rest.utf8.firstIndex(of: UInt8(ascii: "\n")) {
                let next = rest.utf8.index(after: newline)
                output += rest[..<next]
                rest = rest[next...]
                atLineStart = true
            } else {
                output += rest
                atLineStart = false
                rest = ""
            }
        }
    }

    /// A value's text is never re-indented: its line breaks are data, not template lines.
    private mutating func writeValue(_ text: String, at location: SourceLocation) {
        guard !text.isEmpty else { return }
        writePendingIndentation()
        if options.recordsSourceMap { sourceMap.append(offset: output.utf8.count, location: location, isTemplateText: false) }
        output += text
    }

    private mutating func writePendingIndentation() {
        if atLineStart && !indentation.isEmpty { output += indentation }
        atLineStart = false
    }

    /// True (and reported once) when the output has grown past the limit.
    private mutating func checkOutputSize(at location: SourceLocation) -> Bool {
        guard output.utf8.count > options.maxOutputBytes else { return false }
        if !aborted {
            aborted = true
            report(Diagnostic(at: location, "output grew past \(options.maxOutputBytes) bytes here; rendering stopped"))
        }
        return true
    }

    // MARK: Diagnostics

    /// Collects a problem once: a partial rendered for every item of a list would otherwise
    /// repeat the same error at the same tag.
    mutating func report(_ diagnostic: Diagnostic) {
        let complete = currentTemplate.withSourceLine(diagnostic)
        if reported.insert(complete).inserted { diagnostics.append(complete) }
    }
}
