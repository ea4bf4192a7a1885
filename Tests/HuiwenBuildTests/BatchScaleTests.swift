import Foundation
import HuiwenBuild
import HuiwenDiagnostics
import Testing

/// Batches at scale: the parallel build gives the files of a one-thread build, and the
/// input-hash cache builds again exactly the documents whose inputs changed.
@Suite struct BatchScaleTests {
    static let notice = """
        ---
        layout: notice
        each: cities
        output: notice-{{地区}}
        title: 关于做好{{地区}}安全生产工作的通知
        recipients: "{{人民政府}}："
        issuer: "{{meeting.issuer}}"
        ---
        {{地区}}事故起数同比{{change(事故起数)}}。

        {{> tasks}}

        """

    static let tasks = """
        {{#meeting.tasks}}
        ## {{.}}

        {{地区}}要抓好{{.}}。

        {{/meeting.tasks}}
        """

    static let meeting = """
        issuer: 湖南省安全生产委员会办公室
        tasks: [压实责任, 排查隐患, 应急值守]

        """

    /// `count` cities, one of them (`bad`) with a `previous` of 0 (`change` fails for it).
    static func cities(_ count: Int, bad: Int? = nil, changed: Int? = nil) -> String {
        var rows = ["地区,人民政府,事故起数.current,事故起数.previous"]
        for index in 1...count {
            let current = index == changed ? 999 : 100 + index % 37
            rows.append("城市\(index),城市\(index)人民政府,\(current),\(index == bad ? 0 : 120)")
        }
        return rows.joined(separator: "\n") + "\n"
    }

    static func fixture(cities count: Int, bad: Int? = nil, extra: [String: String] = [:]) throws -> BuildFixture {
        try BuildFixture(
            ["templates/notice.md": notice, "templates/partials/tasks.md": tasks, "templates/single.md": "# {{meeting.issuer}}\n"]
                .merging(extra) { $1 },
            data: ["data/meeting.yaml": meeting, "data/cities.csv": cities(count, bad: bad), "data/other.yaml": "x: 1\n"])
    }

    /// Every file of a folder, by name.
    static func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    /// The files of a folder other than the build's own notes (the lock).
    static func documentFiles(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".huiwen-lock") }
    }

    static func build(_ fixture: BuildFixture, into output: String = "output", jobs: Int = 2, formats: [OutputFormat]? = nil) -> BuildReport {
        Builder(
            project: Project(root: fixture.root, outputDirectory: fixture.root.appendingPathComponent(output)), formats: formats,
            jobs: jobs
        ).build()
    }

    // MARK: Both cores

    @Test(arguments: [[OutputFormat.html], [.html, .docx]])
    func everyJobCountWritesTheSameFilesAndReportsTheSameProblems(formats: [OutputFormat]) throws {
        // Item 7 fails (`change` of a previous 0); items 40 and 41 would write one file.
        var csv = Self.cities(120, bad: 7).split(separator: "\n").map(String.init)
        csv[41] = "城市40,重名,1,2"
        let fixture = try Self.fixture(cities: 120, extra: ["data/cities.csv": csv.joined(separator: "\n") + "\n"])
        defer { fixture.remove() }
        var outputs: [[String: Data]] = []
        var reports: [BuildReport] = []
        for jobs in [1, 2, 5] {
            let report = Self.build(fixture, into: "out-\(jobs)", jobs: jobs, formats: formats)
            reports.append(report)
            outputs.append(try Self.files(in: fixture.root.appendingPathComponent("out-\(jobs)")).filter { $0.key != ".huiwen-cache" })
        }
        #expect(reports[0].documentCount == 119, "the failed item is left out, the rest are built")
        #expect(reports[0].diagnostics.count == 2)
        #expect(outputs[0].count == 119 * (formats.count + 1) + 2, "each document's files, the index and the manifest")
        for index in 1..<outputs.count {
            #expect(outputs[index] == outputs[0], "--jobs \([1, 2, 5][index]) wrote other files than --jobs 1")
            #expect(reports[index].diagnostics == reports[0].diagnostics)
            #expect(reports[index].documentCount == reports[0].documentCount)
            #expect(reports[index].written == reports[0].written, "files are written in the same order")
        }
    }

    // MARK: The input-hash cache

    @Test func anUnchangedRebuildBuildsNothingAndReadsNoPage() throws {
        let fixture = try Self.fixture(cities: 50)
        defer { fixture.remove() }
        let cold = Self.build(fixture)
        #expect(cold.diagnostics.isEmpty)
        #expect(cold.documentCount == 51)
        let again = Self.build(fixture)
        #expect(again.documentCount == 0)
        #expect(again.unchangedCount == 51)
        #expect(again.written.isEmpty)
        // A page made unreadable is not read back (only its existence is checked).
        let page = fixture.root.appendingPathComponent("output/notice-城市3.html")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: page.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: page.path) }
        if getuid() != 0 {
            #expect(Self.build(fixture).unchangedCount == 51)
        }
    }

    @Test func oneChangedRowRebuildsThatDocumentAndTheIndexOnlyWhenItsTitleChanged() throws {
        let fixture = try Self.fixture(cities: 50)
        defer { fixture.remove() }
        _ = Self.build(fixture)
        try fixture.write("data/cities.csv", Self.cities(50, changed: 17))
        let figure = Self.build(fixture)
        #expect(figure.documentCount == 1)
        #expect(figure.unchangedCount == 50)
        #expect(figure.written == ["notice-城市17.html", "notice-城市17.md", ".huiwen-manifest"])
        // A new name for the city: a new title (the index changes) and new files (the old go).
        try fixture.write("data/cities.csv", Self.cities(50, changed: 17).replacingOccurrences(of: "城市17,", with: "新城17,"))
        let renamed = Self.build(fixture)
        #expect(renamed.documentCount == 1)
        #expect(renamed.written.sorted() == [".huiwen-manifest", "index.html", "notice-新城17.html", "notice-新城17.md"])
        #expect(renamed.deleted.sorted() == ["notice-城市17.html", "notice-城市17.md"])
        #expect(Builder(project: Project(root: fixture.root)).check().written.isEmpty, "the output is what a full build writes")
    }

    @Test func theIndexIsMadeAgainWhenWhatItShowsOrItsLayoutChanges() throws {
        let fixture = try Self.fixture(cities: 5)
        defer { fixture.remove() }
        _ = Self.build(fixture)
        let index = fixture.root.appendingPathComponent("output/index.html")
        try FileManager.default.removeItem(at: index)
        #expect(Self.build(fixture).written == ["index.html"], "a missing index is made again")
        try fixture.write("data/cities.csv", Self.cities(5, changed: 2).replacingOccurrences(of: "城市2人民政府", with: "城市2市政府"))
        let readdressed = Self.build(fixture)
        #expect(readdressed.written.sorted() == [".huiwen-manifest", "index.html", "notice-城市2.html", "notice-城市2.md"], "its recipients changed")
        try fixture.write("templates/layouts/index.html", "<ul>{{#documents}}<li>{{title}}</li>{{/documents}}</ul>\n")
        let relaid = Self.build(fixture)
        #expect(relaid.documentCount == 0)
        #expect(relaid.written.sorted() == [".huiwen-manifest", "index.html"], "its layout changed")
        #expect(Builder(project: Project(root: fixture.root)).check().written.isEmpty)
    }

    @Test func aRowMovedOrAddedLeavesTheOtherDocumentsAlone() throws {
        let fixture = try Self.fixture(cities: 20)
        defer { fixture.remove() }
        _ = Self.build(fixture)
        var rows = Self.cities(20).split(separator: "\n").map(String.init)
        rows.insert("新城,新城人民政府,5,6", at: 1)
        rows.swapAt(5, 9)
        try fixture.write("data/cities.csv", rows.joined(separator: "\n") + "\n")
        let report = Self.build(fixture)
        #expect(report.documentCount == 1)
        #expect(report.unchangedCount == 21)
    }

    @Test func whatADocumentReadDecidesWhetherItIsBuiltAgain() throws {
        let fixture = try Self.fixture(cities: 10)
        defer { fixture.remove() }
        _ = Self.build(fixture)
        // Data no document reads.
        try fixture.write("data/other.yaml", "x: 2\n")
        #expect(Self.build(fixture).documentCount == 0)
        // A namespace every document reads.
        try fixture.write("data/meeting.yaml", Self.meeting.replacingOccurrences(of: "应急值守", with: "值班值守"))
        var report = Self.build(fixture)
        #expect(report.documentCount == 11)
        // The partial only the batch includes.
        try fixture.write("templates/partials/tasks.md", Self.tasks + "\n以上。\n")
        report = Self.build(fixture)
        #expect(report.documentCount == 10)
        #expect(report.unchangedCount == 1)
        // A name the documents looked up and did not find, added to the data.
        try fixture.write("templates/single.md", "# {{meeting.issuer}}{{#addendum}}，{{addendum}}{{/addendum}}\n")
        #expect(Self.build(fixture).documentCount == 1)
        try fixture.write("data/addendum.yaml", "补充通知\n")
        report = Self.build(fixture)
        #expect(report.documentCount == 1)
        #expect(report.unchangedCount == 10)
        // The layout, the template, the formats.
        try fixture.write("templates/layouts/notice.html", "<h1>{{page.title}}</h1>\n{{{body}}}\n")
        #expect(Self.build(fixture).documentCount == 10)
        try fixture.write("templates/single.md", "# {{meeting.issuer}}！\n")
        #expect(Self.build(fixture).documentCount == 1)
        #expect(Self.build(fixture, formats: [.html, .docx]).documentCount == 11)
        #expect(Self.build(fixture, formats: [.html, .docx]).documentCount == 0)
    }

    @Test func aMissingFileOrAnotherHuiwenBuildsAgain() throws {
        let fixture = try Self.fixture(cities: 10)
        defer { fixture.remove() }
        _ = Self.build(fixture)
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("output/notice-城市4.md"))
        var report = Self.build(fixture)
        #expect(report.documentCount == 1)
        #expect(report.written == ["notice-城市4.md"])
        // Written by another huiwen: every document is built (and no unchanged file written).
        try fixture.write("output/.huiwen-cache", "huiwen 0.0.1\n")
        report = Self.build(fixture)
        #expect(report.documentCount == 11)
        #expect(report.written.isEmpty)
        // Asked to build everything.
        var builder = Builder(project: Project(root: fixture.root))
        builder.reusesUnchanged = false
        #expect(builder.build().documentCount == 11)
    }

    @Test func aDocumentWhosePDFWasNotPrintedIsBuiltAgain() throws {
        let fixture = try BuildFixture(["templates/notice.md": "---\nlayout: notice\ntitle: 通知\nformats: [html, pdf]\n---\n正文。\n"])
        defer { fixture.remove() }
        let builder = Builder(project: Project(root: fixture.root), browser: "no-such-browser-\(UUID().uuidString)")
        for _ in 1...2 {
            let report = builder.build()
            #expect(!report.succeeded, "no browser")
            #expect(report.documentCount == 1 && report.unchangedCount == 0, "its page is written, and it is not taken as done")
        }
    }

    @Test func aFailedDocumentIsBuiltAgainUntilItSucceeds() throws {
        let fixture = try Self.fixture(cities: 10, bad: 3)
        defer { fixture.remove() }
        #expect(Self.build(fixture).diagnostics.count == 1)
        let again = Self.build(fixture)
        #expect(again.diagnostics.count == 1, "the problem is reported again")
        #expect(again.unchangedCount == 10)
        try fixture.write("data/cities.csv", Self.cities(10))
        let fixed = Self.build(fixture)
        #expect(fixed.diagnostics.isEmpty)
        #expect(fixed.documentCount == 1)
    }

    // MARK: Shards

    static func shardBuild(_ fixture: BuildFixture, _ index: Int, of count: Int) -> BuildReport {
        var builder = Builder(project: Project(root: fixture.root, outputDirectory: fixture.root.appendingPathComponent("shard-\(index)")))
        builder.shard = Shard(index: index, count: count)
        return builder.build()
    }

    static func merge(_ fixture: BuildFixture, _ shards: [Int], into output: String = "merged") -> BuildReport {
        Builder(project: Project(root: fixture.root, outputDirectory: fixture.root.appendingPathComponent(output)))
            .mergeShards(shards.map { fixture.root.appendingPathComponent("shard-\($0)") })
    }

    @Test func theShardsTogetherAreTheFullBuildByteForByte() throws {
        let fixture = try Self.fixture(cities: 50)
        defer { fixture.remove() }
        _ = Self.build(fixture, into: "full")
        var documents = 0
        for index in 1...3 {
            let report = Self.shardBuild(fixture, index, of: 3)
            #expect(report.diagnostics.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("shard-\(index)/index.html").path))
            documents += report.documentCount
        }
        #expect(documents == 51, "each document in exactly one shard")
        let merged = Self.merge(fixture, [3, 1, 2])
        #expect(merged.diagnostics.isEmpty)
        #expect(merged.documentCount == 51)
        let full = try Self.files(in: fixture.root.appendingPathComponent("full")).filter { $0.key != ".huiwen-cache" }
        #expect(try Self.files(in: fixture.root.appendingPathComponent("merged")) == full)
        // Merged again over itself: nothing to write.
        #expect(Self.merge(fixture, [1, 2, 3]).written.isEmpty)
    }

    @Test func aMergeOfShardsThatDoNotMakeOneBuildWritesNothing() throws {
        let fixture = try Self.fixture(cities: 12)
        defer { fixture.remove() }
        for index in 1...2 { _ = Self.shardBuild(fixture, index, of: 2) }
        let merged = fixture.root.appendingPathComponent("merged")
        func problems(_ shards: [Int]) -> [String] {
            let report = Self.merge(fixture, shards)
            #expect(Self.documentFiles(in: merged).isEmpty, "nothing written")
            return report.diagnostics.map(\.message)
        }
        #expect(problems([1]) == ["shard 2/2 is missing: give every shard's folder"])
        #expect(problems([1, 2, 2]).contains { $0.hasPrefix("shard 2/2 is given twice") })
        #expect(problems([1, 4]).contains { $0.contains("is not the output folder of a shard build") })
        // A shard of another split, and a project changed since the shards were built.
        var other = Builder(project: Project(root: fixture.root, outputDirectory: fixture.root.appendingPathComponent("shard-3")))
        other.shard = Shard(index: 1, count: 3)
        _ = other.build()
        #expect(problems([1, 2, 3]).contains { $0.hasPrefix("shard 1/3 is of another split") })
        try fixture.write("data/meeting.yaml", Self.meeting + "extra: 1\n")
        #expect(problems([1, 2]).count == 2, "both shards were built from other data")
    }

    @Test func twoShardsWritingOneFileIsAnError() throws {
        // Two templates give one name; a full build reports it, and so does the merge.
        // In build order: notice-城市1 (shard 1), notice-城市2 (2), notice-城市3 (1), single (2),
        // twin (1): the twin and 城市2 in two shards.
        let fixture = try Self.fixture(cities: 3, extra: ["templates/twin.md": "---\noutput: notice-城市2\n---\n同名。\n"])
        defer { fixture.remove() }
        for index in 1...2 { #expect(Self.shardBuild(fixture, index, of: 2).diagnostics.isEmpty) }
        let report = Self.merge(fixture, [1, 2])
        #expect(report.diagnostics.map(\.message).contains { $0.contains("notice-城市2.html is in two shards") })
        #expect(Self.documentFiles(in: fixture.root.appendingPathComponent("merged")).isEmpty)
        #expect(!Self.build(fixture).succeeded, "a full build finds it too")
    }
}
