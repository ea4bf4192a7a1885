import Foundation
import HuiwenBuild
import HuiwenTestSupport
import Testing

/// The browser a build starts to print PDFs ends with the build: no Chromium and no browser
/// profile outlives it, in a long-running process (serve, these tests) as in the CLI.
@Suite(.serialized) struct PrinterLifecycleTests {
    /// This process's children whose command line names a huiwen browser profile.
    static func browsers() -> [String] {
        let own = getpid()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> String? in
            guard Int32(entry) != nil,
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")"),
                  Int32(stat[stat.index(close, offsetBy: 2)...].split(separator: " ")[1]) == own,
                  let line = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(entry)/cmdline")),
                  String(decoding: line, as: UTF8.self).contains("huiwen-browser-")
            else { return nil }
            return entry
        }
    }

    @Test func theBrowserEndsWithTheBuild() throws {
        guard PrintTools.available(for: "PDF printer", printer: .chromium) else { return }
        let fixture = try BuildFixture(["templates/notice.md": "---\nlayout: notice\ntitle: 通知\nformats: [pdf]\n---\n正文。\n"])
        defer { fixture.remove() }
        let output = fixture.root.appendingPathComponent("output")
        for jobs in [1, 2] {
            let report = Builder(project: Project(root: fixture.root, outputDirectory: output), jobs: jobs).build()
            #expect(report.succeeded, "\(report.diagnostics)")
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("notice.pdf").path))
            #expect(Self.browsers().isEmpty, "--jobs \(jobs): a browser outlived the build: \(Self.browsers())")
        }
    }
}
