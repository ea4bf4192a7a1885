import Foundation

/// The exact decimal of a number cell, as Excel and WPS show it: at most 15 significant digits.
///
/// A workbook stores a number as the text of a binary double (`<v>27.849999999999998</v>`,
/// `<v>0.30000000000000004</v>`, `<v>1.2E-5</v>`). Excel computes in doubles but never shows
/// more than 15 significant digits, so 27.849999999999998 is the 27.85 the user typed and sees.
/// The written digits are rounded half-up at the 15th significant digit and trailing zeros
/// dropped: 27.85, 0.3, 0.000012. An integer beyond 15 digits (an ID number typed as a number)
/// comes out as Excel shows it, with zeros for the digits it lost.
///
/// ```swift
/// ExcelDecimal.parse(Array("27.849999999999998".utf8)[...])  // 27.85
/// ```
enum ExcelDecimal {
    static let significantDigits = 15

    /// The value of number text: `-?digits[.digits][(e|E)[+-]digits]`; nil for anything else,
    /// and for numbers beyond the range of `Decimal` (below 1e-128 or above 1e127, which no
    /// statistics table holds).
    static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Decimal? {
        var index = bytes.startIndex
        let end = bytes.endIndex
        var isNegative = false
        if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            isNegative = bytes[index] == UInt8(ascii: "-")
            index = bytes.index(after: index)
        }
        // Up to 16 significant digits: 15 kept, the 16th decides the rounding.
        var digits: UInt64 = 0
        var kept = 0
        var sawDigit = false
        var sawPoint = false
        // The power of ten of the last digit kept.
        var exponent = 0
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                guard !sawPoint else { return nil }
                sawPoint = true
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                sawDigit = true
                if kept == 0 && byte == UInt8(ascii: "0") {
                    // A leading zero: only moves the point.
                    if sawPoint { exponent -= 1 }
                } else if kept <= significantDigits {
                    digits = digits * 10 + UInt64(byte - UInt8(ascii: "0"))
                    kept += 1
                    if sawPoint { exponent -= 1 }
                } else if !sawPoint {
                    // A digit past the 16th, before the point: one more power of ten.
                    exponent += 1
                }
            } else {
                break
            }
            index = bytes.index(after: index)
        }
        guard sawDigit else { return nil }
        if index < end {
            guard bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") else { return nil }
            index = bytes.index(after: index)
            var exponentIsNegative = false
            if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentIsNegative = bytes[index] == UInt8(ascii: "-")
                index = bytes.index(after: index)
            }
            var written = 0
            var sawExponentDigit = false
            while index < end, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                written = min(written * 10 + Int(bytes[index] - UInt8(ascii: "0")), 100_000)
                sawExponentDigit = true
                index = bytes.index(after: index)
            }
            guard sawExponentDigit, index == end else { return nil }
            exponent += exponentIsNegative ? -written : written
        }
        if digits == 0 { return 0 }
        if kept > significantDigits {
            let roundsUp = digits % 10 >= 5
            digits /= 10
            exponent += 1
            if roundsUp { digits += 1 }
        }
        while digits % 10 == 0 {
            digits /= 10
            exponent += 1
        }
        guard exponent >= -128, exponent <= 127 else { return nil }
        return Decimal(sign: isNegative ? .minus : .plus, exponent: exponent, significand: Decimal(digits))
    }
}
