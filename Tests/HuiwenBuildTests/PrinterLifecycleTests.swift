import Foundation
import HuiwenBuild
import HuiwenTestSupport
import Testing

/// The browser a build starts to print PDFs ends with the build: no Chromium outlives it, in a
/// long-running process (serve, these tests) as in the CLI.
struct PrinterLifecycleTests {
    @Test func theBrowserEndsWithTheBuild() throws {
        guard PrintTools.available(for: "PDF printer", printer: .chromium), let chromium = PrintTools.chromium else { return }
        let fixture = try BuildFixture(["templates/notice.md": "---\nlayout: notice\ntitle: 通知\nformats: [pdf]\n---\n正文。\n"])
        defer { fixture.remove() }
        // The browser through a script that notes its process id and becomes Chromium (other
        // suites print at the same time in this process: only these browsers are counted).
        let started = fixture.root.appendingPathComponent("browsers")
        let wrapper = fixture.root.appendingPathComponent("chromium")
        try fixture.write("chromium", "#!/bin/sh\necho $$ >> '\(started.path)'\nexec '\(chromium.path)' \"$@\"\n")
        chmod(wrapper.path, 0o755)
        let output = fixture.root.appendingPathComponent("output")
        for jobs in [1, 2] {
            var builder = Builder(project: Project(root: fixture.root, outputDirectory: output), browser: wrapper.path, jobs: jobs)
            builder.reusesUnchanged = false  // printed again, though nothing changed
            let report = builder.build()
            #expect(report.succeeded, "\(report.diagnostics)")
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("notice.pdf").path))
            let pids = try String(contentsOf: started, encoding: .utf8).split(separator: "\n")
            #expect(pids.count == 1, "one browser a build, whatever --jobs")
            let running = pids.filter { FileManager.default.fileExists(atPath: "/proc/\($0)") }
            #expect(running.isEmpty, "--jobs \(jobs): a browser outlived the build: \(running)")
            try FileManager.default.removeItem(at: started)
        }
    }
}
