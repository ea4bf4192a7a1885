/// Calendar figures in Chinese numerals for `cndate` (二〇二六), and the range `cn` accepts;
/// whole numbers are spelled by `chineseNumeral(_:)`, shared with `@cn`.
enum ChineseNumberWords {
    /// Year digits use 〇 for zero (二〇二六年), as GB/T 9704 成文日期 in Chinese numerals do.
    static let yearDigits: [Character] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    /// The largest magnitude `cn` spells: below 10^16.
    static let limit: Int64 = 10_000_000_000_000_000

    /// A year digit by digit: 2026 → 二〇二六.
    static func spellYear(_ year: Int) -> String {
        String(String(year).compactMap { $0.wholeNumberValue.map { yearDigits[$0] } })
    }
}
