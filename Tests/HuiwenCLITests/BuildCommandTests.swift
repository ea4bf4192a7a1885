import Foundation
import Testing

/// `huiwen build` on real projects in temporary folders, through the real binary.
@Suite struct BuildCommandTests {
    static let project: [String: String] = [
        "data/meeting.yaml": "title: 全市会议\nyear: 2026\n",
        "templates/a.md": "---\nlayout: notice\ntitle: 甲{{meeting.title}}\n---\n## 总体要求\n\n{{meeting.year}}年。\n",
        "templates/b.md": "---\nlayout: outline\ntitle: 乙\n---\n正文。\n",
    ]

    @Test func writesPagesMarkdownIndexAndManifest() throws {
        let fixture = try ProjectFixture(Self.project)
        defer { fixture.remove() }
        let result = try fixture.huiwen("build")
        #expect(result.status == 0, "\(result.standardError)")
        for file in ["a.html", "a.md", "b.html", "b.md", "index.html", ".huiwen-manifest"] {
            #expect(fixture.exists("output/\(file)"), "output/\(file)")
        }
        #expect(try fixture.read("output/a.md") == "## 总体要求\n\n2026年。\n")
        #expect(try fixture.read("output/a.html").contains("<h2>一、总体要求</h2>"))
        let index = try fixture.read("output/index.html")
        #expect(index.contains(#"<a href="a.html">甲全市会议</a>"#))
        #expect(index.contains(#"<a href="b.html">乙</a>"#))
        #expect(index.contains("讲话提纲"))
    }

    @Test func twoBuildsGiveByteIdenticalFiles() throws {
        let first = try ProjectFixture(Self.project)
        let second = try ProjectFixture(Self.project)
        defer { first.remove(); second.remove() }
        try first.huiwen("build")
        try second.huiwen("build")
        for file in ["a.html", "a.md", "b.html", "index.html", ".huiwen-manifest"] {
            #expect(try first.read("output/\(file)") == second.read("output/\(file)"), "\(file)")
        }
        let again = try first.huiwen("build")
        #expect(again.standardOutput.contains("(0 files written, 0 removed)"))
    }

    @Test func checkPassesOnCurrentOutputAndFailsOnStaleOrMissing() throws {
        let fixture = try ProjectFixture(Self.project)
        defer { fixture.remove() }
        let before = try fixture.huiwen("build", "--check")
        #expect(before.status == 1)
        #expect(before.standardOutput.contains("output/a.html: missing or stale"))
        #expect(!fixture.exists("output"), "--check wrote something")

        try fixture.huiwen("build")
        let current = try fixture.huiwen("build", "--check")
        #expect(current.status == 0)
        #expect(current.standardOutput.contains("output is current"))

        try fixture.write("data/meeting.yaml", "title: 全市会议\nyear: 2027\n")
        let stale = try fixture.huiwen("build", "--check")
        #expect(stale.status == 1)
        #expect(stale.standardOutput.contains("output/a.html: missing or stale"))
        #expect(stale.standardOutput.contains("output/a.md: missing or stale"))
        #expect(!stale.standardOutput.contains("output/b.html"))
        #expect(try fixture.read("output/a.md").contains("2026"), "--check changed a file")
    }

    @Test func foreignFilesSurviveAndRemovedTemplatesOutputsGo() throws {
        let fixture = try ProjectFixture(Self.project)
        defer { fixture.remove() }
        try fixture.huiwen("build")
        try fixture.write("output/notes.txt", "mine")
        try fixture.write("output/c.html", "not huiwen's")
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("templates/b.md"))
        let result = try fixture.huiwen("build")
        #expect(result.status == 0)
        #expect(!fixture.exists("output/b.html"))
        #expect(!fixture.exists("output/b.md"))
        #expect(try fixture.read("output/notes.txt") == "mine")
        #expect(try fixture.read("output/c.html") == "not huiwen's")
        #expect(!(try fixture.read("output/index.html")).contains("b.html"))
    }

    @Test func failingDocumentKeepsItsPreviousFilesAndOthersStillBuild() throws {
        let fixture = try ProjectFixture(Self.project)
        defer { fixture.remove() }
        try fixture.huiwen("build")
        let oldPage = try fixture.read("output/a.html")
        try fixture.write("templates/a.md", "---\nlayout: notice\ntitle: 甲\n---\n{{meeting.missing}}\n")
        try fixture.write("templates/b.md", "---\nlayout: outline\ntitle: 乙二\n---\n正文。\n")
        let result = try fixture.huiwen("build")
        #expect(result.status == 1)
        #expect(result.standardError.contains("templates/a.md:5:1: error: 'meeting.missing' is not defined"))
        #expect(try fixture.read("output/a.html") == oldPage)
        #expect(try fixture.read("output/b.html").contains("乙二"))
        #expect(try fixture.read("output/index.html").contains(#"<a href="a.html">"#), "the failed document left the index")
    }

    @Test func twoTemplatesWithOneOutputNameAreAnErrorAtTheSecond() throws {
        let fixture = try ProjectFixture(Self.project.merging([
            "templates/c.md": "---\ntitle: 丙\noutput: a\n---\n正文。\n",
        ]) { $1 })
        defer { fixture.remove() }
        let result = try fixture.huiwen("build")
        #expect(result.status == 1)
        #expect(result.standardError.contains(
            "templates/c.md:3:9: error: 'a' is also the output of templates/a.md; rename one of them with 'output:'"))
        #expect(try fixture.read("output/a.md").contains("2026年"), "the second template overwrote the first")
    }

    @Test func onlyBuildsTheNamedTemplates() throws {
        let fixture = try ProjectFixture(Self.project)
        defer { fixture.remove() }
        let result = try fixture.huiwen("build", "--only", "b")
        #expect(result.status == 0)
        #expect(fixture.exists("output/b.html"))
        #expect(!fixture.exists("output/a.html"))
    }

    @Test func onlyWithANameOfNoTemplateIsAUsageErrorThatWritesNothing() throws {
        let fixture = try ProjectFixture(Self.project)
        defer { fixture.remove() }
        let result = try fixture.huiwen("build", "--only", "bb", "--check")
        #expect(result.status == 2)
        #expect(result.standardError.contains("--only bb: no template templates/bb.md; did you mean b? (templates: a, b)"))
        let build = try fixture.huiwen("build", "--only", "b", "--only", "zzz")
        #expect(build.status == 2)
        #expect(!fixture.exists("output"))
    }

    @Test func outputOptionChoosesTheFolder() throws {
        let fixture = try ProjectFixture(Self.project)
        defer { fixture.remove() }
        let target = fixture.root.appendingPathComponent("site")
        let result = try fixture.huiwen("build", "--output", target.path)
        #expect(result.status == 0)
        #expect(fixture.exists("site/a.html"))
        #expect(!fixture.exists("output"))
    }

    @Test func shardsBuiltApartAndMergedAreTheFullBuild() throws {
        let fixture = try ProjectFixture(Self.project)
        defer { fixture.remove() }
        let shards = (1...2).map { fixture.root.appendingPathComponent("shard-\($0)").path }
        for index in 1...2 {
            let part = try fixture.huiwen("build", "--shard", "\(index)/2", "--output", shards[index - 1])
            #expect(part.status == 0, "\(part.standardError)")
            #expect(part.standardOutput.hasPrefix("built 1 document of shard \(index)/2 in "))
        }
        let merged = try fixture.huiwen(["build", "--merge-shards"] + shards)
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(merged.standardOutput.hasPrefix("merged 2 shards: 2 documents in "))
        #expect(fixture.exists("output/a.html") && fixture.exists("output/b.html") && fixture.exists("output/index.html"))
        #expect(try fixture.huiwen("build", "--check").status == 0, "the merged output is what a build writes")
        let missing = try fixture.huiwen("build", "--merge-shards", shards[1])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("shard 1/2 is missing"))
        for wrong in [["--shard", "0/2"], ["--shard", "3/2"], ["--shard", "half"], ["--shard", "1/2", "--check"], ["--merge-shards", shards[0], "--check"]] {
            let result = try fixture.huiwen(["build"] + wrong)
            #expect(result.status == 2, "\(wrong)")
        }
    }

    @Test func initScaffoldsAProjectThatBuilds() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = folder.appendingPathComponent("会议")
        let created = try CLIRunner.run(["init", project.path])
        #expect(created.status == 0, "\(created.standardError)")
        let built = try CLIRunner.run(["build", "--root", project.path])
        #expect(built.status == 0, "\(built.standardError)")
        #expect(built.standardOutput.hasPrefix("built 2 documents"))
        let notice = try String(contentsOf: project.appendingPathComponent("output/notice.html"), encoding: .utf8)
        #expect(notice.contains("同比分别下降20.8%和12.7%"))
        // The attachment table from data/districts.xlsx, a workbook with a title row and a two-row header.
        let markdown = try String(contentsOf: project.appendingPathComponent("output/notice.md"), encoding: .utf8)
        #expect(markdown.contains("| 东城区 | 180 | 236 | 下降23.7% | 41 | 47 | 下降12.8% |"), "\(markdown)")
        let again = try CLIRunner.run(["init", project.path])
        #expect(again.status == 1)
        #expect(again.standardError.contains("is not empty"))
    }

    @Test func toWritesTheNamedFormatsAndAnUnknownOneIsAUsageError() throws {
        let fixture = try ProjectFixture(Self.project)
        defer { fixture.remove() }
        let wrong = try fixture.huiwen("build", "--to", "htm,docx")
        #expect(wrong.status == 2)
        #expect(wrong.standardError.contains("unknown format 'htm' (formats: html, docx, pdf); did you mean 'html'?"))
        #expect(!fixture.exists("output"))
        let built = try fixture.huiwen("build", "--to", "docx,html")
        #expect(built.status == 0, "\(built.standardError)")
        #expect(fixture.exists("output/a.docx") && fixture.exists("output/a.html"))
    }

    @Test func versionIsPrinted() throws {
        let result = try CLIRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.standardOutput.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    }
}
