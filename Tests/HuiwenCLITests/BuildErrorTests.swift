import Foundation
import Testing

/// `huiwen build` on small broken projects, through the real binary: each error on standard
/// error at its `path:line:col`, exit codes, the machine formats, and what is left on disk.
@Suite struct BuildErrorTests {
    /// A project in a fresh temporary folder; `files` maps root-relative paths to their text.
    struct TemporaryProject {
        let root: URL

        init(_ files: [String: String]) throws {
            root = try CLIRunner.temporaryDirectory()
            for (path, text) in files { try write(text, to: path) }
        }

        func write(_ text: String, to path: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func read(_ path: String) throws -> Data {
            try Data(contentsOf: root.appendingPathComponent(path))
        }

        func exists(_ path: String) -> Bool {
            FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
        }

        func build(_ extra: [String] = [], environment: [String: String] = [:]) throws -> CLIRunner.Result {
            try CLIRunner.run(["build", "--root", root.path] + extra, environment: environment)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static let meeting = "year: 2026\ntitle: 全省安全生产电视电话会议\nshare: 0.2789\n"

    /// The `path:line:col: error: message` lines of standard error.
    static func errorLines(_ result: CLIRunner.Result) -> [String] {
        result.standardError.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
    }

    @Test func missingVariableIsReportedAtItsLineAndColumnWithExitOne() throws {
        let project = try TemporaryProject([
            "data/meeting.yaml": Self.meeting,
            "templates/x.md": "---\ntitle: 通知\n---\n第一段\n\n会议于{{meeting.yeer}}年召开。\n",
        ])
        defer { project.remove() }
        let result = try project.build()
        #expect(result.status == 1)
        #expect(Self.errorLines(result) == ["templates/x.md:6:4: error: 'meeting.yeer' is not defined; did you mean 'meeting.year'?"])
        #expect(!project.exists("output/x.html"))
    }

    @Test func unknownHelperIsAnErrorAtItsTag() throws {
        let project = try TemporaryProject([
            "data/meeting.yaml": Self.meeting,
            "templates/x.md": "占{{pct(meeting.share)}}。\n",
        ])
        defer { project.remove() }
        let result = try project.build()
        #expect(result.status == 1)
        #expect(Self.errorLines(result) == ["templates/x.md:1:2: error: unknown helper 'pct'"])
    }

    @Test func helperGivenTheWrongInputIsAnErrorAtItsTag() throws {
        let project = try TemporaryProject([
            "data/meeting.yaml": Self.meeting,
            "templates/x.md": "---\ntitle: 通知\n---\n  占{{percent(meeting.title)}}。\n",
        ])
        defer { project.remove() }
        let result = try project.build()
        #expect(result.status == 1)
        #expect(Self.errorLines(result) == [
            "templates/x.md:4:4: error: percent: expects a number, got string \"全省安全生产电视电话会议\"",
        ])
    }

    @Test func badYAMLIsADataErrorAtItsPlace() throws {
        let project = try TemporaryProject([
            "data/meeting.yaml": "year: 2026\ntitle: [全省, 会议\nshare: 1\n",
            "templates/x.md": "{{meeting.year}}\n",
        ])
        defer { project.remove() }
        let result = try project.build()
        #expect(result.status == 1)
        let lines = Self.errorLines(result)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("data/meeting.yaml:3:") == true, "\(lines)")
        // A broken data file does not drown in lookups that fail because of it.
        #expect(!result.standardError.contains("templates/x.md"))
    }

    @Test func recursivePartialIsABoundedErrorNamingTheChain() throws {
        let project = try TemporaryProject([
            "data/meeting.yaml": Self.meeting,
            "templates/x.md": "正文\n{{> a}}\n",
            "templates/partials/a.md": "甲{{> b}}\n",
            "templates/partials/b.md": "乙\n{{> a}}\n",
        ])
        defer { project.remove() }
        let result = try project.build()
        #expect(result.status == 1)
        let lines = Self.errorLines(result)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("templates/partials/b.md:2:1: error: partial recursion deeper than 64: a > b > a > b") == true, "\(lines)")
    }

    @Test func unknownLayoutIsAnErrorAtTheLayoutField() throws {
        let project = try TemporaryProject([
            "data/meeting.yaml": Self.meeting,
            "templates/x.md": "---\ntitle: 通知\nlayout: notcie\n---\n正文\n",
        ])
        defer { project.remove() }
        let result = try project.build()
        #expect(result.status == 1)
        #expect(Self.errorLines(result) == [
            "templates/x.md:3:9: error: unknown layout 'notcie' (layouts: notice, outline, plain); did you mean 'notice'?",
        ])
    }

    @Test func everyErrorOfSeveralTemplatesIsReportedInOneRun() throws {
        let project = try TemporaryProject([
            "data/meeting.yaml": Self.meeting,
            "templates/a.md": "{{meeting.yer}}\n{{wan(meeting.title)}}\n",
            "templates/b.md": "---\ntitle: \"{{meeting.titel}}\"\n---\n{{#meeting}}\n",
            "templates/c.md": "{{nope}}\n",
            "templates/d.md": "正常：{{meeting.year}}\n",
        ])
        defer { project.remove() }
        let result = try project.build()
        #expect(result.status == 1)
        let places = Self.errorLines(result).map { $0.split(separator: ": error: ").first.map(String.init) ?? "" }
        #expect(places == ["templates/a.md:1:1", "templates/a.md:2:1", "templates/b.md:4:1", "templates/c.md:1:1"])
        // b.md's front matter is not merged once its body fails to compile, so 2:9 waits for the fix.
        #expect(project.exists("output/d.html"))
    }

    @Test func jsonFormatGivesOneObjectPerLineWithPosition() throws {
        let project = try TemporaryProject([
            "data/meeting.yaml": Self.meeting,
            "templates/x.md": "{{meeting.yer}}\n\n  {{percent(meeting.title)}}\n",
        ])
        defer { project.remove() }
        let result = try project.build(["--format", "json"])
        #expect(result.status == 1)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 2)
        var positions: [String] = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            positions.append("\(object["file"] ?? "?"):\(object["line"] ?? "?"):\(object["column"] ?? "?")")
            #expect(object["severity"] as? String == "error")
            #expect((object["message"] as? String)?.isEmpty == false)
        }
        #expect(positions == ["templates/x.md:1:1", "templates/x.md:3:3"])
    }

    @Test func githubActionsAddsAnnotationLines() throws {
        let project = try TemporaryProject([
            "data/meeting.yaml": Self.meeting,
            "templates/x.md": "第一行\n  {{meeting.yer}}\n",
        ])
        defer { project.remove() }
        let result = try project.build(environment: ["GITHUB_ACTIONS": "true"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("templates/x.md:2:3: error: 'meeting.yer' is not defined; did you mean 'meeting.year'?\n"))
        #expect(result.standardError.contains(
            "::error file=templates/x.md,line=2,col=3::'meeting.yer' is not defined; did you mean 'meeting.year'?"))
    }

    @Test func usageErrorExitsWithTwo() throws {
        #expect(try CLIRunner.run(["build", "--no-such-flag"]).status == 2)
        #expect(try CLIRunner.run(["build", "--format", "yaml"]).status == 2)
    }

    @Test func aFailingDocumentKeepsItsPreviousOutputAndOthersStillBuild() throws {
        let project = try TemporaryProject([
            "data/meeting.yaml": Self.meeting,
            "templates/a.md": "---\ntitle: 甲\n---\n甲文：{{meeting.year}}\n",
            "templates/b.md": "---\ntitle: 乙\n---\n乙文：{{meeting.title}}\n",
        ])
        defer { project.remove() }
        let first = try project.build()
        #expect(first.status == 0, "\(first.standardError)")
        let oldHTML = try project.read("output/a.html")
        let oldMarkdown = try project.read("output/a.md")

        try project.write("---\ntitle: 甲\n---\n甲文：{{meeting.yaer}}\n", to: "templates/a.md")
        try project.write("---\ntitle: 乙\n---\n乙文（新）：{{meeting.title}}\n", to: "templates/b.md")
        let second = try project.build()
        #expect(second.status == 1)
        #expect(Self.errorLines(second).count == 1)
        #expect(try project.read("output/a.html") == oldHTML)
        #expect(try project.read("output/a.md") == oldMarkdown)
        #expect(String(decoding: try project.read("output/b.md"), as: UTF8.self).contains("乙文（新）"))
    }
}
