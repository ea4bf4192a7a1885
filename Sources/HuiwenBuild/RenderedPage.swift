import HuiwenDiagnostics
import HuiwenLayout

/// One finished document: its model and the files its writers made from it.
public struct RenderedPage: Sendable, Hashable {
    /// The base name of the output files (`notice`, `notice-长沙市`).
    public var name: String
    /// The template it came from.
    public var templatePath: String
    /// The document model every writer rendered.
    public var document: Document
    /// The files, in the order the writers made them (`NAME.html`, `NAME.md`, …).
    public var files: [OutputFile]
    /// Files the build names but does not make here: the PDF of a `--check` (a browser does not
    /// print the same bytes twice, so the check leaves PDFs out), listed in the manifest as built.
    var unprintedFiles: [String] = []
    /// What the input-hash cache keeps of it (`huiwen build`); its files are added to it here.
    var cache: DocumentCache.Record?

    /// The document's title for the index: its 标题, else its name.
    public var title: String { document.title ?? name }
    /// Who it is addressed to (主送机关), for the index; empty when none.
    public var recipients: String { document.recipients ?? "" }
    /// The layout it was laid out with.
    public var layout: String { document.layout }

    /// The HTML page (`NAME.html`).
    public var html: String { text(of: name + ".html") }
    /// The merged Markdown (`NAME.md`).
    public var markdown: String { text(of: name + ".md") }

    /// The document's Word file: the one built, else written now from the model (the preview
    /// server offers one for every document).
    public func wordFile() throws(DiagnosticError) -> [UInt8] {
        if let built = files.first(where: { $0.name == name + ".docx" }) { return built.contents }
        return try DOCXWriter.file(for: document)
    }

    private func text(of file: String) -> String {
        files.first { $0.name == file }.map { String(decoding: $0.contents, as: UTF8.self) } ?? ""
    }

    /// The manifest's lines for the page's files. The first file (the page, or the Word file
    /// of a document written only as `.docx`) carries what the index shows.
    var manifestEntries: [OutputManifest.Entry] {
        let names = files.map(\.name) + unprintedFiles
        var record = cache
        record?.files = names
        return names.enumerated().map { index, file in
            index == 0
                ? .init(file: file, template: templatePath, layout: layout, title: title, recipients: recipients, cache: record)
                : .init(file: file, template: templatePath, layout: "", title: "")
        }
    }
}

/// A file of the output folder: its plain name and its bytes.
public struct OutputFile: Sendable, Hashable {
    public var name: String
    public var contents: [UInt8]

    public init(name: String, contents: [UInt8]) {
        self.name = name
        self.contents = contents
    }

    public init(name: String, text: String) {
        self.init(name: name, contents: Array(text.utf8))
    }
}
