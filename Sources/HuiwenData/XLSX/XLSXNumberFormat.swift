/// What a cell's number format says about its number: a plain number, or a date, a time of
/// day, or both (Excel keeps all three as a number of days since its epoch).
///
/// Built-in formats have an id and no text in the file: 14–22 and 45–47 everywhere, and the
/// locale ones Chinese (and Japanese, Korean) Excel and WPS write without declaring them,
/// 27–36 and 50–58 (`yyyy"年"m"月"d"日"`, `h"时"mm"分"`, `上午/下午h"时"mm"分"` …). A custom format
/// is a date or time when its first section holds y, m, d, h, s, e or aaa (the weekday)
/// outside quotes, brackets and escapes (`yyyy-mm-dd`, `[$-804]aaaa`, `m"月"d"日"`), or AM/PM
/// or 上午/下午; `[h]:mm` counts elapsed time.
/// Percent, currency and the other number formats keep the number: the helpers format it.
enum XLSXNumberFormat: Equatable, Sendable {
    case number
    case date
    /// A time of day, `showsSeconds` as `h:mm:ss` does; `elapsed` for `[h]:mm`, whose hours
    /// go past 24.
    case time(showsSeconds: Bool, elapsed: Bool)
    case dateTime(showsSeconds: Bool)

    /// The kind of built-in format `id`, or of `code` for a custom one.
    init(id: Int, code: String?) {
        if let code {
            self = Self.classify(code)
            return
        }
        switch id {
        case 14...17, 27...31, 36, 50...54, 57, 58: self = .date
        case 18, 20, 32, 34, 55: self = .time(showsSeconds: false, elapsed: false)
        case 19, 21, 33, 35, 45, 47, 56: self = .time(showsSeconds: true, elapsed: false)
        case 46: self = .time(showsSeconds: true, elapsed: true)
        case 22: self = .dateTime(showsSeconds: false)
        default: self = .number
        }
    }

    /// Reads a custom format code's first section (the one for positive numbers).
    static func classify(_ code: String) -> XLSXNumberFormat {
        var hasDate = false
        var hasTime = false
        var showsSeconds = false
        var elapsed = false
        let characters = Array(code.lowercased())
        var index = 0
        // The previous date/time letter, to tell minutes (after h, before s) from months.
        var previousLetter: Character?
        var pendingM = false
        func settleM(asMinutes: Bool) {
            guard pendingM else { return }
            if asMinutes { hasTime = true } else { hasDate = true }
            pendingM = false
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case ";":
                index = characters.count
                continue
            case "\"":
                // A quoted literal.
                index += 1
                while index < characters.count, characters[index] != "\"" { index += 1 }
            case "\\", "_", "*":
                // An escaped character, a space as wide as one, a fill character.
                index += 1
            case "[":
                let close = characters[index...].firstIndex(of: "]") ?? characters.count
                let inside = String(characters[(index + 1)..<close])
                if !inside.isEmpty, inside.allSatisfy({ "hms".contains($0) }) {
                    elapsed = true
                    hasTime = true
                    if inside.first == "s" { showsSeconds = true }
                    previousLetter = inside.first
                }
                index = close
            case "g" where characters[index...].starts(with: "general"):
                index += 6
            case "e" where index + 1 < characters.count && "+-".contains(characters[index + 1]):
                // Scientific notation, 0.00E+00.
                index += 1
            case "y", "d", "e":
                settleM(asMinutes: false)
                hasDate = true
                previousLetter = character
            case "h":
                settleM(asMinutes: false)
                hasTime = true
                previousLetter = "h"
            case "s":
                settleM(asMinutes: true)
                hasTime = true
                showsSeconds = true
                previousLetter = "s"
            case "m":
                // A run of m is minutes right after h (h:mm) or right before s (mm:ss), else months.
                if previousLetter == "h" {
                    hasTime = true
                } else if previousLetter != "m" {
                    settleM(asMinutes: false)
                    pendingM = true
                }
                previousLetter = "m"
            case "a" where characters[index...].starts(with: "am/pm") || characters[index...].starts(with: "a/p"):
                hasTime = true
                index += characters[index...].starts(with: "am/pm") ? 4 : 2
            case "上" where characters[index...].starts(with: Array("上午/下午")):
                hasTime = true
                index += 4
            case "a" where characters[index...].starts(with: "aaa"):
                // aaa, aaaa: the day of the week in Chinese and Japanese Excel.
                settleM(asMinutes: false)
                hasDate = true
                index += 2
            default:
                break
            }
            index += 1
        }
        settleM(asMinutes: false)
        switch (hasDate, hasTime) {
        case (true, true): return .dateTime(showsSeconds: showsSeconds)
        case (true, false): return .date
        case (false, true): return .time(showsSeconds: showsSeconds, elapsed: elapsed)
        case (false, false): return .number
        }
    }
}
