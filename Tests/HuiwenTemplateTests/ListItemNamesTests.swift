import HuiwenData
import HuiwenTemplate
import Testing

@Suite struct ListItemNamesTests {
    static let actions = Value.map([
        "actions": .list([
            .map(["title": .string("加强组织领导")]),
            .map(["title": .string("强化隐患排查")]),
            .map(["title": .string("严格执法检查")]),
        ])
    ])

    @Test func cnNumbersItemsInChinese() throws {
        let text = try renderTemplate("{{#actions}}{{@cn}}是{{title}}。{{/actions}}", Self.actions)
        #expect(text == "一是加强组织领导。二是强化隐患排查。三是严格执法检查。")
    }

    @Test func numberFirstAndLastFollowTheItems() throws {
        let source = "{{#actions}}{{#@first}}[{{/@first}}{{@number}}{{^@last}},{{/@last}}{{#@last}}]{{/@last}}{{/actions}}"
        #expect(try renderTemplate(source, Self.actions) == "[1,2,3]")
    }

    @Test func listNamesReachThroughANestedMapSection() throws {
        let context = Value.map(["items": .list([.map(["m": .map(["x": .string("a")])]), .map(["m": .map(["x": .string("b")])])])])
        #expect(try renderTemplate("{{#items}}{{#m}}{{@number}}{{x}}{{/m}}{{/items}}", context) == "1a2b")
    }

    @Test func listNamesOutsideAListAreAnError() {
        let errors = templateErrors("{{@cn}}", .map([:]))
        #expect(errors.first?.message == "'@cn' is only defined inside a section over a list")
    }

    @Test func misspelledListNameIsASyntaxErrorWithASuggestion() {
        do {
            _ = try Template("{{#a}}{{@numbr}}{{/a}}", path: "t.md")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["unknown name '@numbr'; did you mean '@number'?"])
            #expect(error.diagnostics.first?.location?.column == 7)
        }
    }
}
