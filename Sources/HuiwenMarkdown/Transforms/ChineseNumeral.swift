/// Chinese numerals for heading numbers (一、 and （一） levels): 1 一, 10 十, 11 十一, 20 二十,
/// 21 二十一, 105 一百零五. The template stage's `cn` helper has its own copy; one of them may go.
enum ChineseNumeral {
    private static let digits: [Character] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    private static let units: [(value: Int, name: String)] = [(1000, "千"), (100, "百"), (10, "十"), (1, "")]

    /// The numeral for 1…9999; other values are written in Arabic digits (no heading gets there).
    static func string(for number: Int) -> String {
        guard (1...9999).contains(number) else { return String(number) }
        var result = ""
        var pendingZero = false
        for unit in units {
            let digit = number / unit.value % 10
            if digit == 0 {
                // One 零 stands for any run of zeros between two written digits: 一千零五.
                if !result.isEmpty { pendingZero = true }
                continue
            }
            if pendingZero { result.append("零") }
            pendingZero = false
            result.append(digits[digit])
            result += unit.name
        }
        // 十一, not 一十一; but 一百一十 keeps its 一.
        if (10...19).contains(number) { result.removeFirst() }
        return result
    }

    /// The value of a numeral such as 十二 or 一百零五 (also 〇 and 两); nil for anything else.
    static func value(of numeral: Substring) -> Int? {
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

    static func isNumeralCharacter(_ character: Character) -> Bool {
        digitValue(character) != nil || unitValue(character) != nil
    }

    private static func digitValue(_ character: Character) -> Int? {
        switch character {
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
        switch character {
        case "十": 10
        case "百": 100
        case "千": 1000
        default: nil
        }
    }
}
