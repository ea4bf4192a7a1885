import Foundation
import HuiwenText

/// A ratio of two `Int64`s (denominator > 0), for the helpers' common case: counts and short
/// decimals from data. On Linux, Foundation's `Decimal` allocates in every division, comparison
/// and description (one to four microseconds each), which made the helpers most of the time a
/// merge took. Every operation here returns nil on overflow, and the helper then takes its
/// `Decimal` path, so results never depend on which path ran.
struct ExactRatio: Equatable {
    var numerator: Int64
    var denominator: Int64

    init(numerator: Int64, denominator: Int64) {
        precondition(denominator > 0, "an ExactRatio's denominator is positive")
        self.numerator = numerator
        self.denominator = denominator
    }

    /// `number` exactly, when its significant digits fit an `Int64` and its exponent is within
    /// ±18.
    init?(_ number: Decimal) {
        guard let (mantissa, exponent) = DecimalText.scaled(number), abs(exponent) <= 18 else { return nil }
        let power = Self.powersOfTen[abs(exponent)]
        if exponent >= 0 {
            let (scaled, overflow) = mantissa.multipliedReportingOverflow(by: power)
            guard !overflow else { return nil }
            self.init(numerator: scaled, denominator: 1)
        } else {
            self.init(numerator: mantissa, denominator: power)
        }
    }

    static let powersOfTen: [Int64] = (0...18).map { exponent in (0..<exponent).reduce(1) { product, _ in product * 10 } }

    var isNegative: Bool { numerator < 0 }

    /// The absolute value; nil only for `Int64.min`.
    var magnitude: ExactRatio? {
        guard numerator != .min else { return nil }
        return ExactRatio(numerator: abs(numerator), denominator: denominator)
    }

    static func - (lhs: ExactRatio, rhs: ExactRatio) -> ExactRatio? {
        guard let left = multiply(lhs.numerator, rhs.denominator), let right = multiply(rhs.numerator, lhs.denominator),
            let denominator = multiply(lhs.denominator, rhs.denominator)
        else { return nil }
        let (difference, overflow) = left.subtractingReportingOverflow(right)
        return overflow ? nil : ExactRatio(numerator: difference, denominator: denominator)
    }

    static func / (lhs: ExactRatio, rhs: ExactRatio) -> ExactRatio? {
        guard rhs.numerator != 0, rhs.numerator != .min, let numerator = multiply(lhs.numerator, rhs.denominator),
            let denominator = multiply(lhs.denominator, abs(rhs.numerator)), numerator != .min
        else { return nil }
        return ExactRatio(numerator: rhs.numerator < 0 ? -numerator : numerator, denominator: denominator)
    }

    /// `self × factor` rounded half away from zero to a whole number (as `NSDecimalRound`'s
    /// `.plain` mode does): 0.2785 × 1000 → 279.
    func rounded(times factor: Int64) -> Int64? {
        guard numerator != .min, let scaled = Self.multiply(abs(numerator), factor) else { return nil }
        var quotient = scaled / denominator
        let remainder = scaled % denominator
        if remainder >= denominator - remainder { quotient += 1 }
        return numerator < 0 ? -quotient : quotient
    }

    static func multiply(_ a: Int64, _ b: Int64) -> Int64? {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : product
    }
}
