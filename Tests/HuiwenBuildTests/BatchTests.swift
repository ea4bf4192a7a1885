import HuiwenBuild
import HuiwenDiagnostics
import Testing

/// `each` batches: one document per item, output names, and how a batch's errors are told.
@Suite struct BatchTests {
    static func render(_ template: String, data: [String: String] = [:]) throws -> BuildReport {
        let fixture = try BuildFixture(["templates/t.md": template], data: BuildFixture.data.merging(data) { $1 })
        defer { fixture.remove() }
        return fixture.render()
    }

    @Test func eachMakesOneDocumentPerItemWithItsKeysOnTopOfTheData() throws {
        let report = try Self.render("""
            ---
            each: cities
            output: notice-{{name}}
            recipients: "{{government}}："
            ---
            {{name}}：{{meeting.year}}年

            """)
        #expect(report.diagnostics.isEmpty)
        #expect(report.pages.map(\.name) == ["notice-长沙市", "notice-株洲市", "notice-湘潭市"])
        // The item's `name` shadows the data's top-level `name: 全省`.
        #expect(report.pages.map(\.document.body.markdown) == ["长沙市：2026年\n", "株洲市：2026年\n", "湘潭市：2026年\n"])
        #expect(report.pages.map(\.recipients) == ["长沙市人民政府：", "株洲市人民政府：", "湘潭市人民政府："])
    }

    @Test func eachOverAMissingKeySuggestsTheNearName() throws {
        let report = try Self.render("---\neach: citeis\noutput: n-{{name}}\n---\n{{name}}\n")
        #expect(report.pages.isEmpty)
        #expect(report.diagnostics.map(BuildFixture.place) == ["templates/t.md:2:7"])
        #expect(report.diagnostics.first?.message == "'each' names 'citeis', which is not in the data; did you mean 'cities'?")
    }

    @Test func eachOverAMissingNestedKeySuggestsTheNearPath() throws {
        let report = try Self.render("---\neach: meeting.yeer\noutput: n-{{name}}\n---\n{{name}}\n")
        #expect(report.diagnostics.first?.message == "'each' names 'meeting.yeer', which is not in the data; did you mean 'meeting.year'?")
    }

    @Test func eachOverAMapIsAnError() throws {
        let report = try Self.render("---\neach: meeting\noutput: n-{{name}}\n---\n{{name}}\n")
        #expect(report.pages.isEmpty)
        #expect(report.diagnostics.map(BuildFixture.place) == ["templates/t.md:2:7"])
        #expect(report.diagnostics.first?.message == "'each' needs a list, but 'meeting' is a map")
    }

    @Test func eachOverAListOfTextsIsAnErrorPerItem() throws {
        let report = try Self.render("---\neach: names\noutput: n-{{.}}\n---\nx\n", data: ["data/names.yaml": "[甲, 乙]\n"])
        #expect(report.pages.isEmpty)
        #expect(report.diagnostics.map(BuildFixture.place) == ["data/names.yaml:1:2", "data/names.yaml:1:5"])
        #expect(report.diagnostics.first?.message == "each item of 'names' must be a map, got a string")
    }

    @Test func twoItemsWithOneOutputNameIsAnErrorNamingBothPlaces() throws {
        let cities = "- name: 长沙市\n- name: 长沙/市\n- name: 长沙-市\n"
        let report = try Self.render("---\neach: cities\noutput: notice-{{name}}\n---\n{{name}}\n", data: ["data/cities.yaml": cities])
        // `长沙/市` and `长沙-市` both become `notice-长沙-市`.
        #expect(report.pages.map(\.name) == ["notice-长沙市", "notice-长沙-市"])
        #expect(report.diagnostics.count == 1)
        #expect(BuildFixture.place(report.diagnostics.first) == "data/cities.yaml:3:3")
        #expect(report.diagnostics.first?.message == "templates/t.md would write two documents to 'notice-长沙-市': the item at data/cities.yaml:2:3 and the item at data/cities.yaml:3:3; make 'output' differ between them")
    }

    @Test func outputNamesFromDataStayInsideTheOutputFolder() throws {
        let items = """
            - name: ../../etc/passwd
            - name: a/b
            - name: ..\\..\\x
            - name: "a\\u0000b\\u001Fc\\nd"
            - name: index
            - name: /root

            """
        let report = try Self.render("---\neach: items\noutput: \"{{name}}\"\n---\nx\n", data: ["data/items.yaml": items])
        #expect(report.diagnostics.isEmpty)
        #expect(report.pages.map(\.name) == ["etc-passwd", "a-b", "x", "abcd", "index-document", "root"])
    }

    @Test func anOutputNameThatSanitizesToNothingIsAnError() throws {
        let report = try Self.render(
            "---\neach: items\noutput: \"{{name}}\"\n---\nx\n", data: ["data/items.yaml": "- name: ..\n- name: \"\"\n- name: ok\n"])
        #expect(report.pages.map(\.name) == ["ok"])
        #expect(report.diagnostics.map(BuildFixture.place) == ["templates/t.md:3:9"])
        #expect(report.diagnostics.first?.message
            == "'output' gives an empty file name for the item at data/items.yaml:1:3 (nothing is left once it is made a safe file name) (and 1 more item)")
    }

    @Test func aTemplateNamedIndexDoesNotOverwriteTheIndexPage() throws {
        let fixture = try BuildFixture(["templates/index.md": "正文\n"])
        defer { fixture.remove() }
        let report = fixture.render()
        #expect(report.diagnostics.isEmpty)
        #expect(report.pages.map(\.name) == ["index-document"])
    }

    @Test func aMissingNameInABatchIsReportedOnceNotOncePerItem() throws {
        let report = try Self.render("---\neach: cities\noutput: n-{{name}}\ntitle: \"{{titel}}\"\n---\n{{name}}{{governmant}}\n")
        #expect(report.pages.isEmpty)
        #expect(report.diagnostics.map { "\(BuildFixture.place($0)) \($0.message)" } == [
            "templates/t.md:4:9 'titel' is not defined",
            "templates/t.md:6:9 'governmant' is not defined; did you mean 'government'?",
        ])
    }

    @Test func aHelperThatFailsForEveryItemOfABatchIsReportedOnce() throws {
        // The message names the first item's value; the others failed at the same tag.
        let report = try Self.render("---\neach: cities\noutput: n-{{name}}\n---\n{{percent(name)}}\n")
        #expect(report.pages.isEmpty)
        #expect(report.diagnostics.count == 1)
        #expect(BuildFixture.place(report.diagnostics.first) == "templates/t.md:5:1")
        #expect(report.diagnostics.first?.message == "percent: expects a number, got string \"长沙市\" (and 2 more items)")
    }

    @Test func aBatchItemThatFailsAloneIsReportedWithoutStoppingTheOthers() throws {
        let cities = "- name: 长沙市\n  share: 0.5\n- name: 株洲市\n  share: 半\n"
        let report = try Self.render("---\neach: cities\noutput: n-{{name}}\n---\n{{percent(share)}}\n", data: ["data/cities.yaml": cities])
        #expect(report.pages.map(\.name) == ["n-长沙市"])
        #expect(report.diagnostics.map(\.message) == ["percent: expects a number, got string \"半\""])
    }
}
