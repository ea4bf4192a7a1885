import HuiwenData
import HuiwenDiagnostics
import OrderedCollections

/// A document merged with its data, ready for the Markdown stage.
public struct MergedDocument: Sendable, Hashable {
    /// The output file's base name (`notice`, `notice-长沙市`), already sanitized.
    public var outputName: String
    /// The template file it came from.
    public var templatePath: String
    /// The merged front matter: the `page` namespace, and the fields the layout reads.
    public var page: Value
    /// The merged Markdown of the body, with where escaped values went.
    public var body: RenderedText
    /// The merged Markdown of each attachment, in front matter order.
    public var attachments: [MergedAttachment]
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
    /// Merges the template with `data` (the root map of the project's data): one document, or
    /// one per item of the `each` list. Every problem of every item is collected.
    public func merge(
        data: Value,
        partials: PartialLibrary?,
        helpers: HelperTable
    ) -> (documents: [MergedDocument], diagnostics: [Diagnostic]) {
        var documents: [MergedDocument] = []
        let diagnostics = merge(data: data, partials: partials, helpers: helpers) { documents.append($0) }
        return (documents, diagnostics)
    }

    /// Merges like `merge(data:partials:helpers:)`, handing each document to `emit` as soon as
    /// it is merged, so a batch of thousands never sits in memory at once. Returns every problem.
    public func merge(
        data: Value,
        partials: PartialLibrary?,
        helpers: HelperTable,
        emit: (MergedDocument) -> Void
    ) -> [Diagnostic] {
        var outputLocations: [String: SourceLocation?] = [:]

        let items: [Value?]
        if let eachPath {
            guard let list = data.value(at: eachPath) else {
                let hint = Self.suggestion(for: eachPath, in: data).map { "; did you mean '\($0)'?" } ?? ""
                return [Diagnostic(at: eachLocation, "'each' names '\(eachPath.joined(separator: "."))', which is not in the data\(hint)")]
            }
            guard let listItems = list.listItems else {
                return [Diagnostic(at: eachLocation, "'each' needs a list, but '\(eachPath.joined(separator: "."))' is a \(list.typeName)")]
            }
            items = listItems
        } else {
            items = [nil]
        }

        var perItem: [[Diagnostic]] = []
        for item in items {
            var context = data.mapEntries ?? [:]
            if let item {
                guard let entries = item.mapEntries else {
                    perItem.append([Diagnostic(at: item.location ?? eachLocation, "each item of '\(eachPath?.joined(separator: ".") ?? "")' must be a map, got a \(item.typeName)")])
                    continue
                }
                for (key, value) in entries { context[key] = value }
            }
            var problems: [Diagnostic] = []
            let textOptions = RenderOptions(escaper: PlainTextEscaper(), partials: partials, helpers: helpers)
            let page = renderFields(frontMatter, keyPath: "", context: .map(context), options: textOptions, problems: &problems)
            context["page"] = page

            // The file's own name is sanitized too: `templates/index.md` must not overwrite
            // the build's `index.html`.
            var outputName = OutputName.sanitize(name)
            if let outputTemplate {
                do {
                    let rendered = try outputTemplate.render(.map(context), options: textOptions).text
                    outputName = OutputName.sanitize(rendered)
                    if outputName.isEmpty {
                        problems.append(Diagnostic(at: frontMatter["output"]?.location, "'output' gives an empty file name for this item"))
                    }
                } catch {
                    problems += error.diagnostics
                }
            }

            let markdownOptions = RenderOptions(escaper: MarkdownEscaper(), partials: partials, helpers: helpers)
            var body = RenderedText(text: "")
            do {
                body = try self.body.render(.map(context), options: markdownOptions)
            } catch {
                problems += error.diagnostics
            }
            let attachments = mergeAttachments(context: .map(context), options: markdownOptions, problems: &problems)

            if problems.isEmpty, !outputName.isEmpty {
                if let previous = outputLocations[outputName] {
                    let at = previous.map { " (first produced by the item at \($0))" } ?? ""
                    perItem.append([Diagnostic(
                        at: item?.location ?? frontMatter["output"]?.location,
                        "two documents would both be written to '\(outputName)'\(at)")])
                    continue
                }
                outputLocations[outputName] = item?.location
                emit(MergedDocument(outputName: outputName, templatePath: path, page: page, body: body, attachments: attachments))
            }
            perItem.append(problems)
        }
        return items.count > 1 ? Self.collapsed(perItem) : Self.unique(perItem.flatMap { $0 })
    }

    static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }

    /// The same error in a batch of 14 items is one message, not 14. A tag that fails for
    /// several items with messages that differ by the item's value (`percent: expects a number,
    /// got string "长沙市"`) is one message too: the first item's, with how many more failed there.
    static func collapsed(_ perItem: [[Diagnostic]]) -> [Diagnostic] {
        struct Place: Hashable {
            var location: SourceLocation?
            var message: String?
        }
        var order: [Place] = []
        var first: [Place: Diagnostic] = [:]
        var items: [Place: Set<Int>] = [:]
        var differs: Set<Place> = []
        for (index, problems) in perItem.enumerated() {
            for problem in problems {
                // Diagnostics without a position are only the same when their messages are.
                let place = Place(location: problem.location, message: problem.location == nil ? problem.message : nil)
                if let earlier = first[place] {
                    if earlier.message != problem.message { differs.insert(place) }
                } else {
                    first[place] = problem
                    order.append(place)
                }
                items[place, default: []].insert(index)
            }
        }
        return order.map { place in
            var diagnostic = first[place]!
            let more = (items[place]?.count ?? 1) - 1
            if differs.contains(place), more > 0 {
                diagnostic.message += " (and \(more) more item\(more == 1 ? "" : "s"))"
            }
            return diagnostic
        }
    }

    /// "did you mean" for an `each` path: the nearest key at the first segment that is missing.
    static func suggestion(for path: [String], in data: Value) -> String? {
        var current = data
        for (position, key) in path.enumerated() {
            if let next = current[key] {
                current = next
                continue
            }
            guard let keys = current.mapEntries?.keys, let near = NameSuggester.closest(to: key, among: keys) else {
                return nil
            }
            return (path[..<position] + [near]).joined(separator: ".")
        }
        return nil
    }

    /// The front matter with its templated strings merged. Only the strings that hold tags are
    /// rendered; maps and lists without any are shared as they are rather than rebuilt.
    private func renderFields(
        _ value: Value, keyPath: String, context: Value, options: RenderOptions, problems: inout [Diagnostic]
    ) -> Value {
        renderedFields(value, keyPath: keyPath, context: context, options: options, problems: &problems) ?? value
    }

    /// `value` with its templated strings merged; nil when nothing in it is a template.
    private func renderedFields(
        _ value: Value, keyPath: String, context: Value, options: RenderOptions, problems: inout [Diagnostic]
    ) -> Value? {
        switch value.kind {
        case .map(let entries):
            var result: OrderedDictionary<String, Value>?
            for (index, (key, child)) in entries.enumerated() {
                let childPath = keyPath.isEmpty ? key : keyPath + "." + key
                guard let rendered = renderedFields(child, keyPath: childPath, context: context, options: options, problems: &problems)
                else { continue }
                if result == nil { result = entries }
                result?.values[index] = rendered
            }
            return result.map { Value(.map($0), at: value.location) }
        case .list(let items):
            var result: [Value]?
            for (index, child) in items.enumerated() {
                guard let rendered = renderedFields(
                    child, keyPath: keyPath + "." + String(index), context: context, options: options, problems: &problems)
                else { continue }
                if result == nil { result = items }
                result?[index] = rendered
            }
            return result.map { Value(.list($0), at: value.location) }
        case .string:
            guard keyPath != "output", let template = fieldTemplates[keyPath] else { return nil }
            do {
                return .string(try template.render(context, options: options).text, at: value.location)
            } catch {
                problems += error.diagnostics
                return nil
            }
        default:
            return nil
        }
    }

    /// `attachments: [{title, partial}]`: each partial is merged like the body.
    private func mergeAttachments(context: Value, options: RenderOptions, problems: inout [Diagnostic]) -> [MergedAttachment] {
        guard let list = frontMatter["attachments"] else { return [] }
        guard let items = list.listItems else {
            problems.append(Diagnostic(at: list.location, "'attachments' must be a list of {title, partial}"))
            return []
        }
        var result: [MergedAttachment] = []
        let page = context["page"]
        for (index, item) in items.enumerated() {
            let title = page?.value(at: ["attachments", String(index), "title"])?.text ?? item["title"]?.text
            guard let title, !title.isEmpty else {
                problems.append(Diagnostic(at: item.location, "an attachment needs a 'title'"))
                continue
            }
            guard let partial = item["partial"], let partialName = partial.stringValue, let location = partial.location else {
                result.append(MergedAttachment(title: title, body: RenderedText(text: "")))
                continue
            }
            do throws(DiagnosticError) {
                let include: Template
                if let compiled = attachmentIncludes[index] {
                    include = compiled
                } else {
                    include = try Template("{{> \(partialName)}}", start: location)
                }
                result.append(MergedAttachment(title: title, body: try include.render(context, options: options)))
            } catch {
                problems += error.diagnostics
            }
        }
        return result
    }
}

/// Output names come from data (`output: notice-{{name}}`), so they are made safe to use as
/// one file name inside `output/`: no path separators, no `..`, no control characters.
public enum OutputName {
    public static func sanitize(_ raw: String) -> String {
        var result = ""
        for scalar in raw.unicodeScalars {
            switch scalar {
            case "/", "\\", ":", "*", "?", "\"", "<", ">", "|":
                result += "-"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                continue
            case _ where scalar.properties.isWhitespace:
                result += "-"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        while result.contains("..") { result = result.replacing("..", with: ".") }
        while result.hasPrefix(".") || result.hasPrefix("-") { result.removeFirst() }
        while result.hasSuffix(".") || result.hasSuffix("-") { result.removeLast() }
        if result.lowercased() == "index" { result = "index-document" }
        // File systems allow 255 bytes per name, not characters: a Chinese character takes
        // three, and ".html" comes on top. Cut at a character boundary.
        if result.utf8.count <= maxBytes { return result }
        var limited = ""
        for character in result {
            if limited.utf8.count + character.utf8.count > maxBytes { break }
            limited.append(character)
        }
        while limited.hasSuffix(".") || limited.hasSuffix("-") { limited.removeLast() }
        return limited
    }

    /// The longest name in UTF-8 bytes, leaving room for an extension.
    public static let maxBytes = 200
}
