import Foundation
import HuiwenData
import HuiwenDiagnostics
import Testing

/// Dates and times by their number formats, in the 1900 and 1904 date systems (saved by
/// openpyxl; the locale built-ins 31, 57, 58 and 32 left undeclared, as WPS writes them).
@Suite struct XLSXDateTests {
    static let january10 = Value.Kind.date(CalendarDate(year: 2026, month: 1, day: 10))

    func row() throws -> Value? {
        guard let bytes = workbook("dates.xlsx", test: "XLSXDateTests") else { return nil }
        return try #require(try readWorkbook(bytes).get().listItems?.first)
    }

    @Test(arguments: ["自定义日期", "内置14", "中文日期", "月日", "星期", "内置31", "内置57", "内置58", "日期藏时间"])
    func dateFormatsGiveDates(column: String) throws {
        guard let row = try row() else { return }
        #expect(row[column]?.kind == Self.january10, "\(column)")
    }

    @Test(arguments: [
        ("时间", "14:30"), ("时间秒", "14:30:05"), ("分秒", "00:02:05"), ("下午", "14:30"), ("内置32", "09:05"),
        ("日期时间", "2026-01-10 14:30"), ("累计", "36:00:00"), ("零点", "00:00"),
    ])
    func timeFormatsGiveTheTimeAsText(column: String, text: String) throws {
        guard let row = try row() else { return }
        #expect(row[column]?.kind == .string(text), "\(column)")
    }

    @Test(arguments: [("百分比", "0.279"), ("科学", "12000"), ("带文字", "1328"), ("常规", "27.85")])
    func numberFormatsKeepTheNumber(column: String, figure: String) throws {
        guard let row = try row() else { return }
        #expect(row[column]?.numberValue == number(figure), "\(column)")
    }

    @Test func the1900SystemSkipsItsPhantomLeapDay() throws {
        guard let row = try row() else { return }
        #expect(row["首日"]?.kind == .date(CalendarDate(year: 1900, month: 1, day: 1)), "day 1")
        #expect(row["二月廿八"]?.kind == .date(CalendarDate(year: 1900, month: 2, day: 28)), "day 59")
        #expect(row["三月一"]?.kind == .date(CalendarDate(year: 1900, month: 3, day: 1)), "day 61, after the day 60 that never was")
    }

    @Test func the1904SystemCountsFrom1904() throws {
        guard let bytes = workbook("dates1904.xlsx") else { return }
        let row = try #require(try readWorkbook(bytes).get().listItems?.first)
        #expect(row["日期"]?.kind == Self.january10)
        #expect(row["首日"]?.kind == .date(CalendarDate(year: 1904, month: 1, day: 1)))
        #expect(row["时间"]?.kind == .string("08:00"))
    }
}
