import Foundation

/// Exact decimal rounding and fixed-point text for the helpers: half-up (away from zero on a
/// tie), so 27.85 → 27.9 and 27.84999 → 27.8, with no binary floating point anywhere. (Plain
/// text of a number: `HuiwenText.DecimalText`.)
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

    /// Tenths as text with one decimal always (`279` → "27.9") or with a trailing `.0`
    /// dropped (`40` → "4").
    static func tenths(_ tenths: Int64, keepingZero: Bool) -> String {
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        if !keepingZero && magnitude % 10 == 0 { return sign + String(magnitude / 10) }
        return sign + String(magnitude / 10) + "." + String(magnitude % 10)
    }
}
