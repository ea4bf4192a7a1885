import HuiwenData
import HuiwenDiagnostics
import OrderedCollections

/// A document merged with its data, ready for the Markdown stage.
public struct MergedDocument: Sendable, Hashable {
    /// The template file it came from.
    public var templatePath: String
    /// The front matter with its texts merged (`output` too, not yet made a file name).
    public var frontMatter: FrontMatter
    /// The merged Markdown of the body, with where escaped values went.
    public var body: RenderedText
    /// The merged Markdown of each attachment, in front matter order.
    public var attachments: [MergedAttachment]
    /// What the merge read (empty unless asked for with `recordsInputs`).
    public var inputs: TemplateInputs
}

/// An attachment (附件) of a document: its title and its merged Markdown.
public struct MergedAttachment: Sendable, Hashable {
    public var title: String
    public var body: RenderedText
}

/// Renders front matter fields as plain text: the layout escapes them for HTML itself.
public struct PlainTextEscaper: Escaper {
    public init() {}
    public func escape(_ text: String) -> String { text }
}

extension DocumentTemplate {
    /// Merges the template with `data` (the root map of the project's data) into one document;
    /// `item`, a map, sits on top of the data (one item of a batch). Throws every problem.
    ///
    /// The front matter texts are merged first and become `page`, which the body, the
    /// attachments and `output` then read.
    ///
    /// `recordsSourceMap` gives the body and each attachment their `RenderedText.sourceMap`.
    public func merge(
        data: Value,
        item: Value? = nil,
        partials: PartialLibrary?,
        helpers: HelperTable,
        recordsInputs: Bool = false,
        recordsSourceMap: Bool = false
    ) throws(DiagnosticError) -> MergedDocument {
        var context = data.mapEntries ?? [:]
        if let entries = item?.mapEntries {
            for (key, value) in entries { context[key] = value }
        }
        var problems: [Diagnostic] = []
        var inputs = TemplateInputs()
        func render(_ template: Template, _ context: Value, _ options: RenderOptions) -> RenderedText? {
            do {
                let rendered = try template.render(context, options: options)
                inputs.formUnion(rendered.inputs)
                return rendered
            } catch {
                problems += error.diagnostics
                return nil
            }
        }

        let textOptions = RenderOptions(escaper: PlainTextEscaper(), partials: partials, helpers: helpers, recordsInputs: recordsInputs)
        // Fields always note what they read: that decides whether the next merge can reuse them.
        let fieldOptions = RenderOptions(escaper: PlainTextEscaper(), partials: partials, helpers: helpers, recordsInputs: true)
        let page = mergedFields(frontMatterValues, keyPath: "") { keyPath, template in
            if let kept = fieldMemo.entry(at: keyPath, in: context) {
                if recordsInputs { inputs.formUnion(kept.inputs) }
                return kept.text
            }
            do throws(DiagnosticError) {
                let rendered = try template.render(.map(context), options: fieldOptions)
                if recordsInputs { inputs.formUnion(rendered.inputs) }
                fieldMemo.keep(rendered, at: keyPath, in: context)
                return rendered.text
            } catch {
                problems += error.diagnostics
                return nil
            }
        } ?? frontMatterValues
        context["page"] = page
        let output = fieldTemplates["output"].flatMap { render($0, .map(context), textOptions)?.text }

        let markdownOptions = RenderOptions(
            escaper: MarkdownEscaper(), partials: partials, helpers: helpers, recordsInputs: recordsInputs,
            recordsSourceMap: recordsSourceMap, sectionMemo: sectionMemo)
        let body = render(self.body, .map(context), markdownOptions) ?? RenderedText(text: "")
        var merged = FrontMatter()
        do {
            merged = try FrontMatter(parsing: page, keys: frontMatterKeys)
        } catch {
            problems += error.diagnostics
        }
        merged.output = output
        var attachments: [MergedAttachment] = []
        for (index, attachment) in merged.attachments.enumerated() {
            let body = attachmentIncludes[index].map { render($0, .map(context), markdownOptions) } ?? RenderedText(text: "")
            if let body { attachments.append(MergedAttachment(title: attachment.title, body: body)) }
        }

        guard problems.isEmpty else { throw DiagnosticError(Self.unique(problems)) }
        return MergedDocument(templatePath: path, frontMatter: merged, body: body, attachments: attachments, inputs: inputs)
    }

    static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }

    /// `value` with its compiled texts merged by `render` (nil when a text fails); nil when
    /// nothing in it is a template, so maps and lists without any are shared, not rebuilt.
    /// `output` is left as written: it is merged after `page`, which it may read.
    private func mergedFields(_ value: Value, keyPath: String, render: (String, Template) -> String?) -> Value? {
        switch value.kind {
        case .map(let entries):
            var result: OrderedDictionary<String, Value>?
            for (index, (key, child)) in entries.enumerated() {
                let childPath = keyPath.isEmpty ? key : keyPath + "." + key
                guard let merged = mergedFields(child, keyPath: childPath, render: render) else { continue }
                if result == nil { result = entries }
                result?.values[index] = merged
            }
            return result.map { Value(.map($0), at: value.location) }
        case .list(let items):
            var result: [Value]?
            for (index, child) in items.enumerated() {
                guard let merged = mergedFields(child, keyPath: keyPath + "." + String(index), render: render) else { continue }
                if result == nil { result = items }
                result?[index] = merged
            }
            return result.map { Value(.list($0), at: value.location) }
        case .string:
            guard keyPath != "output", let template = fieldTemplates[keyPath], let text = render(keyPath, template) else { return nil }
            return .string(text, at: value.location)
        default:
            return nil
        }
    }
}
