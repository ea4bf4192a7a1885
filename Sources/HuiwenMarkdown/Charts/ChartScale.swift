import Foundation
import HuiwenText

/// The value axis: round ticks (steps of 1, 2, 2.5 or 5 times a power of ten) from a tick at
/// or below the lowest value (and 0) to one at or above the highest, about five steps apart.
/// Ticks are exact decimals (a whole number of steps, each step digits × 10ⁿ), so their labels
/// read `2500`, `0.25`, never `2499.9999`; only the choice of the step and of the first and
/// last tick is made in binary, with a margin far below a step.
///
/// ```swift
/// ChartScale(minimum: 0, maximum: 12460).ticks   // [0, 2500, 5000, 7500, 10000, 12500]
/// ```
struct ChartScale: Hashable {
    let ticks: [Decimal]
    /// The lowest tick and the span of the ticks, for positions (binary is exact enough there).
    private let low: Double
    private let span: Double

    init(minimum: Double, maximum: Double, steps: Int = 5) {
        let low = min(0, minimum)
        var high = max(0, maximum)
        if low == high { high = low + 1 }
        let raw = (high - low) / Double(steps)
        var exponent = Int(floor(log10(raw)))
        let normalized = raw / pow(10, Double(exponent))
        // The smallest round step at least as large as the raw one, as digits × 10^exponent.
        var digits: Int
        switch normalized {
        case ...1.000_000_1: digits = 1
        case ...2.000_000_1: digits = 2
        case ...2.500_000_1: digits = 25; exponent -= 1
        case ...5.000_000_1: digits = 5
        default: digits = 1; exponent += 1
        }
        let step = Double(digits) * pow(10, Double(exponent))
        // Bounded: a step is at least a fifth of the span, so a dozen ticks at most.
        let first = Int((low / step + 1e-9).rounded(.down))
        let last = min(Int((high / step - 1e-9).rounded(.up)), first + 23)
        let ticks = (first...last).map { count in
            Decimal(sign: count < 0 ? .minus : .plus, exponent: exponent, significand: Decimal(abs(count) * digits))
        }
        self.init(ticks: ticks)
    }

    init(ticks: [Decimal]) {
        self.ticks = ticks
        low = Self.double(ticks.first ?? 0)
        span = Self.double(ticks.last ?? 1) - low
    }

    var lowest: Decimal { ticks.first ?? 0 }
    var highest: Decimal { ticks.last ?? 1 }

    /// Where `value` sits between the lowest tick (0) and the highest (1).
    func fraction(_ value: Decimal) -> Double {
        span == 0 ? 0 : (Self.double(value) - low) / span
    }

    /// `value` as a binary number, for drawing.
    static func double(_ value: Decimal) -> Double {
        if let (mantissa, exponent) = DecimalText.scaled(value), abs(exponent) < 300 {
            return Double(mantissa) * pow(10, Double(exponent))
        }
        return NSDecimalNumber(decimal: value).doubleValue
    }

}
