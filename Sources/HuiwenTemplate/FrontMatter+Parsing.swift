import HuiwenData
import HuiwenDiagnostics
import HuiwenText

extension FrontMatter {
    /// Parses a front matter map (as the YAML reader gives it, or as a merge leaves it),
    /// collecting every problem: an unknown key (at the key, with a "did you mean"), a value of
    /// the wrong type or outside its choices (at the value).
    public init(parsing map: Value, keys: YAMLKeyLocations = YAMLKeyLocations()) throws(DiagnosticError) {
        self.init()
        var parser = Parser(keys: keys)
        guard let entries = map.mapEntries else {
            throw DiagnosticError(Diagnostic(at: map.location, "front matter must be a map of fields (key: value), got a \(map.typeName)"))
        }
        for (key, value) in entries {
            guard let field = Field(rawValue: key) else {
                parser.reportUnknownKey(key, in: map, among: Field.allCases.map(\.rawValue), value: value, hint: Self.extraHint)
                continue
            }
            if let location = value.location { locations[field] = location }
            parser.parse(value, as: field, into: &self)
        }
        if !parser.problems.isEmpty {
            throw DiagnosticError(parser.problems.sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) })
        }
    }

    static let extraHint = "fields for a project's own layout go under 'extra:'"

    /// The parse's state: where keys are, and the problems found so far.
    private struct Parser {
        let keys: YAMLKeyLocations
        var problems: [Diagnostic] = []

        mutating func parse(_ value: Value, as field: Field, into frontMatter: inout FrontMatter) {
            switch field {
            case .layout:
                frontMatter.layout = name(value, field, example: "layout: notice")
            case .numbering:
                guard let raw = name(value, field, example: "numbering: gongwen") else { return }
                guard let numbering = HeadingNumbering(rawValue: raw) else {
                    let choices = HeadingNumbering.allCases.map(\.rawValue)
                    let hint = NameSuggester.closest(to: raw, among: choices).map { "; did you mean '\($0)'?" } ?? ""
                    report(value, "'numbering' must be \(choices.joined(separator: " or ")), not '\(raw)'\(hint)")
                    return
                }
                frontMatter.numbering = numbering
            case .allowHTML:
                switch value.kind {
                case .bool(let flag): frontMatter.allowsHTML = flag
                case .null: break
                default: report(value, "'allowHTML' must be true or false, not \(Self.describe(value))")
                }
            case .formats:
                frontMatter.formats = formats(value)
            case .each:
                guard !value.isNull else { return }
                guard let text = value.stringValue, !text.isEmpty, !text.contains("{{") else {
                    report(value, "'each' must name a list in the data, such as 'each: cities'")
                    return
                }
                frontMatter.each = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            case .attachments:
                frontMatter.attachments = attachments(value)
            case .extra:
                switch value.kind {
                case .map: frontMatter.extra = value
                case .null: break
                default: report(value, "'extra' must be a map of your layout's own fields, not \(Self.describe(value))")
                }
            default:
                guard let keyPath = FrontMatter.textField(field) else { return }
                frontMatter[keyPath: keyPath] = text(value, field.rawValue)
            }
        }

        /// A text field: text, a number or a date as written; null or empty is absent.
        mutating func text(_ value: Value, _ name: String) -> String? {
            switch value.kind {
            case .string(let text): return text.isEmpty ? nil : text
            case .number, .date: return value.text
            case .null: return nil
            case .bool, .map, .list:
                report(value, "'\(name)' must be text, not \(Self.describe(value))")
                return nil
            }
        }

        /// A name written out in full (a layout, a choice, a partial): never computed by tags.
        mutating func name(_ value: Value, _ field: Field, example: String) -> String? {
            guard !value.isNull else { return nil }
            guard let text = value.stringValue, !text.isEmpty else {
                report(value, "'\(field.rawValue)' must be a name, such as '\(example)', not \(Self.describe(value))")
                return nil
            }
            guard !text.contains("{{") else {
                report(value, "'\(field.rawValue)' is written out, not computed with tags")
                return nil
            }
            return text
        }

        /// `formats: [html, docx]` (or one name, or `html, docx` as one text).
        mutating func formats(_ value: Value) -> [OutputFormat]? {
            let names: [Value]
            switch value.kind {
            case .null: return nil
            case .string: names = [value]
            case .list(let items): names = items
            default:
                report(value, "'formats' must be a list of formats, such as 'formats: [html, docx]', not \(Self.describe(value))")
                return nil
            }
            var formats: [OutputFormat] = []
            for name in names {
                guard let text = name.stringValue else {
                    report(name, "'formats' must name formats (\(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))), not \(Self.describe(name))")
                    continue
                }
                switch OutputFormat.list(text) {
                case .success(let named): formats += named.filter { !formats.contains($0) }
                case .failure(let unknown): report(name, "'formats': \(unknown)")
                }
            }
            return formats.isEmpty ? nil : formats
        }

        mutating func attachments(_ value: Value) -> [Attachment] {
            guard !value.isNull else { return [] }
            guard let items = value.listItems else {
                report(value, "'attachments' must be a list of {title, partial}, not \(Self.describe(value))")
                return []
            }
            var result: [Attachment] = []
            for item in items {
                guard let entries = item.mapEntries else {
                    report(item, "an attachment must be a map {title, partial}, not \(Self.describe(item))")
                    continue
                }
                var title: String?
                var partial: String?
                for (key, field) in entries {
                    switch key {
                    case "title":
                        title = text(field, "title")
                    case "partial":
                        guard !field.isNull else { continue }
                        guard let name = field.stringValue, !name.isEmpty, !name.contains("{{") else {
                            report(field, "an attachment's 'partial' must name a partial, such as 'partial: task-table'")
                            continue
                        }
                        partial = name
                    default:
                        reportUnknownKey(key, in: item, among: ["title", "partial"], value: field, hint: "an attachment has a title and a partial")
                    }
                }
                guard let title else {
                    report(item, "an attachment needs a 'title'")
                    continue
                }
                result.append(Attachment(title: title, partial: partial, location: item.location))
            }
            return result
        }

        mutating func reportUnknownKey(_ key: String, in map: Value, among known: [String], value: Value, hint: String) {
            let location = keys.location(ofKey: key, in: map) ?? value.location ?? map.location
            let message = if let near = NameSuggester.closest(to: key, among: known) {
                "unknown front matter field '\(key)'; did you mean '\(near)'?"
            } else {
                "unknown front matter field '\(key)' (\(hint))"
            }
            problems.append(Diagnostic(at: location, message))
        }

        mutating func report(_ value: Value, _ message: String) {
            problems.append(Diagnostic(at: value.location, message))
        }

        /// `the string "yes"`, `a list`, `the number 3`: what a wrong value is, for messages.
        static func describe(_ value: Value) -> String {
            switch value.kind {
            case .string(let text): "the string \"\(text)\""
            case .number, .bool, .date: "the \(value.typeName) \(value.text ?? "")"
            case .map: "a map"
            case .list: "a list"
            case .null: "null"
            }
        }
    }
}
