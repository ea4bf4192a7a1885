import Foundation

/// Exact decimal rounding and fixed-point text for the helpers: half-up (away from zero on a
/// tie), so 27.85 → 27.9 and 27.84999 → 27.8, with no binary floating point anywhere.
enum DecimalFormatting {
    static func rounded(_ number: Decimal, places: Int) -> Decimal {
        var input = number
        var result = Decimal()
        NSDecimalRound(&result, &input, places, .plain)
        return result
    }

    /// `number` rounded half-up to exactly `places` decimals: (0, 1) → "0.0", (27.85, 1) → "27.9".
    static func fixed(_ number: Decimal, places: Int) -> String {
        var text = rounded(number, places: places).description
        guard places > 0 else { return text }
        if !text.contains(".") { text += "." }
        let decimals = text.count - 1 - (text.lastIndex(of: ".").map { text.distance(from: text.startIndex, to: $0) } ?? 0)
        text += String(repeating: "0", count: max(0, places - decimals))
        return text
    }

    /// `number` rounded half-up to at most `places` decimals, trailing zeros dropped: 1.20 → "1.2", 4.0 → "4".
    static func trimmed(_ number: Decimal, places: Int) -> String {
        rounded(number, places: places).description
    }

    /// `number` as `mantissa × 10^exponent` with the mantissa in an `Int64`, read in tens of
    /// nanoseconds (Decimal's own arithmetic takes microseconds on Linux); nil for NaN or more
    /// digits than an `Int64` holds.
    static func scaled(_ number: Decimal) -> (mantissa: Int64, exponent: Int)? {
        guard !number.isNaN else { return nil }
        let significand = number.significand
        let mantissa = NSDecimalNumber(decimal: significand).int64Value
        // The round trip proves the conversion exact (int64Value wraps past Int64's range).
        guard Decimal(mantissa) == significand, mantissa >= 0 else { return nil }
        return (number.sign == .minus ? -mantissa : mantissa, number.exponent)
    }

    /// Plain decimal notation exactly as `Decimal.description` writes it (`12133`, `0.279`,
    /// `-3`), without its cost: a number is written for every `{{figure}}` and helper.
    static func plain(_ number: Decimal) -> String {
        guard let (mantissa, exponent) = scaled(number), abs(exponent) <= 40 else { return number.description }
        if mantissa == 0 { return "0" }
        var digits = String(mantissa.magnitude)
        if exponent > 0 {
            digits += String(repeating: "0", count: exponent)
        } else if exponent < 0 {
            let places = -exponent
            if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return mantissa < 0 ? "-" + digits : digits
    }

    /// Tenths as text with one decimal always (`279` → "27.9") or with a trailing `.0`
    /// dropped (`40` → "4").
    static func tenths(_ tenths: Int64, keepingZero: Bool) -> String {
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        if !keepingZero && magnitude % 10 == 0 { return sign + String(magnitude / 10) }
        return sign + String(magnitude / 10) + "." + String(magnitude % 10)
    }
}
