import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenText

// Dates and lists: 成文日期 in Arabic numerals (GB/T 9704: 2026年1月10日, never 01月), dates in
// Chinese numerals, and lists joined with the 顿号.
extension TemplateHelpers {
    /// `date(2026-01-10)` → "2026年1月10日".
    static let date: TemplateHelper = { value, location throws(Diagnostic) in
        let day = try calendarDate(value, helper: "date", at: location)
        return .string("\(day.year)年\(day.month)月\(day.day)日")
    }

    /// `cndate(2026-01-10)` → "二〇二六年一月十日": the year digit by digit with 〇, month and day
    /// as numbers (十二月, 三十一日).
    static let cndate: TemplateHelper = { value, location throws(Diagnostic) in
        let day = try calendarDate(value, helper: "cndate", at: location)
        return .string(
            ChineseNumeral.year(day.year) + "年" + ChineseNumeral.string(for: day.month) + "月"
                + ChineseNumeral.string(for: day.day) + "日")
    }

    /// `join([省公安厅, 省交通运输厅])` → "省公安厅、省交通运输厅"; items must be scalars (a null
    /// item is skipped, as it renders empty).
    static let join: TemplateHelper = { value, location throws(Diagnostic) in
        guard let items = value.listItems else {
            throw failure("join", "expects a list, got \(describe(value))", at: location)
        }
        // Built in place: no array of texts and no `joined` for every row of a task table.
        var result = ""
        var first = true
        for (index, item) in items.enumerated() where !item.isNull {
            let text: String?
            if case .number(let number) = item.kind { text = DecimalText.plain(number) } else { text = item.text }
            guard let text else {
                throw failure(
                    "join", "expects a list of strings or numbers, item \(index + 1) is a \(item.typeName)",
                    at: location)
            }
            if !first { result += "、" }
            result += text
            first = false
        }
        return .string(result)
    }

    /// `count(list)` → the number of items.
    static let count: TemplateHelper = { value, location throws(Diagnostic) in
        guard let items = value.listItems else {
            throw failure("count", "expects a list, got \(describe(value))", at: location)
        }
        return .number(Decimal(items.count))
    }

    /// A `.date`, or a string `YYYY-MM-DD` (quoted in YAML, or from CSV/JSON).
    static func calendarDate(_ value: Value, helper: String, at location: SourceLocation) throws(Diagnostic) -> CalendarDate {
        switch value.kind {
        case .date(let day):
            return day
        case .string(let text):
            guard let day = CalendarDate(iso: text) else {
                throw failure(helper, "expects a date YYYY-MM-DD, got \(describe(value))", at: location)
            }
            return day
        default:
            throw failure(helper, "expects a date YYYY-MM-DD, got \(describe(value))", at: location)
        }
    }
}
