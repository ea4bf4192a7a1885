import Foundation
import HuiwenBuild
import Testing

/// serve with a workbook as data: saving it (a new file renamed over the old one, as Excel, WPS
/// and LibreOffice do) serves the new figures; their lock files change nothing.
@Suite struct WorkbookServeTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func aWorkbookSavedByReplacingItIsServedAnew() async throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("templates/table.md", "---\ntitle: 统计\nlayout: plain\n---\n{{#cities}}{{事故起数.current}}、{{/cities}}\n")
        let workbook = project.root.appendingPathComponent("data/cities.xlsx")
        // The example's 14 cities, then a new project's 3 districts: both tables have 事故起数.
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("data/cities.xlsx"), to: workbook)
        let districts = try #require(ProjectScaffold.files.first { $0.path == "data/districts.xlsx" }?.contents)
        let server = try await RunningServer.start(root: project.root)
        defer { server.task.cancel() }
        _ = try await server.poll("/table.html") { $0.body.contains("1328、630、451、") }

        try Data("owner".utf8).write(to: project.root.appendingPathComponent("data/~$cities.xlsx"))
        let replacement = project.root.appendingPathComponent("data/5B1C2D3E")
        try districts.write(to: replacement)
        #expect(rename(replacement.path, workbook.path) == 0)
        let page = try await server.poll("/table.html") { $0.body.contains("180、152、80、") }
        #expect(!page.body.contains("1328"))
        try await server.stop()
    }
}
