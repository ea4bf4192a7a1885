/// When a soft line break between two pieces of text is dropped in documents.
///
/// A break goes when one side is CJK and the other is CJK, shared punctuation or a number:
/// `中文⏎中文`, `“⏎引文`, `27.9%⏎和`, `共⏎12133家` join; `English⏎word` and `中文⏎English` keep
/// their space (Latin words next to Chinese keep the customary gap).
enum CJKLineBreak {
    enum Kind: Equatable {
        /// Ideographs, kana, CJK and full-width punctuation: text written without spaces.
        case cjk
        /// Punctuation Chinese shares with Latin text: “ ” ‘ ’ — … ·
        case sharedPunctuation
        /// ASCII digits and % ‰: numbers are written against Chinese without a space.
        case number
        case other
    }

    static func joins(after last: Unicode.Scalar, before first: Unicode.Scalar) -> Bool {
        let (left, right) = (kind(of: last), kind(of: first))
        return (left == .cjk && right != .other) || (right == .cjk && left != .other)
    }

    static func kind(of scalar: Unicode.Scalar) -> Kind {
        switch scalar.value {
        case 0x2E80...0x2FDF,   // CJK Radicals Supplement, Kangxi Radicals
             0x2FF0...0x2FFF,   // Ideographic Description Characters
             0x3000...0x303F,   // CJK Symbols and Punctuation: 、。《》「」【】〔〕 and U+3000
             0x3040...0x30FF,   // Hiragana, Katakana
             0x3100...0x312F,   // Bopomofo
             0x31A0...0x31EF,   // Bopomofo Extended, CJK Strokes
             0x31F0...0x31FF,   // Katakana Phonetic Extensions
             0x3200...0x33FF,   // Enclosed CJK Letters (㈠), CJK Compatibility
             0x3400...0x4DBF,   // CJK Unified Ideographs Extension A
             0x4E00...0x9FFF,   // CJK Unified Ideographs
             0xF900...0xFAFF,   // CJK Compatibility Ideographs
             0xFE10...0xFE1F,   // Vertical Forms
             0xFE30...0xFE4F,   // CJK Compatibility Forms
             0xFE50...0xFE6F,   // Small Form Variants
             0xFF00...0xFF9F,   // Full-width ASCII (，！（）：；？０-９Ａ-Ｚ), half-width CJK punctuation and katakana
             0xFFE0...0xFFEF,   // Full-width signs ￥, half-width forms
             0x20000...0x3FFFD: // Supplementary and Tertiary Ideographic Planes: extensions B…H
            // Half-width Hangul (U+FFA0…FFDF) is left out on purpose: Korean separates words by spaces.
            .cjk
        case 0x2018, 0x2019, 0x201C, 0x201D, 0x2014, 0x2026, 0x00B7:
            .sharedPunctuation
        case 0x30...0x39, 0x25, 0x2030:
            .number
        default:
            .other
        }
    }
}
