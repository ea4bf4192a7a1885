import Foundation
import HuiwenBuild
import HuiwenLayout
import Testing

/// One loop for every command: what reaches the sinks, and what each sink does with it.
@Suite struct BuildLoopTests {
    static let files = [
        "templates/notice.md": """
            ---
            layout: notice
            title: 关于{{meeting.year}}年安全生产工作的通知
            recipients: 各市州人民政府：
            attachments:
              - title: 任务表
                partial: tasks
            date: "{{date(meeting.date)}}"
            ---
            ## 总体要求

            正文。

            """,
        "templates/partials/tasks.md": "| 任务 |\n|--|\n| 检查 |\n",
        "templates/outline.md": "---\nlayout: outline\ntitle: 讲话\ndate: \"{{date(meeting.date)}}\"\nspeaker: 省长\n---\n## 形势\n",
        "data/meeting.yaml": "year: 2026\ndate: 2026-01-12\n",
    ]

    @Test func everyDocumentReachesTheSinkAsAModelWithItsFiles() throws {
        let fixture = try BuildFixture(Self.files, data: [:])
        defer { fixture.remove() }
        let report = fixture.render()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.pages.map(\.name) == ["notice", "outline"])
        let notice = try #require(report.pages.first)
        #expect(notice.files.map(\.name) == ["notice.html", "notice.md"])
        #expect(notice.document.kind == .notice)
        #expect(notice.document.title == "关于2026年安全生产工作的通知")
        #expect(notice.document.closing.date == "2026年1月12日")
        #expect(notice.document.attachments.map(\.title) == ["任务表"])
        #expect(notice.document.body.rendered.headings.map(\.text) == ["一、总体要求"])
        let outline = try #require(report.pages.last)
        #expect(outline.document.kind == .outline)
        #expect(outline.document.byline.date == "2026年1月12日")
        #expect(outline.document.closing.date == nil)
        #expect(outline.document.byline.speaker == "省长")
    }

    @Test func buildWritesWhatRenderKeepsAndCheckThenFindsItCurrent() throws {
        let fixture = try BuildFixture(Self.files, data: [:])
        defer { fixture.remove() }
        let pages = fixture.render().pages
        let built = fixture.builder.build()
        #expect(built.succeeded)
        #expect(built.written.sorted() == [".huiwen-manifest", "index.html", "notice.html", "notice.md", "outline.html", "outline.md"])
        for page in pages {
            for file in page.files {
                let written = try Data(contentsOf: fixture.root.appendingPathComponent("output/" + file.name))
                #expect(Array(written) == file.contents, "\(file.name)")
            }
        }
        let checked = fixture.builder.check()
        #expect(checked.written.isEmpty && checked.deleted.isEmpty)
        #expect(checked.documentCount == 2)

        try fixture.write("data/meeting.yaml", "year: 2027\ndate: 2027-01-12\n")
        let stale = fixture.builder.check()
        // The title (in the page, the index and the manifest) and the outline's date changed;
        // the merged Markdown of either body did not.
        #expect(stale.written == [".huiwen-manifest", "index.html", "notice.html", "outline.html"])
        // A check writes nothing.
        #expect(try String(contentsOf: fixture.root.appendingPathComponent("output/notice.html"), encoding: .utf8).contains("关于2026年"))
    }

    @Test func validateKeepsNoPagesButCountsThem() throws {
        let fixture = try BuildFixture(Self.files, data: [:])
        defer { fixture.remove() }
        let report = fixture.builder.validate()
        #expect(report.succeeded)
        #expect(report.pages.isEmpty)
        #expect(report.documentCount == 2)
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("output").path))
    }

    @Test func aTemplateThatFailsKeepsItsPreviousFilesAndTheOthersAreWritten() throws {
        let fixture = try BuildFixture(Self.files, data: [:])
        defer { fixture.remove() }
        #expect(fixture.builder.build().succeeded)
        let before = try Data(contentsOf: fixture.root.appendingPathComponent("output/notice.html"))
        try fixture.write("templates/notice.md", "---\nlayout: notice\ntitle: \"{{meeting.yeer}}\"\n---\n正文\n")
        try fixture.write("templates/outline.md", "---\nlayout: outline\ntitle: 新讲话\n---\n正文\n")
        let report = fixture.builder.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.map(\.message) == ["'meeting.yeer' is not defined; did you mean 'meeting.year'?"])
        #expect(try Data(contentsOf: fixture.root.appendingPathComponent("output/notice.html")) == before)
        #expect(report.written.contains("outline.html"))
    }

    @Test func theRenderOfOneTemplateFromTextUsesTheProjectsDataAndPartials() throws {
        let fixture = try BuildFixture(Self.files, data: [:])
        defer { fixture.remove() }
        let report = fixture.builder.render(template: "<stdin>", source: "---\ntitle: 临时\n---\n{{meeting.year}}年\n\n{{> tasks}}")
        #expect(report.succeeded)
        #expect(report.pages.map(\.name) == ["stdin"])
        #expect(report.pages.first?.markdown == "2026年\n\n| 任务 |\n|--|\n| 检查 |\n")
    }
}

/// The progress a build reports: every document, built or failed, counted against a total
/// known before the first.
struct BuildProgressTests {
    @Test func everyDocumentIsCountedAgainstTheTotal() throws {
        let fixture = try BuildFixture([
            "templates/batch.md": "---\ntitle: 关于{{name}}\neach: cities\noutput: n-{{name}}\n---\n{{name}}{{#government}}{{/government}}\n",
            "templates/bad.md": "---\ntitle: 坏\n---\n{{missing.value}}\n",
            "templates/plain.md": "---\ntitle: 通知\n---\n正文。\n",
        ])
        defer { fixture.remove() }
        let seen = Seen()
        var builder = Builder(project: Project(root: fixture.root, outputDirectory: fixture.root.appendingPathComponent("output")))
        builder.progress = { seen.append($0) }
        let report = builder.build()
        #expect(report.documentCount == 4, "three cities and the plain one; the bad one fails")
        #expect(seen.values.map(\.done) == [1, 2, 3, 4, 5])
        #expect(seen.values.allSatisfy { $0.total == 5 })
        // The same problems, in the same order, as a build that is not followed.
        #expect(BuildFixture.place(report.diagnostics.first) == "templates/bad.md:4:1")
        #expect(report.diagnostics == Builder(project: Project(root: fixture.root)).render().diagnostics)
    }

    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [BuildProgress] = []
        var values: [BuildProgress] { lock.withLock { list } }
        func append(_ progress: BuildProgress) { lock.withLock { list.append(progress) } }
    }
}
