import Foundation
import HuiwenBuild
import Testing

/// Dependency tracking: a change renders again only the documents that read the changed file.
struct IncrementalBuilderTests {
    /// Two documents: `report` reads `stats` and the partial `closing`, `meeting` reads `meeting`.
    static let files = [
        "templates/report.md": "---\ntitle: 事故情况\nlayout: plain\n---\n全省发生事故{{stats.accidents}}起。\n\n{{> closing}}\n",
        "templates/meeting.md": "---\ntitle: 会议\nlayout: plain\n---\n召开{{meeting.name}}。\n",
        "templates/partials/closing.md": "此致。\n",
        "data/stats.yaml": "accidents: 12\nnote: \"<b>x</b>\"\n",
        "data/meeting.yaml": "name: 全省安全生产电视电话会议\n",
    ]

    @Test func dataChangeRendersOnlyDocumentsReadingItsNamespace() throws {
        let project = try BuildFixture(Self.files, data: [:])
        defer { project.remove() }
        let builder = IncrementalBuilder(project: Project(root: project.root))
        #expect(builder.buildAll().succeeded)
        #expect(builder.inputs(ofTemplate: "templates/report.md")?.namespaces.contains("stats") == true)
        #expect(builder.inputs(ofTemplate: "templates/report.md")?.partialPaths == ["templates/partials/closing.md"])
        #expect(builder.inputs(ofTemplate: "templates/meeting.md")?.namespaces.contains("stats") == false)

        try project.write("data/stats.yaml", "accidents: 30\n")
        let (report, rendered) = builder.update(ProjectChanges(modified: ["data/stats.yaml"]))
        #expect(rendered == ["templates/report.md"])
        #expect(report.pages.first { $0.name == "report" }?.markdown.contains("事故30起") == true)
        #expect(report.pages.count == 2)
    }

    @Test func partialChangeRendersOnlyItsUsers() throws {
        let project = try BuildFixture(Self.files, data: [:])
        defer { project.remove() }
        let builder = IncrementalBuilder(project: Project(root: project.root))
        _ = builder.buildAll()
        try project.write("templates/partials/closing.md", "特此通知。\n")
        let (report, rendered) = builder.update(ProjectChanges(modified: ["templates/partials/closing.md"]))
        #expect(rendered == ["templates/report.md"])
        #expect(report.pages.first { $0.name == "report" }?.markdown.contains("特此通知") == true)
    }

    @Test func templatesComeAndGo() throws {
        let project = try BuildFixture(Self.files, data: [:])
        defer { project.remove() }
        let builder = IncrementalBuilder(project: Project(root: project.root))
        _ = builder.buildAll()
        try project.write("templates/extra.md", "---\ntitle: 附加\n---\n{{stats.accidents}}\n")
        var (report, rendered) = builder.update(ProjectChanges(added: ["templates/extra.md"]))
        #expect(rendered == ["templates/extra.md"])
        #expect(report.pages.map(\.name).sorted() == ["extra", "meeting", "report"])
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("templates/meeting.md"))
        (report, rendered) = builder.update(ProjectChanges(removed: ["templates/meeting.md"]))
        #expect(report.pages.map(\.name).sorted() == ["extra", "report"])
    }

    @Test func newDataFileRendersEverything() throws {
        let project = try BuildFixture(Self.files, data: [:])
        defer { project.remove() }
        let builder = IncrementalBuilder(project: Project(root: project.root))
        _ = builder.buildAll()
        try project.write("data/extra.json", "{\"a\": 1}")
        let (_, rendered) = builder.update(ProjectChanges(added: ["data/extra.json"]))
        #expect(rendered == ["templates/meeting.md", "templates/report.md"])
    }

    @Test func incrementalResultEqualsFullBuild() throws {
        let project = try BuildFixture(Self.files, data: [:])
        defer { project.remove() }
        let builder = IncrementalBuilder(project: Project(root: project.root))
        _ = builder.buildAll()
        try project.write("data/stats.yaml", "accidents: 99\n")
        try project.write("data/meeting.yaml", "name: 专题会议\n")
        let (incremental, _) = builder.update(ProjectChanges(modified: ["data/stats.yaml", "data/meeting.yaml"]))
        let full = Builder(project: Project(root: project.root)).render()
        // The same files; the server's pages also carry their body tree (for the `.docx`).
        #expect(incremental.pages.map(\.files) == full.pages.map(\.files))
        #expect(incremental.pages.map(\.name) == ["meeting", "report"])
        #expect(incremental.pages.allSatisfy { !$0.document.body.rendered.blocks.isEmpty })
    }
}
