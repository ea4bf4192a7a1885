import HuiwenData
import HuiwenDiagnostics
import OrderedCollections

/// One `templates/NAME.md`: front matter plus a Markdown body with Mustache tags, compiled
/// once and merged with the project's data into one document, or one per item with `each`.
///
/// Front matter string values are text templates themselves (`docNumber: 湘安委办〔{{meeting.year}}〕1号`);
/// the merged values are the `page` namespace of the body's context.
public struct DocumentTemplate: Sendable {
    /// The template file, relative to the project root (`templates/notice.md`).
    public let path: String
    /// The file's base name (`notice`): the output name unless `output` says otherwise.
    public let name: String
    /// The raw front matter map, positioned in the file.
    public let frontMatter: Value
    let body: Template
    let fieldTemplates: [String: Template]
    let eachPath: [String]?
    let eachLocation: SourceLocation?
    let outputTemplate: Template?
    /// `{{> partial}}` of each attachment (by index), compiled once rather than per merge.
    let attachmentIncludes: [Int: Template]

    /// Compiles the template at `path` with text `source`; throws every syntax error found in
    /// the front matter and the body.
    public init(source: String, path: String) throws(DiagnosticError) {
        self.path = path
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        self.name = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
        let split = try FrontMatter(splitting: source, path: path)
        self.frontMatter = split.values
        var problems: [Diagnostic] = []

        var fieldTemplates: [String: Template] = [:]
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        Self.compileStrings(in: split.values, keyPath: "", lines: lines, into: &fieldTemplates, problems: &problems)
        self.fieldTemplates = fieldTemplates

        let each = split.values["each"]
        if let each {
            if let text = each.stringValue, !text.isEmpty, !text.contains("{{") {
                eachPath = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            } else {
                eachPath = nil
                problems.append(Diagnostic(at: each.location, "'each' must name a list in the data, such as 'each: cities'"))
            }
        } else {
            eachPath = nil
        }
        eachLocation = each?.location
        if let output = split.values["output"] {
            outputTemplate = output.stringValue == nil ? nil : fieldTemplates["output"]
            if output.stringValue == nil {
                problems.append(Diagnostic(at: output.location, "'output' must be a text such as 'notice-{{name}}'"))
            }
        } else {
            outputTemplate = nil
            if each != nil {
                problems.append(Diagnostic(
                    at: each?.location,
                    "a template with 'each' needs 'output' to name each document, such as 'output: \(name)-{{name}}'"))
            }
        }

        var includes: [Int: Template] = [:]
        for (index, item) in (split.values["attachments"]?.listItems ?? []).enumerated() {
            // A name that does not compile is reported by the merge, as before.
            guard let partial = item["partial"], let name = partial.stringValue, let location = partial.location else { continue }
            includes[index] = try? Template("{{> \(name)}}", start: location)
        }
        attachmentIncludes = includes

        var body: Template?
        do {
            body = try Template(split.body, path: path, startLine: split.bodyStartLine)
        } catch {
            problems += error.diagnostics
        }
        guard problems.isEmpty, let body else {
            throw DiagnosticError(problems.sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) })
        }
        self.body = body
    }

    /// Where a scalar's text starts, given where YAML says the scalar starts: after the opening
    /// quote of a quoted scalar; on the next line, after its indentation, for a block scalar
    /// (`|` or `>`). Lines and first-line columns are exact; on later lines of a block scalar
    /// columns count from the indentation, and escapes in double quotes can shift them.
    static func contentStart(of location: SourceLocation, lines: [Substring]) -> SourceLocation {
        guard lines.indices.contains(location.line - 1) else { return location }
        let line = lines[location.line - 1].unicodeScalars
        guard let first = line.dropFirst(location.column - 1).first else { return location }
        var start = location
        switch first {
        case "\"", "'":
            start.column += 1
        case "|", ">":
            // A leading blank line is part of the text ("\n…"): its column does not matter.
            start.line += 1
            let next = lines.indices.contains(location.line) ? lines[location.line] : ""
            start.column = next.prefix { $0 == " " }.count + 1
        default:
            break
        }
        return start
    }

    /// Front matter strings that hold tags are compiled, keyed by their dotted key path
    /// (`attachments.0.title`).
    private static func compileStrings(
        in value: Value, keyPath: String, lines: [Substring], into templates: inout [String: Template],
        problems: inout [Diagnostic]
    ) {
        switch value.kind {
        case .map(let entries):
            for (key, child) in entries {
                compileStrings(
                    in: child, keyPath: keyPath.isEmpty ? key : keyPath + "." + key, lines: lines, into: &templates,
                    problems: &problems)
            }
        case .list(let items):
            for (index, child) in items.enumerated() {
                compileStrings(
                    in: child, keyPath: keyPath + "." + String(index), lines: lines, into: &templates, problems: &problems)
            }
        case .string(let text) where text.contains("{{") || keyPath == "output":
            guard var location = value.location else { return }
            location = Self.contentStart(of: location, lines: lines)
            do {
                templates[keyPath] = try Template(text, start: location)
            } catch {
                problems += error.diagnostics
            }
        default:
            break
        }
    }
}
