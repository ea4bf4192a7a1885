@testable import HuiwenMarkdown
import HuiwenText
import Testing

/// Before the Markdown stage's own numeral writer goes: the shared one writes the same numeral
/// for every number it wrote (1…9999).
@Suite struct ChineseNumeralAgreementTests {
    @Test func theSharedWriterAgreesOnOneToNineThousandNineHundredNinetyNine() {
        for number in 1...9999 {
            #expect(HuiwenText.ChineseNumeral.string(for: number) == HuiwenMarkdown.ChineseNumeral.string(for: number))
        }
    }
}
