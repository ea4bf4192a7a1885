import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenTemplate
import Testing

@Suite struct HelpersTests {
    let tag = SourceLocation(path: "templates/notice.md", line: 3, column: 7)

    func decimal(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? .nan }
    func number(_ text: String) -> Value { .number(decimal(text)) }
    func map(_ entries: (String, Value)...) -> Value { .map(.init(uniqueKeysWithValues: entries)) }

    func call(_ name: String, _ argument: Value) throws(Diagnostic) -> Value {
        guard let helper = TemplateHelpers.standard[name] else {
            throw Diagnostic(at: tag, "no helper \(name)")
        }
        return try helper(argument, tag)
    }

    func text(_ name: String, _ argument: Value) -> String? {
        (try? call(name, argument))?.stringValue
    }

    /// The diagnostic a call throws; it must sit at the tag.
    func failure(_ name: String, _ argument: Value) -> Diagnostic? {
        do {
            _ = try call(name, argument)
            return nil
        } catch {
            return error
        }
    }

    @Test func tableHoldsEveryHelperOfTheDesign() {
        #expect(Set(TemplateHelpers.standard.keys) == [
            "cn", "percent", "change", "rate", "delta", "share", "wan", "fraction", "date", "cndate", "join", "count",
        ])
    }

    @Test(arguments: [
        ("0", "零"), ("1", "一"), ("10", "十"), ("11", "十一"), ("20", "二十"), ("21", "二十一"), ("105", "一百零五"),
        ("110", "一百一十"), ("1001", "一千零一"), ("1010", "一千零一十"), ("10000", "一万"), ("10500", "一万零五百"),
        ("100010", "十万零一十"), ("230000000", "二亿三千万"), ("1000000001", "十亿零一"), ("-5", "负五"),
    ])
    func cnSpellsWholeNumbers(input: String, expected: String) {
        #expect(text("cn", number(input)) == expected)
    }

    @Test(arguments: [
        ("0.2789", "27.9%"), ("0.2785", "27.9%"), ("0.27850", "27.9%"), ("0.2784999", "27.8%"), ("0", "0.0%"),
        ("1", "100.0%"), ("0.04", "4.0%"), ("0.863", "86.3%"), ("0.00049", "0.0%"), ("0.0005", "0.1%"),
    ])
    func percentRoundsHalfUpToOneDecimal(input: String, expected: String) {
        #expect(text("percent", number(input)) == expected)
    }

    @Test func changeStatesDirectionAndPercent() {
        #expect(text("change", map(("current", number("7210")), ("previous", number("10000")))) == "下降27.9%")
        #expect(text("change", map(("current", number("12785")), ("previous", number("10000")))) == "上升27.9%")
        #expect(text("change", map(("current", number("8330")), ("previous", number("10000")))) == "下降16.7%")
        // (7215 − 10000) / 10000 = −0.2785 exactly: half-up gives 27.9, never 27.8.
        #expect(text("change", map(("current", number("7215")), ("previous", number("10000")))) == "下降27.9%")
        #expect(text("change", map(("current", number("10000")), ("previous", number("10000")))) == "持平")
        #expect(text("change", map(("current", number("10004")), ("previous", number("10000")))) == "持平")
    }

    @Test func rateIsTheSizeOfTheChangeWithoutItsDirection() {
        #expect(text("rate", map(("current", number("3009")), ("previous", number("3612")))) == "16.7%")
        #expect(text("rate", map(("current", number("12785")), ("previous", number("10000")))) == "27.9%")
        #expect(text("rate", map(("current", number("5")), ("previous", number("5")))) == "0.0%")
    }

    @Test func deltaStatesDirectionDifferenceAndUnit() {
        let unit = ("unit", Value.string("起"))
        #expect(text("delta", map(("current", number("7210")), ("previous", number("10000")), unit)) == "减少2790起")
        #expect(text("delta", map(("current", number("10100")), ("previous", number("10000")), unit)) == "增加100起")
        #expect(text("delta", map(("current", number("5")), ("previous", number("5")), unit)) == "持平")
        #expect(text("delta", map(("current", number("2.5")), ("previous", number("1")))) == "增加1.5")
    }

    @Test func shareIsPartOfWholeInPercent() {
        #expect(text("share", map(("part", number("34")), ("whole", number("1000")))) == "3.4%")
        #expect(text("share", map(("part", number("43")), ("whole", number("1000")))) == "4.3%")
        #expect(text("share", map(("part", number("562")), ("whole", number("651")))) == "86.3%")
        #expect(text("share", map(("part", number("0")), ("whole", number("7")))) == "0.0%")
    }

    @Test(arguments: [
        ("40000", "4万"), ("12133", "1.2万"), ("3500", "3500"), ("230000000", "2.3亿"), ("10000", "1万"),
        ("9999", "9999"), ("12500", "1.3万"), ("12499", "1.2万"), ("99999999", "1亿"), ("100000000", "1亿"),
        ("3500.5", "3500.5"), ("-40000", "-4万"), ("15000000000", "150亿"),
    ])
    func wanWritesLargeFiguresIn万And亿(input: String, expected: String) {
        #expect(text("wan", number(input)) == expected)
    }

    @Test(arguments: [
        ("0.5", "二分之一"), ("0.25", "四分之一"), ("0.3333", "三分之一"), ("0.75", "四分之三"), ("0.2", "五分之一"),
        ("0.1", "十分之一"), ("0.473", "二分之一"), ("0.7", "十分之七"), ("0", "零"), ("1", "一"), ("0.66", "三分之二"),
    ])
    func fractionPicksTheNearestSimpleFraction(input: String, expected: String) {
        #expect(text("fraction", number(input)) == expected)
    }

    @Test func fractionTakesPartAndWhole() {
        #expect(text("fraction", map(("part", number("1300")), ("whole", number("2748")))) == "二分之一")
    }

    @Test func datesInArabicAndChineseNumerals() {
        let day = Value.date(CalendarDate(year: 2026, month: 1, day: 10))
        #expect(text("date", day) == "2026年1月10日")
        #expect(text("cndate", day) == "二〇二六年一月十日")
        #expect(text("date", .string("2026-01-10")) == "2026年1月10日")
        #expect(text("cndate", .date(CalendarDate(year: 2010, month: 10, day: 20))) == "二〇一〇年十月二十日")
        #expect(text("cndate", .string("2026-12-31")) == "二〇二六年十二月三十一日")
    }

    @Test func joinUsesTheEnumerationComma() {
        #expect(text("join", .list([.string("省公安厅"), .string("省交通运输厅")])) == "省公安厅、省交通运输厅")
        #expect(text("join", .list([.string("甲"), number("2"), .null])) == "甲、2")
        #expect(text("join", .list([])) == "")
    }

    @Test func countGivesTheNumberOfItems() throws {
        #expect(try call("count", .list([.string("a"), .string("b"), .null])) == .number(3))
        #expect(try call("count", .list([])) == .number(0))
    }

    @Test(arguments: [
        ("cn", Value.number(Decimal(string: "1.5") ?? 0), "cn: expects a whole number below 10^16, got 1.5"),
        ("cn", .string("三"), "cn: expects a number, got string \"三\""),
        ("percent", .string("27.9%"), "percent: expects a number, got string \"27.9%\""),
        ("percent", .null, "percent: expects a number, got null"),
        ("change", .map(["current": .number(1)]), "change: needs 'previous' in its map {current, previous}, got a map with 'current'"),
        ("change", .map(["current": .number(1), "previous": .number(0)]), "change: 'previous' is 0; a change in percent needs a positive 'previous'"),
        ("change", .map(["current": .string("x"), "previous": .number(2)]), "change: 'current' must be a number, got string \"x\""),
        ("change", .number(3), "change: expects a map {current, previous}, got number 3"),
        ("delta", .map(["previous": .number(1)]), "delta: needs 'current' in its map {current, previous, unit?}, got a map with 'previous'"),
        ("delta", .map(["current": .number(1), "previous": .number(0), "unit": .number(3)]), "delta: 'unit' must be a string such as 起, got number 3"),
        ("share", .map(["part": .number(1), "whole": .number(0)]), "share: 'whole' is 0; a share needs a positive 'whole'"),
        ("share", .list([]), "share: expects a map {part, whole}, got list"),
        ("wan", .list([.number(1)]), "wan: expects a number, got list"),
        ("fraction", .number(Decimal(string: "1.2") ?? 0), "fraction: expects a ratio in [0, 1], got 1.2"),
        ("fraction", .number(-1), "fraction: expects a ratio in [0, 1], got -1"),
        ("fraction", .string("0.5"), "fraction: expects a ratio in [0, 1] or a map {part, whole}, got string \"0.5\""),
        ("fraction", .map(["part": .number(1)]), "fraction: needs 'whole' in its map {part, whole}, got a map with 'part'"),
        ("date", .number(20260110), "date: expects a date YYYY-MM-DD, got number 20260110"),
        ("cndate", .string("2026-02-30"), "cndate: expects a date YYYY-MM-DD, got string \"2026-02-30\""),
        ("join", .string("a"), "join: expects a list, got string \"a\""),
        ("join", .list([.string("a"), .map([:])]), "join: expects a list of strings or numbers, item 2 is a map"),
        ("count", .map([:]), "count: expects a list, got an empty map"),
    ])
    func wrongInputIsAnErrorAtTheTag(helper: String, argument: Value, message: String) {
        let diagnostic = failure(helper, argument)
        #expect(diagnostic?.message == message)
        #expect(diagnostic?.location == tag)
        #expect(diagnostic?.severity == .error)
        #expect(diagnostic?.description.hasPrefix("templates/notice.md:3:7: error: \(helper):") == true)
    }
}
