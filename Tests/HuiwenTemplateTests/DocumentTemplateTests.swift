import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenTemplate
import Testing

/// A whole template file: front matter positions, attachments, the `page` namespace, and how
/// errors of a document are collected. (Batches and output names are the build's: see
/// HuiwenBuildTests.)
@Suite struct DocumentTemplateTests {
    // MARK: Support

    static let path = "templates/t.md"

    /// The data of the examples below, read from YAML so every value has its place in a file.
    static func data(_ yaml: String = defaultData) -> Value {
        do {
            return try YAMLReader().read(yaml, path: "data/all.yaml")
        } catch {
            preconditionFailure("test data does not parse: \(error)")
        }
    }

    static let defaultData = """
        name: 全省
        meeting:
          year: 2026
          title: 全省安全生产电视电话会议
          issuer: 湖南省安全生产委员会办公室
          mark: _x_
          share: 0.2789
        cities:
          - name: 长沙市
            government: 长沙市人民政府
          - name: 株洲市
            government: 株洲市人民政府
          - name: 湘潭市
            government: 湘潭市人民政府
        actions:
          - title: 加强组织领导
            lead: 省安委会办公室
          - title: 开展*大检查*
            lead: 省应急管理厅

        """

    /// The diagnostics of compiling `source`, or an empty list when it compiles.
    static func compileErrors(_ source: String) -> [Diagnostic] {
        do {
            _ = try DocumentTemplate(source: source, path: path)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// The merged document (none when it fails) and the problems of merging `source`.
    static func merge(
        _ source: String, data: Value = data(), partials: [String: String] = [:]
    ) throws -> (documents: [MergedDocument], diagnostics: [Diagnostic]) {
        let template = try DocumentTemplate(source: source, path: path)
        do {
            return ([try template.merge(data: data, partials: PartialLibrary(partials), helpers: TemplateHelpers.standard)], [])
        } catch {
            return ([], error.diagnostics)
        }
    }

    static func place(_ diagnostic: Diagnostic?) -> String {
        guard let location = diagnostic?.location else { return "nowhere" }
        return "\(location.path):\(location.line):\(location.column)"
    }

    // MARK: Front matter positions

    @Test func helperErrorInAQuotedFrontMatterValueIsAtTheTagAfterTheQuote() throws {
        let source = """
            ---
            title: 通知
            date: "{{percent(meeting.title)}}"
            ---
            正文

            """
        let (documents, diagnostics) = try Self.merge(source)
        #expect(documents.isEmpty)
        #expect(diagnostics.count == 1)
        #expect(Self.place(diagnostics.first) == "templates/t.md:3:8")
        #expect(diagnostics.first?.message.hasPrefix("percent: expects a number") == true)
    }

    @Test func missingNameInAPlainValueThatStartsMidLineIsAtItsColumn() throws {
        // `docNumber: ` is 11 columns, `湘安委办〔` five more: the tag opens at column 17.
        let source = "---\nlayout: notice\ndocNumber: 湘安委办〔{{meeting.yeer}}〕1号\n---\n正文\n"
        let (_, diagnostics) = try Self.merge(source)
        #expect(diagnostics.map(Self.place) == ["templates/t.md:3:17"])
        #expect(diagnostics.first?.message == "'meeting.yeer' is not defined; did you mean 'meeting.year'?")
    }

    @Test func missingNameInABlockScalarIsOnItsContentLine() throws {
        // `|` and `>` values start on the next line, after its indentation.
        let source = "---\ntitle: |\n  第一行{{meeting.titel}}\nnote: >-\n    甲{{meeting.isuer}}\ncc: |\n\n  {{meeting.yeer}}\n---\n正文\n"
        let (_, diagnostics) = try Self.merge(source)
        // The last one is on the right line; its column counts from the indentation (see
        // `DocumentTemplate.contentStart`).
        #expect(diagnostics.map(Self.place) == ["templates/t.md:3:6", "templates/t.md:5:6", "templates/t.md:8:1"])
    }

    @Test func missingNameInASingleQuotedValueIsAfterTheQuote() throws {
        let source = "---\nissuer: '{{meeting.isuer}}'\n---\n正文\n"
        let (_, diagnostics) = try Self.merge(source)
        #expect(diagnostics.map(Self.place) == ["templates/t.md:2:10"])
        #expect(diagnostics.first?.message == "'meeting.isuer' is not defined; did you mean 'meeting.issuer'?")
    }

    @Test func missingNameInANestedListValueIsAtItsLineAndColumn() throws {
        let source = """
            ---
            attachments:
              - title: 附件{{meeting.titel}}
                partial: table
            extra: {keywords: [安全, "{{meeting.yer}}"]}
            ---
            正文

            """
        let (_, diagnostics) = try Self.merge(source, partials: ["table": "表"])
        #expect(diagnostics.map(Self.place) == ["templates/t.md:3:14", "templates/t.md:5:25"])
        #expect(diagnostics.first?.message == "'meeting.titel' is not defined; did you mean 'meeting.title'?")
    }

    @Test func missingNameInTheBodyCountsTheFrontMatterLines() throws {
        let source = "---\ntitle: 通知\nlayout: notice\n---\n第一段\n\n一二{{缺失}}\n"
        let (_, diagnostics) = try Self.merge(source)
        #expect(diagnostics.map(Self.place) == ["templates/t.md:7:3"])
        #expect(diagnostics.first?.sourceLine == "一二{{缺失}}")
    }

    @Test func syntaxErrorInAFrontMatterValueIsAtItsColumn() {
        let errors = Self.compileErrors("---\ntitle: \"关于{{#meeting}}\"\n---\n正文\n")
        #expect(errors.map(Self.place) == ["templates/t.md:2:11"])
    }

    @Test func unterminatedFrontMatterIsAnErrorAtLineOneColumnOne() {
        let errors = Self.compileErrors("---\ntitle: 通知\n正文{{x}}\n")
        #expect(errors.map(Self.place) == ["templates/t.md:1:1"])
        #expect(errors.first?.message.contains("no closing '---'") == true)
    }

    @Test func frontMatterThatIsAListIsRefused() {
        let errors = Self.compileErrors("---\n- 甲\n- 乙\n---\n正文\n")
        #expect(errors.count == 1)
        #expect(errors.first?.location?.line == 2)
        #expect(errors.first?.message == "front matter must be a map of fields (key: value), got a list")
    }

    @Test func frontMatterThatIsOneSentenceIsRefused() {
        let errors = Self.compileErrors("---\n就是一句话\n---\n正文\n")
        #expect(errors.count == 1)
        #expect(errors.first?.message.hasPrefix("front matter must be a map of fields") == true)
    }

    @Test func emptyFrontMatterIsAnEmptyMap() throws {
        let (documents, diagnostics) = try Self.merge("---\n---\n{{meeting.year}}年\n")
        #expect(diagnostics.isEmpty)
        #expect(documents.map(\.body.text) == ["2026年\n"])
    }

    @Test func aFileWithCRLFLineEndsHasItsFrontMatterAndPositions() throws {
        let source = "---\r\ntitle: 通知\r\ndate: \"{{meeting.yeer}}\"\r\n---\r\n正文{{page.title}}\r\n"
        let (_, diagnostics) = try Self.merge(source)
        #expect(diagnostics.map(Self.place) == ["templates/t.md:3:8"])
        let (documents, problems) = try Self.merge(source.replacing("yeer", with: "year"))
        #expect(problems.isEmpty)
        #expect(documents.first?.frontMatter.title == "通知")
        #expect(documents.first?.body.text == "正文通知\r\n")
    }

    @Test func eachWithoutOutputIsACompileErrorAtEach() {
        let errors = Self.compileErrors("---\ntitle: 通知\neach: cities\n---\n{{name}}\n")
        #expect(errors.map(Self.place) == ["templates/t.md:3:7"])
        #expect(errors.first?.message.contains("needs 'output'") == true)
    }

    @Test func anItemSitsOnTopOfTheData() throws {
        let template = try DocumentTemplate(source: "---\nrecipients: \"{{government}}：\"\n---\n{{name}}\n", path: Self.path)
        let item = Self.data("name: 长沙市\ngovernment: 长沙市人民政府\n")
        let merged = try template.merge(data: Self.data(), item: item, partials: nil, helpers: TemplateHelpers.standard)
        // The item's `name` shadows the data's top-level `name: 全省`.
        #expect(merged.body.text == "长沙市\n")
        #expect(merged.frontMatter.recipients == "长沙市人民政府：")
    }

    // MARK: Attachments, page, front matter text

    @Test func attachmentsAreMergedThroughTheirPartialWithMarkdownEscaping() throws {
        let source = """
            ---
            attachments:
              - title: 任务分工表（{{meeting.year}}年）
                partial: task-table
            ---
            正文

            """
        let partials = ["task-table": "| 序号 | 任务 |\n|--|--|\n{{#actions}}\n| {{@number}} | {{title}} |\n{{/actions}}\n"]
        let (documents, diagnostics) = try Self.merge(source, partials: partials)
        #expect(diagnostics.isEmpty)
        let attachment = try #require(documents.first?.attachments.first)
        #expect(attachment.title == "任务分工表（2026年）")
        #expect(attachment.body.text == "| 序号 | 任务 |\n|--|--|\n| 1 | 加强组织领导 |\n| 2 | 开展\\*大检查\\* |\n")
        #expect(attachment.body.escapedRanges.count == 4)
    }

    @Test func attachmentWithAMissingPartialIsAnErrorAtThePartialName() throws {
        let source = "---\nattachments:\n  - title: 表\n    partial: task-tabel\n---\n正文\n"
        let (documents, diagnostics) = try Self.merge(source, partials: ["task-table": "x"])
        #expect(documents.isEmpty)
        #expect(diagnostics.map(Self.place) == ["templates/t.md:4:14"])
        #expect(diagnostics.first?.message == "no partial named 'task-tabel'")
    }

    @Test func bodySeesTheMergedFrontMatterAsPage() throws {
        let source = "---\ntitle: 关于{{meeting.year}}年的通知\n---\n# {{page.title}}\n"
        let (documents, diagnostics) = try Self.merge(source)
        #expect(diagnostics.isEmpty)
        #expect(documents.first?.body.text == "# 关于2026年的通知\n")
    }

    @Test func frontMatterValuesAreTextNotMarkdown() throws {
        let source = "---\ntitle: 标题*星*{{meeting.mark}}\nextra:\n  plain: 标题*星*\n---\n{{page.title}}\n"
        let (documents, diagnostics) = try Self.merge(source)
        #expect(diagnostics.isEmpty)
        let document = try #require(documents.first)
        #expect(document.frontMatter.title == "标题*星*_x_")
        #expect(document.frontMatter.extra?["plain"]?.stringValue == "标题*星*")
        // The same text inserted into the body is Markdown-escaped there.
        #expect(document.body.text == "标题\\*星\\*\\_x\\_\n")
    }

    // MARK: Collecting errors

    @Test func everySyntaxErrorOfFrontMatterAndBodyIsReportedTogether() {
        let source = "---\ntitle: \"{{#a}}\"\neach: cities\ndate: \"{{b\"\n---\n{{/c}}\n"
        let errors = Self.compileErrors(source)
        #expect(errors.map { $0.location?.line ?? 0 } == [2, 3, 4, 6])
    }

    @Test func everyMergeErrorOfADocumentIsReportedTogether() throws {
        let source = """
            ---
            title: "{{meeting.titl}}"
            attachments:
              - title: 表
                partial: table
            ---
            {{meeting.yaer}}

            {{wan(meeting.title)}}

            """
        let (documents, diagnostics) = try Self.merge(source, partials: ["table": "{{#actions}}{{leed}}{{/actions}}"])
        #expect(documents.isEmpty)
        #expect(diagnostics.map(Self.place).sorted() == ["table:1:13", "templates/t.md:2:9", "templates/t.md:7:1", "templates/t.md:9:1"])
    }
}
