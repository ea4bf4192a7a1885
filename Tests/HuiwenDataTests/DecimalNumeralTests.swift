import Foundation
import HuiwenData
import Testing

/// Integers are read without `Decimal(string:)`: the value must be the very `Decimal` it makes
/// (same bytes: the build's input hashes read them), figures with a fraction still go through it.
@Suite struct DecimalNumeralTests {
    static func bytes(_ number: Decimal?) -> [UInt8]? {
        guard var number else { return nil }
        return withUnsafeBytes(of: &number) { Array($0) }
    }

    @Test(arguments: [
        "0", "7", "-3", "10", "1526", "-2000", "999999999999999999", "-999999999999999999", "1000000000000000000",
        "9223372036854775807", "12345678901234567890123", "-0", "12.50", "0.5", "-0.0",
    ])
    func aNumeralReadsAsDecimalStringReadsIt(_ text: String) {
        let expected = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
        #expect(Self.bytes(DecimalNumeral.parse(text)) == Self.bytes(expected), "\(text)")
    }

    @Test func manyIntegersReadAsDecimalStringReadsThem() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = String(Int64.random(in: -999_999_999_999_999_999...999_999_999_999_999_999, using: &generator))
            #expect(Self.bytes(DecimalNumeral.parse(text)) == Self.bytes(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))))
        }
    }

    @Test func textThatIsNoPlainNumeralStaysText() {
        for text in ["0731", "1e5", "+1", "1,000", " 12", ".5", "-", ""] {
            #expect(DecimalNumeral.parse(text) == nil, "\(text)")
        }
    }
}
