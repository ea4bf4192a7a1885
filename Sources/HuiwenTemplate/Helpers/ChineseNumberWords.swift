/// Integers and calendar figures spelled in Chinese numerals, as the helpers `cn`, `cndate`
/// and `fraction` write them: 十一, 一百零五, 一千零一, 十万零一十, 二〇二六.
enum ChineseNumberWords {
    static let digits: [Character] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    /// Year digits use 〇 for zero (二〇二六年), as GB/T 9704 成文日期 in Chinese numerals do.
    static let yearDigits: [Character] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    /// The largest magnitude spelled: below 10^16 (万亿 is the largest group unit).
    static let limit: Int64 = 10_000_000_000_000_000

    /// `n` in words: 0 → 零, 10 → 十, 21 → 二十一, 1001 → 一千零一, -5 → 负五.
    /// Precondition: `abs(n) < limit` (callers check user input first).
    static func spell(_ n: Int64) -> String {
        precondition(n > -limit && n < limit, "ChineseNumberWords.spell: out of range")
        if n == 0 { return "零" }
        if n < 0 { return "负" + spell(-n) }
        let groupUnits = ["", "万", "亿", "万亿"]
        var groups: [Int] = []
        var rest = n
        while rest > 0 {
            groups.append(Int(rest % 10_000))
            rest /= 10_000
        }
        var result = ""
        var pendingZero = false
        for index in groups.indices.reversed() {
            let group = groups[index]
            if group == 0 {
                if !result.isEmpty { pendingZero = true }
                continue
            }
            // A gap inside the number is read as one 零: 一万零五百, 十亿零一.
            if !result.isEmpty && (pendingZero || group < 1000) { result += "零" }
            pendingZero = false
            result += spellGroup(group) + groupUnits[index]
        }
        // 一十 at the very start is read 十 (十一, 十万); elsewhere it stays (一百一十).
        if result.hasPrefix("一十") { result.removeFirst() }
        return result
    }

    /// A group of four digits (1…9999): 一千零一, 一百零五, 一十 (the caller drops a leading 一).
    private static func spellGroup(_ group: Int) -> String {
        let units = ["千", "百", "十", ""]
        let places = [group / 1000, group / 100 % 10, group / 10 % 10, group % 10]
        var result = ""
        var pendingZero = false
        for (digit, unit) in zip(places, units) {
            if digit == 0 {
                if !result.isEmpty { pendingZero = true }
                continue
            }
            if pendingZero { result += "零" }
            pendingZero = false
            result.append(digits[digit])
            result += unit
        }
        return result
    }

    /// A year digit by digit: 2026 → 二〇二六.
    static func spellYear(_ year: Int) -> String {
        String(String(year).compactMap { $0.wholeNumberValue.map { yearDigits[$0] } })
    }
}
