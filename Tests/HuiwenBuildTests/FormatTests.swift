import Foundation
import HuiwenBuild
import Testing

/// Which files a document is written as: `--to` for every document, else its `formats:`,
/// else HTML; the manifest, `--check` and the index follow.
@Suite struct FormatTests {
    static let files = [
        "templates/page.md": "---\ntitle: 页面\n---\n正文。\n",
        "templates/both.md": "---\ntitle: 两种\nformats: [html, docx]\n---\n正文。\n",
        "templates/word.md": "---\ntitle: 仅Word\nformats: [docx]\n---\n正文。\n",
    ]

    static func outputFiles(_ fixture: BuildFixture) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: fixture.root.appendingPathComponent("output").path).sorted()
    }

    @Test func eachDocumentIsWrittenInItsOwnFormats() throws {
        let fixture = try BuildFixture(Self.files, data: [:])
        defer { fixture.remove() }
        let report = fixture.builder.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(try Self.outputFiles(fixture) == [
            ".huiwen-cache", ".huiwen-manifest", "both.docx", "both.html", "both.md", "index.html", "page.html", "page.md", "word.docx",
        ])
        let docx = try Data(contentsOf: fixture.root.appendingPathComponent("output/word.docx"))
        #expect(docx.starts(with: [0x50, 0x4B]), "a .docx is a ZIP file")
        // The index lists every document, by its page or, without one, by its Word file.
        let index = try String(contentsOf: fixture.root.appendingPathComponent("output/index.html"), encoding: .utf8)
        #expect(index.contains(#"<a href="both.html">两种</a>"#))
        #expect(index.contains(#"<a href="both.docx"><code>both.docx</code></a>"#))
        #expect(index.contains(#"<a href="word.docx">仅Word</a>"#))
        #expect(!index.contains("page.docx"))
        #expect(fixture.builder.check().written.isEmpty)
    }

    @Test func theCommandLineWinsOverFrontMatter() throws {
        let fixture = try BuildFixture(Self.files, data: [:])
        defer { fixture.remove() }
        #expect(Builder(project: Project(root: fixture.root), formats: [.html]).build().succeeded)
        #expect(try Self.outputFiles(fixture) == [
            ".huiwen-cache", ".huiwen-manifest", "both.html", "both.md", "index.html", "page.html", "page.md", "word.html", "word.md",
        ])
        // Asked for Word files only, the pages go (they are huiwen's own, listed in its manifest).
        let report = Builder(project: Project(root: fixture.root), formats: [.docx]).build()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.deleted.sorted() == ["both.html", "both.md", "page.html", "page.md", "word.html", "word.md"])
        #expect(try Self.outputFiles(fixture) == [".huiwen-cache", ".huiwen-manifest", "both.docx", "index.html", "page.docx", "word.docx"])
    }

    @Test func wordFilesAreByteIdenticalFromBuildToBuild() throws {
        let fixture = try BuildFixture(Self.files, data: [:])
        defer { fixture.remove() }
        _ = fixture.builder.build()
        let first = try Data(contentsOf: fixture.root.appendingPathComponent("output/both.docx"))
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("output/both.docx"))
        let report = fixture.builder.build()
        #expect(report.written == ["both.docx"])
        #expect(try Data(contentsOf: fixture.root.appendingPathComponent("output/both.docx")) == first)
    }
}
