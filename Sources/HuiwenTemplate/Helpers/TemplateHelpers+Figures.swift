import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenText

// The numeric helpers: figures written with Arabic numerals, as GB/T 9704 and GB/T 15835 want
// for percentages and counts (同比下降27.9%, 4万家, 12133家), and fractions in words (二分之一).
extension TemplateHelpers {
    /// `percent(0.2789)` → "27.9%": the ratio ×100, always one decimal, half-up (0 → "0.0%").
    static let percent: TemplateHelper = { value, location throws(Diagnostic) in
        let ratio = try number(value, helper: "percent", at: location)
        if let exact = ExactRatio(ratio), let text = percentText(exact) { return .string(text) }
        return .string(percentText(ratio))
    }

    /// `change({current: 7210, previous: 10000})` → "下降27.9%"; "上升…%"; "持平" when the change
    /// rounds to 0.0%. The percentage is (current − previous) / previous, half-up, one decimal.
    static let change: TemplateHelper = { value, location throws(Diagnostic) in
        let (fell, magnitude) = try changePercent(value, helper: "change", at: location)
        if magnitude == "0.0%" { return .string("持平") }
        return .string((fell ? "下降" : "上升") + magnitude)
    }

    /// `rate({current: 3009, previous: 3612})` → "16.7%": the size of the change without its
    /// direction, for the second figure of "同比分别下降27.9%和16.7%".
    static let rate: TemplateHelper = { value, location throws(Diagnostic) in
        return .string(try changePercent(value, helper: "rate", at: location).magnitude)
    }

    /// |current − previous| / previous of a `{current, previous}` map as "27.9%", and whether
    /// the figure fell.
    static func changePercent(_ value: Value, helper: String, at location: SourceLocation) throws(Diagnostic) -> (fell: Bool, magnitude: String) {
        let (current, previous) = try changeFigures(value, helper: helper, at: location)
        if let current = ExactRatio(current), let previous = ExactRatio(previous), let difference = current - previous,
            let ratio = difference / previous, let magnitude = ratio.magnitude, let text = percentText(magnitude)
        {
            return (ratio.isNegative, text)
        }
        let ratio = (current - previous) / previous
        return (ratio < 0, percentText(ratio < 0 ? -ratio : ratio))
    }

    /// The `current` and `previous` of a `{current, previous}` map, `previous` positive.
    static func changeFigures(_ value: Value, helper: String, at location: SourceLocation) throws(Diagnostic) -> (Decimal, Decimal) {
        let shape = "{current, previous}"
        let map = try entries(value, helper: helper, shape: shape, required: ["current", "previous"], at: location)
        let current = try number(in: map, "current", helper: helper, at: location)
        let previous = try number(in: map, "previous", helper: helper, at: location)
        guard previous > 0 else {
            throw failure(
                helper, "'previous' is \(previous); a change in percent needs a positive 'previous'", at: location)
        }
        return (current, previous)
    }

    /// `delta({current: 7210, previous: 10000, unit: 起})` → "减少2790起"; "增加…"; "持平" when equal.
    /// The difference is written as the data has it (exact, no rounding); `unit` is optional.
    static let delta: TemplateHelper = { value, location throws(Diagnostic) in
        let shape = "{current, previous, unit?}"
        let map = try entries(value, helper: "delta", shape: shape, required: ["current", "previous"], at: location)
        let current = try number(in: map, "current", helper: "delta", at: location)
        let previous = try number(in: map, "previous", helper: "delta", at: location)
        var unit = ""
        if let unitValue = map["unit"], !unitValue.isNull {
            guard let text = unitValue.stringValue else {
                throw failure("delta", "'unit' must be a string such as 起, got \(describe(unitValue))", at: location)
            }
            unit = text
        }
        let difference = current - previous
        if difference == 0 { return .string("持平") }
        let magnitude = difference < 0 ? -difference : difference
        return .string((difference < 0 ? "减少" : "增加") + DecimalText.plain(magnitude) + unit)
    }

    /// `share({part: 34, whole: 1000})` → "3.4%": part / whole as a percent, one decimal, half-up.
    static let share: TemplateHelper = { value, location throws(Diagnostic) in
        let (part, whole) = try partOfWhole(value, helper: "share", at: location)
        if let exactPart = ExactRatio(part), let exactWhole = ExactRatio(whole), let ratio = exactPart / exactWhole,
            let text = percentText(ratio)
        {
            return .string(text)
        }
        return .string(percentText(part / whole))
    }

    /// `wan(n)`: below 10000 the number as written (3500); from 10000 in 万 and from 10^8 in 亿,
    /// one decimal half-up with a trailing .0 dropped: 40000 → 4万, 12133 → 1.2万, 230000000 → 2.3亿.
    /// A figure that rounds up to 10000万 is written in 亿 (99999999 → 1亿).
    static let wan: TemplateHelper = { value, location throws(Diagnostic) in
        let figure = try number(value, helper: "wan", at: location)
        let magnitude = figure < 0 ? -figure : figure
        let sign = figure < 0 ? "-" : ""
        if magnitude < 10_000 { return .string(DecimalText.plain(figure)) }
        if let exact = ExactRatio(magnitude), let perWan = ExactRatio.multiply(exact.denominator, 10_000),
            let perYi = ExactRatio.multiply(exact.denominator, 100_000_000),
            let wanTenths = ExactRatio(numerator: exact.numerator, denominator: perWan).rounded(times: 10),
            let yiTenths = ExactRatio(numerator: exact.numerator, denominator: perYi).rounded(times: 10)
        {
            if wanTenths < 100_000 { return .string(sign + DecimalFormatting.tenths(wanTenths, keepingZero: false) + "万") }
            return .string(sign + DecimalFormatting.tenths(yiTenths, keepingZero: false) + "亿")
        }
        let inWan = DecimalFormatting.rounded(magnitude / 10_000, places: 1)
        if inWan < 10_000 { return .string(sign + inWan.description + "万") }
        return .string(sign + DecimalFormatting.trimmed(magnitude / 100_000_000, places: 1) + "亿")
    }

    /// `fraction(0.5)` → "二分之一": the nearest simple fraction with a denominator up to 10
    /// (0.3333 → 三分之一, 0.75 → 四分之三); 0 → 零 and 1 → 一 are candidates too, and on a tie the
    /// smaller denominator wins. Takes a ratio in [0, 1] or a map `{part, whole}`.
    static let fraction: TemplateHelper = { value, location throws(Diagnostic) in
        let ratio: Decimal
        switch value.kind {
        case .number(let number):
            if let exact = ExactRatio(number), let text = fractionText(exact) { return .string(text) }
            ratio = number
        case .map:
            let (part, whole) = try partOfWhole(value, helper: "fraction", at: location)
            if let exactPart = ExactRatio(part), let exactWhole = ExactRatio(whole), let exact = exactPart / exactWhole,
                let text = fractionText(exact)
            {
                return .string(text)
            }
            ratio = part / whole
        default:
            throw failure("fraction", "expects a ratio in [0, 1] or a map {part, whole}, got \(describe(value))", at: location)
        }
        guard ratio >= 0, ratio <= 1 else {
            throw failure("fraction", "expects a ratio in [0, 1], got \(ratio)", at: location)
        }
        return .string(fractionWords(nearestSimpleFraction(to: ratio)))
    }

    /// `cn(105)` → "一百零五": a whole number in Chinese numerals (0 → 零, negative → 负…).
    static let cn: TemplateHelper = { value, location throws(Diagnostic) in
        let figure = try number(value, helper: "cn", at: location)
        guard let whole = integer(figure) else {
            throw failure("cn", "expects a whole number below 10^16, got \(figure)", at: location)
        }
        return .string(ChineseNumeral.string(for: Int(whole)))
    }

    // MARK: Shared arithmetic

    /// The numbers of a `{part, whole}` map, `whole` positive.
    static func partOfWhole(_ value: Value, helper: String, at location: SourceLocation) throws(Diagnostic) -> (Decimal, Decimal) {
        let map = try entries(value, helper: helper, shape: "{part, whole}", required: ["part", "whole"], at: location)
        let part = try number(in: map, "part", helper: helper, at: location)
        let whole = try number(in: map, "whole", helper: helper, at: location)
        guard whole > 0 else {
            throw failure(helper, "'whole' is \(whole); a \(helper) needs a positive 'whole'", at: location)
        }
        return (part, whole)
    }

    static func percentText(_ ratio: Decimal) -> String {
        DecimalFormatting.fixed(ratio * 100, places: 1) + "%"
    }

    /// `percentText` of an exact ratio; nil on overflow.
    static func percentText(_ ratio: ExactRatio) -> String? {
        ratio.rounded(times: 1000).map { DecimalFormatting.tenths($0, keepingZero: true) + "%" }
    }

    /// The words of the simple fraction nearest an exact ratio in [0, 1]; nil outside that
    /// range (the Decimal path then reports it) or on overflow.
    static func fractionText(_ ratio: ExactRatio) -> String? {
        guard ratio.numerator >= 0, ratio.numerator <= ratio.denominator,
            let fraction = nearestSimpleFraction(to: ratio)
        else { return nil }
        return fractionWords(fraction)
    }

    /// `nearestSimpleFraction` in integers: the distance from n/d to p/q is |p·d − q·n| / (q·d),
    /// so candidates compare by cross-multiplying, exactly; ties keep the smaller denominator.
    static func nearestSimpleFraction(to ratio: ExactRatio) -> (numerator: Int, denominator: Int)? {
        let (n, d) = (ratio.numerator, ratio.denominator)
        var best = (numerator: 0, denominator: 1)
        var bestGap = n
        for (p, q, _) in simpleFractions {
            guard let pd = ExactRatio.multiply(Int64(p), d), let qn = ExactRatio.multiply(Int64(q), n) else { return nil }
            let gap = abs(pd - qn)
            guard let left = ExactRatio.multiply(gap, Int64(best.denominator)), let right = ExactRatio.multiply(bestGap, Int64(q))
            else { return nil }
            if left < right {
                best = (p, q)
                bestGap = gap
            }
        }
        return best
    }

    /// The reduced fraction p/q (q ≤ 10) nearest to `ratio` in [0, 1].
    static func nearestSimpleFraction(to ratio: Decimal) -> (numerator: Int, denominator: Int) {
        var best = (numerator: 0, denominator: 1)
        var bestDistance = ratio
        for (p, q, candidate) in simpleFractions {
            let distance = candidate > ratio ? candidate - ratio : ratio - candidate
            if distance < bestDistance {
                best = (p, q)
                bestDistance = distance
            }
        }
        return best
    }

    /// The reduced fractions p/q (q ≤ 10) with their values, divided once per process rather
    /// than on every call (the divisions were a third of merging the example notice).
    private static let simpleFractions: [(Int, Int, Decimal)] = ([(1, 1)] + (2...10).flatMap { q in (1..<q).map { p in (p, q) } })
        .filter { gcd($0.0, $0.1) == 1 }
        .map { ($0.0, $0.1, Decimal($0.0) / Decimal($0.1)) }

    static func fractionWords(_ fraction: (numerator: Int, denominator: Int)) -> String {
        if fraction.denominator == 1 { return ChineseNumeral.string(for: fraction.numerator) }
        return ChineseNumeral.string(for: fraction.denominator) + "分之"
            + ChineseNumeral.string(for: fraction.numerator)
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        b == 0 ? a : gcd(b, a % b)
    }
}
