import HuiwenTemplate
import Testing

@Suite struct ChineseNumeralTests {
    @Test(arguments: [
        (0, "零"), (1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"),
        (100, "一百"), (105, "一百零五"), (110, "一百一十"), (111, "一百一十一"), (1001, "一千零一"),
        (1010, "一千零一十"), (1100, "一千一百"), (10000, "一万"), (10001, "一万零一"),
        (10010, "一万零一十"), (10100, "一万零一百"), (11000, "一万一千"), (12133, "一万二千一百三十三"),
        (99999, "九万九千九百九十九"), (100000, "十万"), (100001, "十万零一"), (1_000_000, "一百万"),
        (100_000_001, "一亿零一"), (-3, "负三"),
    ])
    func writesNumbersAsOfficialDocumentsDo(number: Int, expected: String) {
        #expect(chineseNumeral(number) == expected)
    }

    @Test func everyNumberUpTo99999IsWellFormed() {
        for number in 1...99999 {
            let text = chineseNumeral(number)
            #expect(!text.hasSuffix("零") && !text.contains("零零") && !text.hasPrefix("一十"), "\(number): \(text)")
        }
    }
}
