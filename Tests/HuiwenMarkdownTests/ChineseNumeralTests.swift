@testable import HuiwenMarkdown
import Testing

@Suite struct ChineseNumeralTests {
    @Test(arguments: [
        (1, "一"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"),
        (99, "九十九"), (100, "一百"), (101, "一百零一"), (105, "一百零五"), (110, "一百一十"),
        (111, "一百一十一"), (1000, "一千"), (1005, "一千零五"), (1010, "一千零一十"), (2026, "二千零二十六"),
    ])
    func writesChineseNumerals(number: Int, numeral: String) {
        #expect(ChineseNumeral.string(for: number) == numeral)
        #expect(ChineseNumeral.value(of: Substring(numeral)) == number)
    }

    @Test func readsVariantNumerals() {
        #expect(ChineseNumeral.value(of: "两") == 2)
        #expect(ChineseNumeral.value(of: "一十二") == 12)
        #expect(ChineseNumeral.value(of: "一百〇五") == 105)
        #expect(ChineseNumeral.value(of: "") == nil)
        #expect(ChineseNumeral.value(of: "零") == nil)
        #expect(ChineseNumeral.value(of: "十a") == nil)
    }

    @Test func outOfRangeFallsBackToArabic() {
        #expect(ChineseNumeral.string(for: 0) == "0")
        #expect(ChineseNumeral.string(for: 10000) == "10000")
    }
}
