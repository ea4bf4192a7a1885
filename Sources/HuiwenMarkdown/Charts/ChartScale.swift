import Foundation

/// The value axis: round ticks (steps of 1, 2, 2.5 or 5 times a power of ten) from a tick at
/// or below the lowest value (and 0) to one at or above the highest, about five steps apart.
/// Ticks are exact decimals, so their labels read `2500`, `0.25`, never `2499.9999`.
///
/// ```swift
/// ChartScale(minimum: 0, maximum: 12460).ticks   // [0, 2500, 5000, 7500, 10000, 12500]
/// ```
struct ChartScale: Hashable {
    let ticks: [Decimal]

    init(minimum: Decimal, maximum: Decimal, steps: Int = 5) {
        var low = min(0, minimum)
        var high = max(0, maximum)
        if low == high { high = low + 1 }
        let span = Self.double(high - low)
        let raw = span / Double(steps)
        var exponent = Int(floor(log10(raw)))
        let normalized = raw / pow(10, Double(exponent))
        // The smallest round step at least as large as the raw one, as digits × 10^exponent.
        var digits: Decimal
        switch normalized {
        case ...1.000_000_1: digits = 1
        case ...2.000_000_1: digits = 2
        case ...2.500_000_1: digits = 25; exponent -= 1
        case ...5.000_000_1: digits = 5
        default: digits = 1; exponent += 1
        }
        let step = Decimal(sign: .plus, exponent: exponent, significand: digits)
        low = Self.roundedDown(low / step) * step
        high = Self.roundedUp(high / step) * step
        var ticks: [Decimal] = []
        var tick = low
        // Bounded: a step is at least a fifth of the span, so a dozen ticks at most.
        while tick <= high, ticks.count < 24 {
            ticks.append(tick)
            tick += step
        }
        self.ticks = ticks
    }

    init(ticks: [Decimal]) {
        self.ticks = ticks
    }

    var lowest: Decimal { ticks.first ?? 0 }
    var highest: Decimal { ticks.last ?? 1 }

    /// Where `value` sits between the lowest tick (0) and the highest (1).
    func fraction(_ value: Decimal) -> Double {
        let span = Self.double(highest - lowest)
        return span == 0 ? 0 : Self.double(value - lowest) / span
    }

    static func double(_ value: Decimal) -> Double {
        NSDecimalNumber(decimal: value).doubleValue
    }

    private static func roundedDown(_ value: Decimal) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, 0, .down)
        return result
    }

    private static func roundedUp(_ value: Decimal) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, 0, .up)
        return result
    }
}
