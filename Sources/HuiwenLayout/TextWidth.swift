/// Widths of text in halves of a character (a CJK or fullwidth character is 2, anything else
/// 1), for the layout decisions Word cannot make from styles: where the 署名 goes, how much a
/// long 标志 is narrowed, how many lines the 抄送 takes, how wide a table column is.
enum TextWidth {
    static func halves(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    /// East Asian wide and fullwidth ranges (the common ones; rare scripts count as narrow).
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        case 0x2014, 0x2026, 0x2018, 0x2019, 0x201C, 0x201D, 0x2605:
            // —, …, quotes and ★ take a full character in Chinese fonts.
            true
        default:
            false
        }
    }
}
