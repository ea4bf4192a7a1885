/// Excel's date numbers: days since an epoch, the time of day as the fraction.
///
/// In the 1900 date system (the default) day 1 is 1900-01-01 and day 60 is 1900-02-29, a day
/// that never was: Lotus 1-2-3 took 1900 for a leap year and Excel kept the bug, so from day
/// 61 (1900-03-01) on, day N is N days after 1899-12-30. In the 1904 system (`date1904`, old
/// Mac workbooks) day 0 is 1904-01-01. The time is rounded to the second, as Excel shows it.
struct ExcelDate {
    enum System: Sendable {
        case from1900
        case from1904
    }

    /// Whole days since the epoch, after rounding the time to the second.
    let day: Int
    /// Seconds into the day, 0..<86400.
    let secondOfDay: Int

    /// nil for a negative number (Excel shows ######) or one past 9999-12-31.
    init?(serial: Double) {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let seconds = Int((serial * 86_400).rounded())
        day = seconds / 86_400
        secondOfDay = seconds % 86_400
    }

    /// The calendar day, or nil for the days Excel shows but the calendar has not: 1900-01-00
    /// (day 0 of the 1900 system, which a time alone shows) and 1900-02-29.
    func date(in system: System) -> CalendarDate? {
        switch system {
        case .from1904:
            return Self.civil(daysSince1970: day + Self.daysFrom1970To1904)
        case .from1900:
            if day == 0 || day == 60 { return nil }
            // Before the phantom day the count starts one day later.
            let offset = day < 60 ? day - 1 : day - 2
            return Self.civil(daysSince1970: offset + Self.daysFrom1970To1900)
        }
    }

    /// What Excel shows for day 0 and day 60 of the 1900 system, for messages.
    static func phantomText(day: Int) -> String {
        day == 0 ? "1900-01-00" : "1900-02-29"
    }

    /// `HH:MM` or `HH:MM:SS`; with `elapsed`, the hours count from the epoch day on (`[h]:mm`).
    func timeText(showsSeconds: Bool, elapsed: Bool) -> String {
        let hours = secondOfDay / 3600 + (elapsed ? day * 24 : 0)
        let minutes = secondOfDay / 60 % 60
        var text = Self.twoDigits(hours) + ":" + Self.twoDigits(minutes)
        if showsSeconds { text += ":" + Self.twoDigits(secondOfDay % 60) }
        return text
    }

    static func twoDigits(_ number: Int) -> String {
        number < 10 ? "0\(number)" : "\(number)"
    }

    /// 1900-01-01 and 1904-01-01 as days since 1970-01-01.
    private static let daysFrom1970To1900 = -25_567
    private static let daysFrom1970To1904 = -24_107

    /// The proleptic Gregorian date of a day count (Howard Hinnant's `civil_from_days`).
    static func civil(daysSince1970 days: Int) -> CalendarDate {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return CalendarDate(year: year, month: month, day: day)
    }
}
