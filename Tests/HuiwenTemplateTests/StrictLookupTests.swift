import HuiwenData
import HuiwenDiagnostics
import HuiwenTemplate
import Testing

@Suite struct StrictLookupTests {
    @Test func missingNameIsReportedAtItsLineAndColumnInTheRealFile() {
        // The body starts after four lines of front matter, so its line 3 is line 7 of the file.
        let body = "第一行\n第二行\n一二三{{地区}}\n"
        let errors = templateErrors(body, .map(["城市": .string("长沙")]), path: "templates/notice.md", startLine: 5)
        #expect(errors.count == 1)
        #expect(errors.first?.location == SourceLocation(path: "templates/notice.md", line: 7, column: 4))
        #expect(errors.first?.message == "'地区' is not defined")
        #expect(errors.first?.sourceLine == "一二三{{地区}}")
    }

    @Test func missingNameAtColumnFiveOfLineThreeAfterFrontMatter() {
        let errors = templateErrors("a\nb\nxxxx{{missing}}", .map([:]), startLine: 5)
        #expect(errors.map(\.location) == [SourceLocation(path: "t.md", line: 7, column: 5)])
    }

    @Test func everyErrorOfATemplateIsReportedSortedByPosition() {
        let source = "{{b}} {{#list}}{{x}}{{/list}}\n{{a}} {{ok}}\n{{c.d}}"
        let context = Value.map(["ok": .string("fine"), "list": .list([.map([:]), .map([:])]), "c": .map([:])])
        let errors = templateErrors(source, context)
        #expect(errors.map { "\($0.location!.line):\($0.location!.column) \($0.message)" } == [
            "1:1 'b' is not defined",
            "1:16 'x' is not defined",
            "2:1 'a' is not defined",
            "3:1 'c.d' is not defined",
        ])
    }

    @Test func didYouMeanSuggestsANearChineseName() {
        let context = Value.map(["统计": .map(["事故起数": .number(7210), "死亡人数": .number(500)])])
        let errors = templateErrors("{{统计.事故数}}", context)
        #expect(errors.first?.message == "'统计.事故数' is not defined; did you mean '统计.事故起数'?")
    }

    @Test func didYouMeanLooksAtEveryContextOnTheStack() {
        let context = Value.map(["meeting": .map(["year": .number(2026)]), "actions": .list([.map(["title": .string("t")])])])
        let errors = templateErrors("{{#actions}}{{titel}}{{meting.year}}{{/actions}}", context)
        #expect(errors.map(\.message) == [
            "'titel' is not defined; did you mean 'title'?",
            "'meting.year' is not defined; did you mean 'meeting.year'?",
        ])
    }

    @Test func noSuggestionWhenNothingIsNear() {
        let errors = templateErrors("{{完全不同}}", .map(["statistics": .map([:])]))
        #expect(errors.first?.message == "'完全不同' is not defined")
    }

    @Test func explicitNullRendersEmpty() throws {
        #expect(try renderTemplate("[{{note}}]", .map(["note": .null])) == "[]")
    }

    @Test func sectionOverAnAbsentKeyRendersNothingAndItsInverseRenders() throws {
        #expect(try renderTemplate("{{#note}}附注：{{note}}{{/note}}{{^note}}无{{/note}}", .map([:])) == "无")
        #expect(try renderTemplate("{{#a.b.c}}x{{/a.b.c}}.", .map(["a": .map([:])])) == ".")
    }

    @Test func insertingAMapIsAnErrorThatNamesTheSection() {
        let errors = templateErrors("{{meeting}}", .map(["meeting": .map(["year": .number(2026)])]))
        #expect(errors.first?.message.hasPrefix("'meeting' is a map and has no text") == true)
    }

    @Test func nonStrictModeRendersMissingNamesEmpty() throws {
        #expect(try renderTemplate("[{{missing}}|{{a.b}}]", .map(["a": .string("x")]), strict: false) == "[|]")
    }

    @Test func syntaxErrorsAreAllReportedWithPositions() {
        do {
            _ = try Template("{{#a}}\n{{/b}}\n{{c d}}\n{{#open}}", path: "t.md", startLine: 10)
            Issue.record("expected syntax errors")
        } catch {
            #expect(error.diagnostics.map { "\($0.location!.line):\($0.location!.column)" } == ["11:1", "12:1", "13:1"])
            #expect(error.diagnostics[0].message.contains("does not match {{#a}}"))
            #expect(error.diagnostics[2].message.contains("never closed"))
        }
    }

    @Test func unclosedTagIsASyntaxError() {
        #expect(throws: DiagnosticError.self) { try Template("text {{name", path: "t.md") }
    }

    @Test func templateStartingMidLineCountsColumnsFromThere() {
        // A front matter value: `date: "{{dates}}"` on line 12, the template starts at column 8.
        do {
            let template = try Template("{{dates}}", start: SourceLocation(path: "n.md", line: 12, column: 8))
            _ = try template.render(.map(["date": .string("x")]), escaper: PlainEscaper())
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.first?.location == SourceLocation(path: "n.md", line: 12, column: 8))
            #expect(error.diagnostics.first?.message == "'dates' is not defined; did you mean 'date'?")
        }
    }
}
