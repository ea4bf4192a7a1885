import HuiwenDiagnostics
import HuiwenMarkdown
import HuiwenText
import HuiwenTemplate

/// The page layouts a build can use: the project's own `templates/layouts/NAME.html` (read by
/// the build, compiled here), else the built-in `notice`, `outline`, `plain` and `index`. Each
/// is compiled once per build.
public struct LayoutLibrary: Sendable {
    /// A project's layout file as the build read it.
    public struct Source: Sendable {
        /// Root-relative path (`templates/layouts/notice.html`).
        public var path: String
        public var text: String

        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }

        /// The layout's name: the file's base name.
        public var name: String {
            let file = path.split(separator: "/").last.map(String.init) ?? path
            return file.hasSuffix(".html") ? String(file.dropLast(5)) : file
        }
    }

    private var layouts: [String: Template] = [:]
    /// Problems of the project's layout files (each is then left out).
    public private(set) var diagnostics: [Diagnostic] = []

    public init(projectLayouts: [Source] = []) {
        for source in projectLayouts {
            do {
                layouts[source.name] = try Template(source.text, path: source.path)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        for name in BuiltinLayouts.names + ["index"] where layouts[name] == nil {
            guard let source = BuiltinLayouts.source(named: name) else { continue }
            // A built-in layout that does not compile is our bug, not the user's.
            guard let template = try? Template(source, path: "<built-in layout \(name)>") else {
                preconditionFailure("built-in layout '\(name)' does not compile")
            }
            layouts[name] = template
        }
    }

    /// The layouts a document may name: every one but `index`, the build's own page.
    public var names: [String] { layouts.keys.filter { $0 != "index" }.sorted() }

    /// The index page's layout (the project's own or the built-in one).
    public var index: Template? { layouts["index"] }

    /// The layout a document's front matter names (`plain` when it names none); an unknown
    /// name is an error at the `layout:` field, with a "did you mean".
    public func layout(for frontMatter: FrontMatter) throws(DiagnosticError) -> PageLayout {
        let name = frontMatter.layout ?? "plain"
        guard name != "index", let template = layouts[name] else {
            let hint = NameSuggester.closest(to: name, among: names).map { "; did you mean '\($0)'?" } ?? ""
            throw DiagnosticError(Diagnostic(
                at: frontMatter.locations[.layout], "unknown layout '\(name)' (layouts: \(names.joined(separator: ", ")))\(hint)"))
        }
        return PageLayout(name: name, template: template)
    }
}

/// The layout one document is laid out with.
public struct PageLayout: Sendable {
    /// Its name, as front matter gives it.
    public var name: String
    /// The HTML template of the page.
    public var template: Template

    /// The kind of document it makes.
    public var kind: Document.Kind { Document.Kind(layout: name) }

    /// How the document's Markdown is rendered under this layout: raw HTML only when the
    /// front matter allows it; headings numbered as it says, else as the kind wants.
    public func bodyFormat(for frontMatter: FrontMatter) -> (options: MarkdownOptions, transforms: DocumentTransforms) {
        (MarkdownOptions(allowsRawHTML: frontMatter.allowsHTML),
         DocumentTransforms(numbering: numbering(for: frontMatter)))
    }

    /// The numbering the document's headings get.
    func numbering(for frontMatter: FrontMatter) -> HeadingNumbering {
        frontMatter.numbering ?? kind.defaultNumbering
    }
}
