import Foundation
import Testing

/// Front matter mistakes through the real command: each at its `path:line:col`, exit 1, all of
/// them in one run, the other documents still built.
@Suite struct FrontMatterErrorTests {
    static let files = [
        "data/meeting.yaml": "year: 2026\n",
        "data/cities.yaml": "- name: 长沙市\n- name: 株洲市\n",
        // A misspelled key: without the check, the 主送机关 would vanish without a word.
        "templates/unknown-key.md": "---\nlayout: notice\nrecipents: 各市州人民政府：\n---\n正文\n",
        "templates/wrong-type.md": "---\nallowHTML: \"yes\"\n---\n正文\n",
        "templates/wrong-value.md": "---\nlayout: notice\nnumbering: roman\n---\n正文\n",
        "templates/not-a-list.md": "---\neach: meeting.year\noutput: n-{{name}}\n---\n{{name}}\n",
        "templates/good.md": "---\ntitle: 通知\n---\n{{meeting.year}}年\n",
    ]

    static let expected = [
        "templates/not-a-list.md:2:7: error: 'each' needs a list, but 'meeting.year' is a number",
        "templates/unknown-key.md:3:1: error: unknown front matter field 'recipents'; did you mean 'recipients'?",
        "templates/wrong-type.md:2:12: error: 'allowHTML' must be true or false, not the string \"yes\"",
        "templates/wrong-value.md:3:12: error: 'numbering' must be none or gongwen, not 'roman'",
    ]

    @Test func checkReportsEveryFrontMatterErrorAtOnceWithItsPosition() throws {
        let fixture = try ProjectFixture(Self.files)
        defer { fixture.remove() }
        let result = try fixture.huiwen("check")
        #expect(result.status == 1)
        let errors = result.standardError.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
        #expect(errors == Self.expected)
        #expect(!fixture.exists("output"))
    }

    @Test func buildFailsWithTheSameErrorsAndStillWritesTheGoodDocument() throws {
        let fixture = try ProjectFixture(Self.files)
        defer { fixture.remove() }
        let result = try fixture.huiwen("build")
        #expect(result.status == 1)
        let errors = result.standardError.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
        #expect(errors == Self.expected)
        #expect(try fixture.read("output/good.md") == "2026年\n")
        #expect(!fixture.exists("output/unknown-key.html"))
    }

    @Test func everyErrorAlsoComesAsJSONWithItsLineAndColumn() throws {
        let fixture = try ProjectFixture(Self.files)
        defer { fixture.remove() }
        let result = try fixture.huiwen("check", "--format", "json")
        #expect(result.status == 1)
        #expect(result.standardError.contains(#"{"file":"templates/unknown-key.md","line":3,"column":1,"severity":"error","message":"unknown front matter field 'recipents'; did you mean 'recipients'?"}"#))
    }
}
