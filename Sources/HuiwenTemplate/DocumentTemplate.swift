import HuiwenData
import HuiwenDiagnostics

/// One `templates/NAME.md`: front matter plus a Markdown body with Mustache tags, compiled
/// once and merged with the project's data into a document (the build makes one per item
/// with `each`).
///
/// Front matter text values are text templates themselves (`docNumber: 湘安委办〔{{meeting.year}}〕1号`);
/// the merged values are the `page` namespace of the body's context.
public struct DocumentTemplate: Sendable {
    /// The template file, relative to the project root (`templates/notice.md`).
    public let path: String
    /// The file's base name (`notice`): the output name unless `output` says otherwise.
    public let name: String
    /// The front matter at its types, as written (texts not merged).
    public let frontMatter: FrontMatter
    /// The front matter map as written, positioned in the file: merged into `page`.
    let frontMatterValues: Value
    let frontMatterKeys: YAMLKeyLocations
    let body: Template
    /// Compiled front matter texts, keyed by their dotted key path (`attachments.0.title`).
    let fieldTemplates: [String: Template]
    /// `{{> partial}}` of each attachment (by index), compiled once rather than per merge.
    let attachmentIncludes: [Int: Template]
    /// Sections of the body and attachments, and front matter texts, that the merges of this
    /// template share.
    let sectionMemo = SectionMemo()
    let fieldMemo = FieldMemo()

    /// Compiles the template at `path` with text `source`; throws every problem found in the
    /// front matter (syntax, unknown fields, wrong values) and the body.
    public init(source: String, path: String) throws(DiagnosticError) {
        self.path = path
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        self.name = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
        let split = try FrontMatterSplit(splitting: source, path: path)
        frontMatterValues = split.values
        frontMatterKeys = split.keys
        var problems: [Diagnostic] = []

        var frontMatter = FrontMatter()
        do {
            frontMatter = try FrontMatter(parsing: split.values, keys: split.keys)
        } catch {
            problems += error.diagnostics
        }
        self.frontMatter = frontMatter
        if frontMatter.each != nil, frontMatter.output == nil {
            problems.append(Diagnostic(
                at: frontMatter.locations[.each],
                "a template with 'each' needs 'output' to name each document, such as 'output: \(name)-{{name}}'"))
        }

        var fieldTemplates: [String: Template] = [:]
        let lines = FrontMatterSplit.lines(of: source[...])
        Self.compileStrings(in: split.values, keyPath: "", lines: lines, into: &fieldTemplates, problems: &problems)
        self.fieldTemplates = fieldTemplates

        var includes: [Int: Template] = [:]
        for (index, attachment) in frontMatter.attachments.enumerated() {
            guard let partial = attachment.partial,
                  let location = split.values.value(at: ["attachments", String(index), "partial"])?.location
            else { continue }
            do {
                includes[index] = try Template("{{> \(partial)}}", start: location)
            } catch {
                problems += error.diagnostics
            }
        }
        attachmentIncludes = includes

        var body: Template?
        do {
            body = try Template(split.body, path: path, startLine: split.bodyStartLine)
        } catch {
            problems += error.diagnostics
        }
        guard problems.isEmpty, let body else {
            throw DiagnosticError(problems.sorted(by: Template.diagnosticOrder))
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

    /// Keys whose values are names written out, never texts to merge.
    private static let namesNotTexts: Set<String> = ["layout", "numbering", "allowHTML", "formats", "each"]

    /// Front matter strings that hold tags are compiled, keyed by their dotted key path
    /// (`attachments.0.title`); so is `output`, always. Names (`layout`, an attachment's
    /// `partial`, …) are not texts: tags in them are reported by the front matter's parse.
    private static func compileStrings(
        in value: Value, keyPath: String, lines: [Substring], into templates: inout [String: Template],
        problems: inout [Diagnostic]
    ) {
        switch value.kind {
        case .map(let entries):
            for (key, child) in entries {
                if keyPath.isEmpty && namesNotTexts.contains(key) { continue }
                if key == "partial" && keyPath.hasPrefix("attachments.") { continue }
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
