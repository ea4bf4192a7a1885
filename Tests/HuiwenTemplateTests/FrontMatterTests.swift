import HuiwenData
import HuiwenDiagnostics
import HuiwenTemplate
import HuiwenText
import Testing

/// The typed front matter: every field at its type, every mistake at its position.
@Suite struct FrontMatterTests {
    /// The front matter of a template whose YAML block is `yaml`, or the problems it has.
    static func parse(_ yaml: String) -> Result<FrontMatter, DiagnosticError> {
        Result { () throws(DiagnosticError) -> FrontMatter in
            try DocumentTemplate(source: "---\n" + yaml + "---\n正文\n", path: "templates/t.md").frontMatter
        }
    }

    static func problems(_ yaml: String) -> [String] {
        guard case .failure(let error) = parse(yaml) else { return [] }
        return error.diagnostics.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.message)" }
    }

    @Test func everyFieldIsReadAtItsType() throws {
        let frontMatter = try Self.parse("""
            layout: notice
            numbering: none
            allowHTML: true
            title: 关于做好安全生产工作的通知
            copyNumber: "000001"
            secrecy: 机密★1年
            urgency: 特急
            issuer: 湖南省安全生产委员会办公室
            docNumber: 湘安委办〔2026〕1号
            recipients: 各市州人民政府：
            attachments:
              - title: 重点任务分工表
                partial: task-table
              - title: 联系人
            signature: 湖南省安全生产委员会办公室
            date: 2026-01-12
            note: 此件公开发布
            cc: 省委办公厅。
            printedBy: 湖南省安全生产委员会办公室
            printedDate: 2026年1月12日
            speaker: 省长
            subtitle: 在全省会议上
            salutation: 同志们：
            extra:
              seal: 省安委办

            """).get()
        #expect(frontMatter.layout == "notice")
        #expect(frontMatter.numbering == HeadingNumbering.none)
        #expect(frontMatter.allowsHTML)
        #expect(frontMatter.copyNumber == "000001")
        #expect(frontMatter.recipients == "各市州人民政府：")
        #expect(frontMatter.attachments.map(\.title) == ["重点任务分工表", "联系人"])
        #expect(frontMatter.attachments.map(\.partial) == ["task-table", nil])
        // An unquoted date is text as written; `{{date(…)}}` formats it.
        #expect(frontMatter.date == "2026-01-12")
        #expect(frontMatter.salutation == "同志们：")
        #expect(frontMatter.extra?["seal"]?.stringValue == "省安委办")
        #expect(frontMatter.locations[.issuer]?.line == 9)
    }

    @Test func absentAndEmptyFieldsAreNil() throws {
        let frontMatter = try Self.parse("title: \"\"\nnote:\n").get()
        #expect(frontMatter.title == nil)
        #expect(frontMatter.note == nil)
        #expect(frontMatter.layout == nil)
        #expect(frontMatter.numbering == nil)
        #expect(!frontMatter.allowsHTML)
        #expect(frontMatter.attachments.isEmpty)
    }

    @Test func aMisspelledFieldIsAnErrorAtItsKeyWithTheNearName() {
        #expect(Self.problems("layout: notice\nrecipents: 各市州：\n") == [
            "3:1 unknown front matter field 'recipents'; did you mean 'recipients'?",
        ])
    }

    @Test func anUnknownFieldWithNoNearNamePointsToExtra() {
        #expect(Self.problems("  seal: 省安委办\n") == [
            "2:3 unknown front matter field 'seal' (fields for a project's own layout go under 'extra:')",
        ])
    }

    @Test func aWrongChoiceIsAnErrorAtTheValue() {
        #expect(Self.problems("numbering: roman\n") == ["2:12 'numbering' must be none or gongwen, not 'roman'"])
        #expect(Self.problems("numbering: gongwne\n") == [
            "2:12 'numbering' must be none or gongwen, not 'gongwne'; did you mean 'gongwen'?",
        ])
    }

    @Test func aWrongTypeIsAnErrorAtTheValue() {
        #expect(Self.problems("allowHTML: \"yes\"\n") == ["2:12 'allowHTML' must be true or false, not the string \"yes\""])
        #expect(Self.problems("title: [甲, 乙]\n") == ["2:8 'title' must be text, not a list"])
        #expect(Self.problems("urgency: true\n") == ["2:10 'urgency' must be text, not the bool true"])
        #expect(Self.problems("extra: 印章\n") == ["2:8 'extra' must be a map of your layout's own fields, not the string \"印章\""])
        #expect(Self.problems("layout: 3\n") == ["2:9 'layout' must be a name, such as 'layout: notice', not the number 3"])
        #expect(Self.problems("attachments: 表\n") == ["2:14 'attachments' must be a list of {title, partial}, not the string \"表\""])
    }

    @Test func namesAreWrittenOutNotComputed() {
        #expect(Self.problems("layout: \"{{meeting.layout}}\"\n") == ["2:9 'layout' is written out, not computed with tags"])
        #expect(Self.problems("attachments:\n  - title: 表\n    partial: \"{{x}}\"\n") == [
            "4:14 an attachment's 'partial' must name a partial, such as 'partial: task-table'",
        ])
    }

    @Test func attachmentMistakesAreErrorsAtTheEntry() {
        #expect(Self.problems("attachments:\n  - partial: task-table\n  - 表\n  - title: 表\n    partail: x\n") == [
            "3:5 an attachment needs a 'title'",
            "4:5 an attachment must be a map {title, partial}, not the string \"表\"",
            "6:5 unknown front matter field 'partail'; did you mean 'partial'?",
        ])
    }

    @Test func everyProblemOfOneFrontMatterIsReportedTogether() {
        #expect(Self.problems("recipents: 甲\nnumbering: roman\nallowHTML: 1\ntitle: {a: b}\n") == [
            "2:1 unknown front matter field 'recipents'; did you mean 'recipients'?",
            "3:12 'numbering' must be none or gongwen, not 'roman'",
            "4:12 'allowHTML' must be true or false, not the number 1",
            "5:8 'title' must be text, not a map",
        ])
    }

    @Test func formatsAreAListOfKnownNames() throws {
        #expect(try Self.parse("formats: [html, docx]\n").get().formats == [.html, .docx])
        #expect(try Self.parse("formats: docx\n").get().formats == [.docx])
        #expect(try Self.parse("formats: \"docx, html\"\n").get().formats == [.docx, .html])
        #expect(try Self.parse("title: 通知\n").get().formats == nil)
        #expect(Self.problems("formats: [html, dox]\n") == [
            "2:17 'formats': unknown format 'dox' (formats: html, docx, pdf); did you mean 'docx'?",
        ])
        #expect(Self.problems("formats: {a: 1}\n") == [
            "2:10 'formats' must be a list of formats, such as 'formats: [html, docx]', not a map",
        ])
    }

    @Test func eachIsADataPath() throws {
        let frontMatter = try Self.parse("each: statistics.cities\noutput: n-{{name}}\n").get()
        #expect(frontMatter.each == ["statistics", "cities"])
        #expect(frontMatter.output == "n-{{name}}")
        #expect(Self.problems("each: \"{{x}}\"\noutput: n\n") == ["2:7 'each' must name a list in the data, such as 'each: cities'"])
    }
}
