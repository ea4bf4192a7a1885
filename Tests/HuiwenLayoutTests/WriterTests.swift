import HuiwenDiagnostics
import HuiwenLayout
import HuiwenTemplate
import Testing

/// The layouts a document may name, the model's elements, and the writers other than the page.
@Suite struct WriterTests {
    @Test func anUnknownLayoutIsAnErrorAtItsFieldWithTheNearName() throws {
        do {
            _ = try LayoutFixture.document("title: 通知\nlayout: notcie\n")
            Issue.record("an unknown layout was accepted")
        } catch let error as DiagnosticError {
            #expect(error.diagnostics.map(\.description) == [
                "templates/doc.md:3:9: error: unknown layout 'notcie' (layouts: notice, outline, plain); did you mean 'notice'?",
            ])
        }
    }

    @Test func theIndexIsNotALayoutADocumentMayName() throws {
        #expect(throws: DiagnosticError.self) { try LayoutFixture.document("layout: index\n") }
    }

    @Test func aProjectLayoutReplacesTheBuiltInOneAndReadsItsExtraFields() throws {
        let library = LayoutLibrary(projectLayouts: [
            .init(path: "templates/layouts/notice.html", text: "<h1>{{page.title}}</h1>{{#page.extra}}<p>{{seal}}</p>{{/page.extra}}{{{body}}}"),
        ])
        #expect(library.diagnostics.isEmpty)
        let html = try LayoutFixture.page("layout: notice\ntitle: 通知\nextra:\n  seal: 省安委办\n", body: "## 要求\n", layouts: library)
        // A project's own `notice` is still a notice: its headings are numbered.
        #expect(html == "<h1>通知</h1><p>省安委办</p><h2>一、要求</h2>\n")
    }

    @Test func aBrokenProjectLayoutIsReportedAndTheBuiltInOneStays() {
        let library = LayoutLibrary(projectLayouts: [.init(path: "templates/layouts/notice.html", text: "{{#page}}")])
        #expect(library.diagnostics.map { $0.location?.path } == ["templates/layouts/notice.html"])
        #expect(library.names == ["notice", "outline", "plain"])
    }

    @Test func theHeadingsOfAPlainPageAreNotNumberedUnlessAsked() throws {
        #expect(try LayoutFixture.document("title: 文稿\n", body: "## 要求\n").document.numbering == .none)
        #expect(try LayoutFixture.page("numbering: gongwen\n", body: "## 要求\n").contains("<h2>一、要求</h2>"))
        #expect(try LayoutFixture.page("layout: notice\nnumbering: none\n", body: "## 要求\n").contains("<h2>要求</h2>"))
    }

    @Test func theMergedMarkdownHoldsTheBodyThenEachAttachment() throws {
        let (document, _) = try LayoutFixture.document(
            "layout: notice\nattachments:\n  - title: 甲表\n    partial: a\n  - title: 乙表\n", body: "正文。", partials: ["a": "| 甲 |\n|--|\n"])
        #expect(MarkdownSourceWriter.text(of: document) == "正文。\n\n---\n\n附件1：甲表\n\n| 甲 |\n|--|\n\n\n---\n\n附件2：乙表\n\n")
    }

    @Test func theIndexListsEveryPageWithItsKindSortedByFile() throws {
        let layout = try #require(LayoutLibrary().index)
        let html = try IndexPageWriter.page([
            .init(file: "outline.html", title: "讲话", recipients: "", layout: "outline"),
            .init(file: "notice.html", title: "通知<甲>", recipients: "各市州：", layout: "notice"),
            .init(file: "letter.html", title: "函", recipients: "", layout: "letter"),
        ], layout: layout)
        #expect(html.contains("共3份文稿。"))
        let notice = try #require(html.range(of: #"<a href="notice.html">通知&lt;甲&gt;</a>"#))
        let outline = try #require(html.range(of: #"<a href="outline.html">讲话</a>"#))
        let letter = try #require(html.range(of: #"<a href="letter.html">函</a>"#))
        #expect(letter.lowerBound < notice.lowerBound && notice.lowerBound < outline.lowerBound)
        #expect(html.contains(#"<td class="kind">通知</td>"#))
        #expect(html.contains(#"<td class="kind">讲话提纲</td>"#))
        #expect(html.contains(#"<td class="kind">letter</td>"#))
    }
}
