import Foundation
import HuiwenData
import HuiwenDiagnostics
@testable import HuiwenTemplate
import HuiwenText
import Testing

/// The helpers compute in `Int64` when the figures fit (Foundation's `Decimal` is slow on
/// Linux) and in `Decimal` otherwise; both paths must give the same text for every input.
@Suite struct ExactArithmeticTests {
    let tag = SourceLocation(path: "t.md", line: 1, column: 1)

    func call(_ name: String, _ argument: Value) -> String? {
        (try? TemplateHelpers.standard[name]!(argument, tag))?.stringValue
    }

    func pair(_ a: String, _ aValue: Decimal, _ b: String, _ bValue: Decimal) -> Value {
        .map([a: .number(aValue), b: .number(bValue)])
    }

    /// Decimals of many shapes: counts, short and long fractions, large and negative figures,
    /// trailing zeros, and results of Decimal's own arithmetic.
    static let decimals: [Decimal] = {
        var generator = MarkdownEscaperEquivalenceTests.SplitMix(state: 9704)
        var texts = ["0", "0.0", "1", "-1", "12.50", "0.05", "0.95", "0.5", "0.2785", "0.27850", "0.2784999", "-0.0004",
                     "-0.00049", "9999.99", "99999999", "99994999", "99995000", "12133", "40000", "230000000", "1e3", "1.0e2",
                     "123456789012345678", "9223372036854775807", "9223372036854775808", "123456789012345678901234567890",
                     "0.000000000000000000001", "-27.85", "2748", "1320", "651", "562"]
        for _ in 0..<400 {
            let whole = UInt64.random(in: 0...20_000, using: &generator)
            let fraction = UInt64.random(in: 0...9999, using: &generator)
            let sign = Bool.random(using: &generator) ? "-" : ""
            texts.append("\(sign)\(whole)")
            texts.append("\(sign)\(whole).\(fraction)")
            texts.append("\(UInt64.random(in: 0...2_000_000_000_000, using: &generator))")
        }
        var values = texts.compactMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) }
        values += (1...60).map { Decimal($0) / Decimal(7) }
        values += (1...60).map { DecimalFormatting.rounded(Decimal($0 * 1013) / Decimal(10_000), places: 1) }
        return values
    }()

    @Test func plainTextIsDecimalsOwnDescription() {
        var mismatches: [String] = []
        for value in Self.decimals where DecimalText.plain(value) != value.description {
            mismatches.append("\(value.description) → \(DecimalText.plain(value))")
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func percentAndWanMatchTheDecimalPath() {
        var mismatches: [String] = []
        for value in Self.decimals {
            let percent = TemplateHelpers.percentText(value)
            if call("percent", .number(value)) != percent { mismatches.append("percent(\(value)) ≠ \(percent)") }
            let magnitude = value < 0 ? -value : value
            let sign = value < 0 ? "-" : ""
            let wan: String
            if magnitude < 10_000 {
                wan = value.description
            } else {
                let inWan = DecimalFormatting.rounded(magnitude / 10_000, places: 1)
                wan = inWan < 10_000 ? sign + inWan.description + "万"
                    : sign + DecimalFormatting.trimmed(magnitude / 100_000_000, places: 1) + "亿"
            }
            if call("wan", .number(value)) != wan { mismatches.append("wan(\(value)) = \(call("wan", .number(value)) ?? "nil") ≠ \(wan)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func changeShareAndFractionMatchTheDecimalPath() {
        var generator = MarkdownEscaperEquivalenceTests.SplitMix(state: 2026)
        let positives = Self.decimals.filter { $0 > 0 }
        var mismatches: [String] = []
        for _ in 0..<3_000 {
            let a = Self.decimals.randomElement(using: &generator)!
            let b = positives.randomElement(using: &generator)!
            let ratio = (a - b) / b
            let magnitude = TemplateHelpers.percentText(ratio < 0 ? -ratio : ratio)
            let change = magnitude == "0.0%" ? "持平" : (ratio < 0 ? "下降" : "上升") + magnitude
            if call("change", pair("current", a, "previous", b)) != change { mismatches.append("change(\(a), \(b)) ≠ \(change)") }
            if call("rate", pair("current", a, "previous", b)) != magnitude { mismatches.append("rate(\(a), \(b)) ≠ \(magnitude)") }
            let share = TemplateHelpers.percentText(a / b)
            if call("share", pair("part", a, "whole", b)) != share { mismatches.append("share(\(a), \(b)) ≠ \(share)") }
            let part = a < 0 ? -a : a
            let whole = part + b
            let fraction = TemplateHelpers.fractionWords(TemplateHelpers.nearestSimpleFraction(to: part / whole))
            if call("fraction", pair("part", part, "whole", whole)) != fraction {
                mismatches.append("fraction(\(part), \(whole)) ≠ \(fraction)")
            }
            if call("fraction", .number(part / whole)) != fraction { mismatches.append("fraction(\(part / whole)) ≠ \(fraction)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func exactRatioRoundsHalfAwayFromZero() {
        #expect(ExactRatio(numerator: 2785, denominator: 10_000).rounded(times: 1000) == 279)
        #expect(ExactRatio(numerator: -2785, denominator: 10_000).rounded(times: 1000) == -279)
        #expect(ExactRatio(numerator: 27_849_999, denominator: 100_000_000).rounded(times: 1000) == 278)
        #expect(ExactRatio(numerator: .max, denominator: 1).rounded(times: 10) == nil)
    }
}
