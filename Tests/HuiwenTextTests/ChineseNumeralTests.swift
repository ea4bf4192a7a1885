import HuiwenText
import Testing

@Suite struct ChineseNumeralTests {
    @Test(arguments: [
        (0, "零"), (1, "一"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"),
        (99, "九十九"), (100, "一百"), (101, "一百零一"), (105, "一百零五"), (110, "一百一十"),
        (111, "一百一十一"), (1000, "一千"), (1001, "一千零一"), (1005, "一千零五"), (1010, "一千零一十"),
        (1100, "一千一百"), (2026, "二千零二十六"), (10000, "一万"), (10001, "一万零一"), (10010, "一万零一十"),
        (10100, "一万零一百"), (11000, "一万一千"), (12133, "一万二千一百三十三"), (99999, "九万九千九百九十九"),
        (100000, "十万"), (100001, "十万零一"), (1_000_000, "一百万"), (100_000_001, "一亿零一"),
        (-3, "负三"), (-10, "负十"), (-105, "负一百零五"),
    ])
    func writesNumbersAsOfficialDocumentsDo(number: Int, expected: String) {
        #expect(ChineseNumeral.string(for: number) == expected)
    }

    @Test func theLowestIntStaysInArabicDigitsRatherThanOverflow() {
        #expect(ChineseNumeral.string(for: Int.min) == String(Int.min))
        #expect(ChineseNumeral.string(for: Int.max).hasPrefix("九百二十二亿亿"))
    }

    @Test func everyNumberUpTo99999IsWellFormed() {
        for number in 1...99999 {
            let text = ChineseNumeral.string(for: number)
            #expect(!text.hasSuffix("零") && !text.contains("零零") && !text.hasPrefix("一十"), "\(number): \(text)")
        }
    }

    @Test func everyNumeralUpTo9999ReadsBackAsItsNumber() {
        for number in 1...9999 {
            #expect(ChineseNumeral.value(of: Substring(ChineseNumeral.string(for: number))) == number)
        }
    }

    @Test func readsVariantNumerals() {
        #expect(ChineseNumeral.value(of: "两") == 2)
        #expect(ChineseNumeral.value(of: "一十二") == 12)
        #expect(ChineseNumeral.value(of: "一百〇五") == 105)
        #expect(ChineseNumeral.value(of: "二十") == 20)
    }

    @Test func readsNothingFromWhatIsNotANumeral() {
        #expect(ChineseNumeral.value(of: "") == nil)
        #expect(ChineseNumeral.value(of: "零") == nil)
        #expect(ChineseNumeral.value(of: "十a") == nil)
        #expect(ChineseNumeral.value(of: "一万") == nil)
    }

    @Test func numeralCharactersAreDigitsAndUnitsBelowTenThousand() {
        #expect("〇零一二两三四五六七八九十百千".allSatisfy(ChineseNumeral.isNumeralCharacter))
        #expect(!"万亿、（）1a".contains(where: ChineseNumeral.isNumeralCharacter))
    }

    @Test func yearsAreWrittenDigitByDigitWithLingAsACircle() {
        #expect(ChineseNumeral.year(2026) == "二〇二六")
        #expect(ChineseNumeral.year(2000) == "二〇〇〇")
        #expect(ChineseNumeral.year(1949) == "一九四九")
    }
}
