import Foundation
import Testing

/// `huiwen build`'s progress bar: redrawn in place on a terminal (a pseudo-terminal made by
/// util-linux's `script`), absent from a log; one summary line at the end either way.
@Suite(.serialized) struct ProgressBarTests {
    /// A batch of 2,000 notices: long enough (over half a second in a debug build) for the bar.
    static let project: [String: String] = [
        "data/list.yaml": "cities:\n" + (0..<2000).map { "  - name: 城市\($0)\n    count: \($0)\n" }.joined(),
        "templates/n.md": "---\nlayout: notice\ntitle: 关于{{name}}的通知\neach: list.cities\noutput: n-{{name}}\n---\n## 要求\n\n{{name}}共{{count}}起。\n",
    ]

    @Test func aTerminalSeesTheBarRedrawnAndThenTheSummary() throws {
        guard let script = ["/usr/bin/script", "/bin/script"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            Issue.record("util-linux's script is not installed")
            return
        }
        let fixture = try ProjectFixture(Self.project)
        defer { fixture.remove() }
        let command = "'\(CLIRunner.executable.path)' build --root '\(fixture.root.path)'"
        let result = try CLIRunner.run(["-qfec", command, "/dev/null"], environment: ["TERM": "xterm"], executable: URL(fileURLWithPath: script))
        #expect(result.status == 0, "\(result.standardOutput)")
        let screen = result.standardOutput
        #expect(screen.contains("\r\u{1B}[K["), "no bar redrawn in place: \(screen.suffix(300))")
        #expect(screen.contains("/2,000 documents"))
        #expect(screen.contains("\r\u{1B}[Kbuilt 2000 documents in "), "the bar is cleared before the summary")
    }

    @Test func aLogGetsOnlyTheSummary() throws {
        let fixture = try ProjectFixture(Self.project)
        defer { fixture.remove() }
        let result = try fixture.huiwen("build")
        #expect(result.status == 0)
        #expect(!result.standardError.contains("\u{1B}") && !result.standardError.contains("documents"), "\(result.standardError.prefix(200))")
        #expect(result.standardOutput.hasPrefix("built 2000 documents in "))
        #expect(result.standardOutput.split(separator: "\n").count == 1)
    }
}
