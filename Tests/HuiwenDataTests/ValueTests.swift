import Foundation
import HuiwenData
import Testing

@Suite struct ValueTests {
    @Test func calendarDateAcceptsOnlyRealDays() {
        #expect(CalendarDate(iso: "2026-01-10") == CalendarDate(year: 2026, month: 1, day: 10))
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2026-02-29") == nil)
        #expect(CalendarDate(iso: "2026-1-10") == nil)
        #expect(CalendarDate(iso: "2026-13-01") == nil)
    }

    @Test func pathLookupWalksMapsAndLists() {
        let tree = Value.map([
            "actions": .list([.map(["title": .string("加强组织领导")])]),
            "statistics": .map(["事故起数": .number(Decimal(string: "7210")!)]),
        ])
        #expect(tree.value(at: ["actions", "0", "title"])?.stringValue == "加强组织领导")
        #expect(tree.value(at: ["statistics", "事故起数"])?.text == "7210")
        #expect(tree.value(at: ["statistics", "missing"]) == nil)
    }

    @Test func decimalTextIsPlainNotation() {
        #expect(Value.number(Decimal(string: "0.2785")!).text == "0.2785")
        #expect(Value.number(Decimal(string: "230000000")!).text == "230000000")
    }
}
