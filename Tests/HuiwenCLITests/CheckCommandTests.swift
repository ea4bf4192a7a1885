import Foundation
import Testing

/// `huiwen check`: every problem of the data and the templates, nothing written.
@Suite struct CheckCommandTests {
    @Test func reportsEveryDataErrorOfEveryFileAndWritesNothing() throws {
        let fixture = try ProjectFixture([
            "data/a.yaml": "x: 1\nx: 2\n",
            "data/b.json": "{\"k\": [1, 2,]}\n",
            "data/c.csv": "地区,事故起数\n长沙,12\n株洲\n",
            "templates/doc.md": "{{a.x}}\n",
        ])
        defer { fixture.remove() }
        let result = try fixture.huiwen("check")
        #expect(result.status == 1)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("data/a.yaml:2:1: error: ") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("data/b.json:1:13: error: ") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("data/c.csv:3:1: error: ") }, "\(lines)")
        #expect(!fixture.exists("output"))
    }

    @Test func cleanProjectPassesWithASummary() throws {
        let fixture = try ProjectFixture(["data/m.yaml": "title: 会议\n", "templates/doc.md": "{{m.title}}\n"])
        defer { fixture.remove() }
        let result = try fixture.huiwen("check")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "checked 1 document: no problems\n")
        #expect(!fixture.exists("output"))
    }

    @Test func theExampleProjectChecksClean() throws {
        let result = try CLIRunner.run(["check", "--root", CLIRunner.packageRoot.path])
        #expect(result.status == 0, "\(result.standardError)")
    }
}
