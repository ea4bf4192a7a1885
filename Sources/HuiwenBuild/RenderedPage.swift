import HuiwenDiagnostics

/// One finished document: what goes into `output/NAME.html` and `output/NAME.md`.
public struct RenderedPage: Sendable, Hashable {
    /// The base name of the output files.
    public var name: String
    /// The document's title (from front matter), for the index.
    public var title: String
    /// Who it is addressed to (主送机关, `recipients` in front matter), for the index; may be empty.
    public var recipients: String
    /// The layout it was laid out with (`notice`, `outline`, `plain`, or a project's own).
    public var layout: String
    /// The template it came from.
    public var templatePath: String
    /// The complete page.
    public var html: String
    /// The merged Markdown, for review in diffs.
    public var markdown: String
}

extension RenderedPage {
    /// The files of the page in the output folder, with their contents.
    var files: [(name: String, contents: String)] {
        [(name + ".html", html), (name + ".md", markdown)]
    }

    /// The manifest's lines for the page's files.
    var manifestEntries: [OutputManifest.Entry] {
        [
            .init(file: name + ".html", template: templatePath, layout: layout, title: title, recipients: recipients),
            .init(file: name + ".md", template: templatePath, layout: "", title: ""),
        ]
    }
}

/// Which template wrote each output name in a build: two templates that give one name are an
/// error at the second (both `build` and `serve` check it).
struct OutputOwners {
    private var owners: [String: String] = [:]

    /// Claims `name` for the template at `path`; the diagnostic when another template has it.
    mutating func claim(_ name: String, for path: String, at location: SourceLocation) -> Diagnostic? {
        if let owner = owners[name], owner != path {
            return Diagnostic(at: location, "'\(name)' is also the output of \(owner); rename one of them with 'output:'")
        }
        owners[name] = path
        return nil
    }
}
