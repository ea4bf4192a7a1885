import Foundation

/// Decimal numbers as text, fast: a figure is written for every `{{figure}}`, helper and chart
/// value, and `Decimal.description` costs microseconds on Linux.
public enum DecimalText {
    /// `number` as `mantissa × 10^exponent` with the mantissa in an `Int64`, read in tens of
    /// nanoseconds (Decimal's own arithmetic takes microseconds on Linux); nil for NaN or more
    /// digits than an `Int64` holds.
    @inlinable
    public static func scaled(_ number: Decimal) -> (mantissa: Int64, exponent: Int)? {
        guard !number.isNaN else { return nil }
        let significand = number.significand
        let mantissa = NSDecimalNumber(decimal: significand).int64Value
        // The round trip proves the conversion exact (int64Value wraps past Int64's range).
        guard Decimal(mantissa) == significand, mantissa >= 0 else { return nil }
        return (number.sign == .minus ? -mantissa : mantissa, number.exponent)
    }

    /// Plain decimal notation exactly as `Decimal.description` writes it (`12133`, `0.279`, `-3`),
    /// without its cost.
    @inlinable
    public static func plain(_ number: Decimal) -> String {
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
}
