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
    /// Partials and blocks expanded so far: bounded too, for recursive partials that print
    /// nothing and overrides that fill each other's blocks two at a time.
    private var expansions = 0
    static let maxExpansions = 1_000_000
    /// The lowest context frame a lookup has read since the section being kept began (-1: a
    /// name was missed, so every frame was searched); `SectionMemo`.
    var lowestFrameRead = Int.max
    /// Whether a section is being rendered for the memo: sections inside it render as usual.
    private var keepingSection = false

    init(template: Template, context: Value, options: RenderOptions) {
        self.options = options
        self.currentTemplate = template
        self.stack = [Frame(value: context)]
        output.reserveCapacity(template.source.utf8.count * 2 + 256)
    }

    /// What is left to do, innermost last. The renderer walks the tree with this explicit
    /// stack rather than by recursion: sections nest up to `Template.maxNesting` levels in
    /// each template, and partials and parents multiply that, so recursion could exhaust the
    /// stack of whatever thread renders (a secondary thread has 512 KiB on macOS; a debug
    /// build spent 3 KiB a level, and 2,700 nested sections overflowed even the main thread's 8 MiB).
    private enum Step {
        /// `nodes[next...]` to render.
        case nodes([TemplateNode], next: Int)
        /// The body once for each of `items[next...]`, each item on top of the context.
        case items([Value], next: Int, body: [TemplateNode], at: SourceLocation)
        /// A section's value leaves the context stack.
        case popContext
        /// A partial or parent is done: its caller's state comes back.
        case leavePartial(indentation: String, blocks: [String: [TemplateNode]], template: Template)
        /// A block is done: the indentation and overrides around it come back.
        case leaveBlock(indentation: String, blocks: [String: [TemplateNode]])
        /// A section rendered for the memo is done: kept if it read only its own items.
        case keepSection(SectionRecording)
    }

    /// Where a section being rendered for the memo started.
    private struct SectionRecording {
        var location: SourceLocation
        var value: Value
        var frameBase: Int
        var outputStart: Int
        var rangesStart: Int
        var diagnosticsCount: Int
    }

    mutating func render(_ nodes: [TemplateNode]) {
        var steps: [Step] = [.nodes(nodes, next: 0)]
        while !aborted, let step = steps.popLast() {
            switch step {
            case .nodes(let nodes, var next):
                // Text and values in a tight loop; a tag with a body leaves the rest of the
                // list on the stack, under the steps of its body.
                while next < nodes.count, !aborted {
                    let node = nodes[next]
                    next += 1
                    switch node {
                    case .text(let text, let location):
                        writeTemplateText(text, at: location)
                    case .interpolation(let expression, let escaped, let location):
                        interpolate(expression, escaped: escaped, at: location)
                    default:
                        if next < nodes.count { steps.append(.nodes(nodes, next: next)) }
                        enter(node, &steps)
                        next = nodes.count
                    }
                }
            case .items(let items, let next, let body, let location):
                if next > 0, checkOutputSize(at: location) { continue }
                guard next < items.count else { continue }
                steps.append(.items(items, next: next + 1, body: body, at: location))
                stack.append(Frame(value: items[next], index: next, count: items.count))
                steps.append(.popContext)
                steps.append(.nodes(body, next: 0))
            case .popContext:
                stack.removeLast()
            case .leavePartial(let savedIndentation, let savedBlocks, let savedTemplate):
                partialChain.removeLast()
                (indentation, blocks, currentTemplate) = (savedIndentation, savedBlocks, savedTemplate)
            case .leaveBlock(let savedIndentation, let savedBlocks):
                (indentation, blocks) = (savedIndentation, savedBlocks)
            case .keepSection(let recording):
                keepSection(recording)
            }
        }
    }

    /// Keeps the section just rendered in the memo when it read only frames it pushed itself
    /// and nothing went wrong (`SectionMemo`).
    private mutating func keepSection(_ recording: SectionRecording) {
        keepingSection = false
        guard let memo = options.sectionMemo, !aborted, lowestFrameRead >= recording.frameBase,
            diagnostics.count == recording.diagnosticsCount
        else { return }
        let start = recording.outputStart
        let utf8 = output.utf8
        let text = String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)...]))
        let ranges = escapedRanges[recording.rangesStart...].map { ($0.lowerBound - start)..<($0.upperBound - start) }
        memo.keep(
            SectionMemo.Entry(value: recording.value, text: text, escapedRanges: ranges, endsLine: atLineStart),
            at: recording.location)
    }

    /// Starts a tag that has a body: pushes the steps that render it.
    private mutating func enter(_ node: TemplateNode, _ steps: inout [Step]) {
        switch node {
        case .section(let expression, let inverted, let body, let location):
            enterSection(expression, inverted: inverted, body: body, at: location, &steps)
        case .partial(let reference, let indentation, let isStandalone, let location):
            enterPartial(reference, indentation: indentation, isStandalone: isStandalone, overrides: nil, at: location, &steps)
        case .parent(let reference, let indentation, let isStandalone, let overrides, let location):
            enterPartial(reference, indentation: indentation, isStandalone: isStandalone, overrides: overrides, at: location, &steps)
        case .block(let name, let extra, let isStandalone, let body, let location):
            enterBlock(name, indentation: extra, isStandalone: isStandalone, body: body, at: location, &steps)
        case .text, .interpolation:
            break
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
        // A large value inserted many times grows the output as fast as a list does.
        defer { _ = checkOutputSize(at: location) }
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

    private mutating func enterSection(
        _ expression: TemplateExpression, inverted: Bool, body: [TemplateNode], at location: SourceLocation,
        _ steps: inout [Step]
    ) {
        let value = evaluate(expression, at: location, forSection: true)
        let truthy = value.map(Self.isTruthy) ?? false
        if inverted {
            if !truthy { steps.append(.nodes(body, next: 0)) }
            return
        }
        guard truthy, let value else { return }
        if case .list(let items) = value.kind {
            // Only in the template itself: a partial's text may change while the template and
            // its memo live on (`serve`), and its indentation is render state.
            if let memo = options.sectionMemo, !keepingSection, partialChain.isEmpty, indentation.isEmpty,
                !options.recordsSourceMap, memo.accepts(body, at: location) {
                if let entry = memo.entry(at: location, for: value),
                    output.utf8.count + entry.text.utf8.count <= options.maxOutputBytes {
                    let start = output.utf8.count
                    output += entry.text
                    escapedRanges += entry.escapedRanges.map { ($0.lowerBound + start)..<($0.upperBound + start) }
                    atLineStart = entry.endsLine
                    return
                }
                keepingSection = true
                lowestFrameRead = Int.max
                steps.append(.keepSection(SectionRecording(
                    location: location, value: value, frameBase: stack.count, outputStart: output.utf8.count,
                    rangesStart: escapedRanges.count, diagnosticsCount: diagnostics.count)))
            }
            steps.append(.items(items, next: 0, body: body, at: location))
        } else {
            stack.append(Frame(value: value))
            steps.append(.popContext)
            steps.append(.nodes(body, next: 0))
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

    private mutating func enterPartial(
        _ reference: PartialReference, indentation extra: String, isStandalone: Bool,
        overrides: [String: [TemplateNode]]?, at location: SourceLocation, _ steps: inout [Step]
    ) {
        guard let name = partialName(reference, at: location), !recursionExceeded, expand(at: location) else { return }
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
        case .refused(let problem):
            report(Diagnostic(at: problem.location ?? location, problem.message))
            return
        case .failed(let problems):
            for problem in problems { report(problem) }
            return
        }

        if options.recordsInputs { inputs.partialPaths.insert(template.path) }
        steps.append(.leavePartial(indentation: indentation, blocks: blocks, template: currentTemplate))
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
        steps.append(.nodes(template.nodes, next: 0))
    }

    /// `{{$name}}`: the override in force, else the block's own body. An override fills its
    /// slot once: a block of the same name inside it shows its own body (else the override
    /// `{{$b}}x{{$b}}y{{/b}}{{/b}}` would fill itself for ever; found by fuzzing).
    private mutating func enterBlock(
        _ name: String, indentation extra: String, isStandalone: Bool, body: [TemplateNode], at location: SourceLocation,
        _ steps: inout [Step]
    ) {
        guard expand(at: location) else { return }
        steps.append(.leaveBlock(indentation: indentation, blocks: blocks))
        indentation += extra
        if isStandalone { atLineStart = true }
        if let override = blocks.removeValue(forKey: name) {
            steps.append(.nodes(override, next: 0))
        } else {
            steps.append(.nodes(body, next: 0))
        }
    }

    /// Counts one more partial or block; false, and rendering stopped, once the output or the
    /// count has passed its limit.
    private mutating func expand(at location: SourceLocation) -> Bool {
        guard !checkOutputSize(at: location) else { return false }
        expansions += 1
        guard expansions <= Self.maxExpansions else {
            aborted = true
            report(Diagnostic(at: location, "more than \(Self.maxExpansions) partials and blocks expanded; rendering stopped"))
            return false
        }
        return true
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
            report(Diagnostic(at: location, "the merged text grew past \(Self.size(options.maxOutputBytes)) here, the limit for one document; rendering stopped"))
        }
        return true
    }

    /// "64 MiB (67108864 bytes)", or "1000 bytes" for a size that is no whole MiB.
    static func size(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB (\(bytes) bytes)" : "\(bytes) bytes"
    }

    // MARK: Diagnostics

    /// Collects a problem once: a partial rendered for every item of a list would otherwise
    /// repeat the same error at the same tag.
    mutating func report(_ diagnostic: Diagnostic) {
        let complete = currentTemplate.withSourceLine(diagnostic)
        if reported.insert(complete).inserted { diagnostics.append(complete) }
    }
}
