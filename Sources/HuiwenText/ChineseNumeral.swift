/// Chinese numerals as official documents write them (一, 十, 十一, 二十一, 一百零五, 一千零一,
/// 一万, 十二万三千), the year digit by digit (二〇二六), and back from a hand-written numeral.
public enum ChineseNumeral {
    private static let digits: [Character] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    /// Year digits use 〇 for zero (二〇二六年), as GB/T 9704 成文日期 in Chinese numerals do.
    private static let yearDigits: [Character] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// A whole number in Chinese numerals: 0 is 零 and a negative number gets 负. A leading 一 is
    /// dropped before 十 only at the head of the number (十一, but 一百一十).
    public static func string(for number: Int) -> String {
        if number == 0 { return "零" }
        if number < 0 {
            // `-Int.min` overflows; no document counts that far, but never trap on data.
            return number == Int.min ? String(number) : "负" + string(for: -number)
        }
        let groupUnits = ["", "万", "亿", "万亿", "亿亿"]
        var groups: [Int] = []
        var rest = number
        while rest > 0 {
            groups.append(rest % 10_000)
            rest /= 10_000
        }
        guard groups.count <= groupUnits.count else { return String(number) }
        var result = ""
        var skippedZero = false
        for index in groups.indices.reversed() {
            let group = groups[index]
            if group == 0 {
                if !result.isEmpty { skippedZero = true }
                continue
            }
            // A gap inside the number is read as one 零: 一万零一, 一亿零一百.
            if !result.isEmpty && (skippedZero || group < 1000) { result += "零" }
            skippedZero = false
            result += groupString(group, isHead: result.isEmpty) + groupUnits[index]
        }
        return result
    }

    /// A year digit by digit, with 〇 for zero: 2026 → 二〇二六.
    public static func year(_ year: Int) -> String {
        String(String(year).compactMap { $0.wholeNumberValue.map { yearDigits[$0] } })
    }

    /// The value of a numeral such as 十二 or 一百零五 (also 〇 and 两, and 一十二 as some write
    /// it) up to the thousands; nil for anything else, and for zero.
    public static func value(of numeral: Substring) -> Int? {
        guard !numeral.isEmpty else { return nil }
        var total = 0
        var current = 0
        for character in numeral {
            if let digit = digitValue(character) {
                current = digit
            } else if let unit = unitValue(character) {
                total += (current == 0 ? 1 : current) * unit
                current = 0
            } else {
                return nil
            }
        }
        total += current
        return total > 0 ? total : nil
    }

    /// Whether `character` can be part of a numeral `value(of:)` reads: a digit, 十, 百 or 千.
    public static func isNumeralCharacter(_ character: Character) -> Bool {
        digitValue(character) != nil || unitValue(character) != nil
    }

    /// One group of up to four digits (1…9999).
    private static func groupString(_ group: Int, isHead: Bool) -> String {
        let units = ["千", "百", "十", ""]
        let values = [group / 1000, group / 100 % 10, group / 10 % 10, group % 10]
        var text = ""
        var started = false
        var pendingZero = false
        for (position, digit) in values.enumerated() {
            if digit == 0 {
                if started { pendingZero = true }
                continue
            }
            if pendingZero { text += "零" }
            pendingZero = false
            if position == 2 && digit == 1 && !started && isHead {
                text += "十"
            } else {
                text.append(digits[digit])
                text += units[position]
            }
            started = true
        }
        return text
    }

    // By scalar, not by Character: comparing Characters compares strings, and these run for
    // every heading of every document (`HandNumber`).
    private static func digitValue(_ character: Character) -> Int? {
        switch singleScalar(character) {
        case "〇", "零": 0
        case "一": 1
        case "二", "两": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        default: nil
        }
    }

    private static func unitValue(_ character: Character) -> Int? {
        switch singleScalar(character) {
        case "十": 10
        case "百": 100
        case "千": 1000
        default: nil
        }
    }

    /// The scalar of a one-scalar character; nil for one with combining marks.
    private static func singleScalar(_ character: Character) -> Unicode.Scalar? {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return nil }
        return first
    }
}
