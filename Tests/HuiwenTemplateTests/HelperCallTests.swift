import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenTemplate
import HuiwenText
import Testing

@Suite struct HelperCallTests {
    /// Stand-ins for the real helpers: same shape, so the real table plugs in the same way.
    static let helpers: HelperTable = [
        "percent": { value, location throws(Diagnostic) in
            guard let number = value.numberValue else {
                throw Diagnostic(at: location, "percent expects a number, got a \(value.typeName)")
            }
            return .string("\(number * 100)%")
        },
        "count": { value, location throws(Diagnostic) in
            guard let items = value.listItems else { throw Diagnostic(at: location, "count expects a list") }
            return .number(Decimal(items.count))
        },
        "cn": { value, _ throws(Diagnostic) in
            .string(ChineseNumeral.string(for: NSDecimalNumber(decimal: value.numberValue ?? 0).intValue))
        },
    ]

    static let context = Value.map([
        "rate": .number(Decimal(string: "0.5")!),
        "name": .string("x"),
        "units": .list([.string("a"), .string("b")]),
    ])

    @Test func helperCallsInsertTheHelpersResult() throws {
        let text = try renderTemplate("{{percent(rate)}} {{{ count( units ) }}} {{#units}}{{cn(@number)}}{{/units}}", Self.context, helpers: Self.helpers)
        #expect(text == "50% 2 一二")
    }

    @Test func helperResultIsEscapedInDoubleMustaches() throws {
        let text = try renderTemplate("{{percent(rate)}}|{{{percent(rate)}}}", Self.context, helpers: Self.helpers, escaper: BracketEscaper())
        #expect(text == "[50%]|50%")
    }

    @Test func unknownHelperIsAnErrorWithASuggestion() {
        let errors = templateErrors("line\n  {{precent(rate)}}", Self.context, helpers: Self.helpers)
        #expect(errors.map(\.message) == ["unknown helper 'precent'; did you mean 'percent'?"])
        #expect(errors.first?.location == SourceLocation(path: "t.md", line: 2, column: 3))
    }

    @Test func helpersErrorIsCollectedWithItsPosition() {
        let errors = templateErrors("{{percent(name)}}\n{{missing}} {{percent(rate)}} {{percent(units)}}", Self.context, helpers: Self.helpers)
        #expect(errors.map { "\($0.location!.line):\($0.location!.column) \($0.message)" } == [
            "1:1 percent expects a number, got a string",
            "2:1 'missing' is not defined",
            "2:31 percent expects a number, got a list",
        ])
    }

    @Test func helperArgumentThatDoesNotResolveIsAnErrorAtTheTag() {
        let errors = templateErrors("{{percent(rat)}}", Self.context, helpers: Self.helpers)
        #expect(errors.map(\.message) == ["'rat' is not defined; did you mean 'rate'?"])
    }

    @Test func helperInASectionTag() throws {
        #expect(try renderTemplate("{{#count(units)}}共{{.}}个{{/count(units)}}", Self.context, helpers: Self.helpers) == "共2个")
    }
}
