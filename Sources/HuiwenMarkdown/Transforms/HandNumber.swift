import HuiwenText

/// A number an author wrote at the start of a heading: `三、结语`, `（二）`, `3.`, `（4）`, `第五部分`.
///
/// Recognised forms (ASCII and full-width parentheses and dots alike):
/// - `一、` Chinese numeral + 顿号 (the `##` form);
/// - `（一）` / `(一)` Chinese numeral in parentheses (the `###` form);
/// - `1.` / `1．` / `1、` Arabic digits + dot or 顿号, not followed by a digit, so `1.5倍` is not a
///   number (the `####` form);
/// - `（1）` / `(1)` Arabic digits in parentheses (the `#####` form);
/// - `第一` + `，` `,` `、` `：` `:` a space, the end, or 部分 章 节 篇 条 项 (any level; so
///   `第一次会议` is not a number).
struct HandNumber: Hashable {
    enum Form: Hashable {
        case enumeration, parenthesizedChinese, arabic, parenthesizedArabic, ordinal

        /// The heading level whose automatic number has this form; nil for 第一, which fits any.
        var level: Int? {
            switch self {
            case .enumeration: 2
            case .parenthesizedChinese: 3
            case .arabic: 4
            case .parenthesizedArabic: 5
            case .ordinal: nil
            }
        }
    }

    var form: Form
    var value: Int

    /// The number `text` starts with, if any.
    init?(leadingIn text: String) {
        let text = Substring(text)
        if let (numeral, rest) = Self.split(text, while: ChineseNumeral.isNumeralCharacter),
           rest.first == "、", let value = ChineseNumeral.value(of: numeral) {
            self.init(form: .enumeration, value: value)
        } else if let (numeral, rest) = Self.split(text, while: \.isASCIIOrFullWidthDigit),
                  let mark = rest.first, [".", "．", "、"].contains(mark),
                  !(rest.dropFirst().first?.isASCIIOrFullWidthDigit ?? false),
                  let value = Self.arabicValue(numeral) {
            self.init(form: .arabic, value: value)
        } else if let opening = text.first, ["(", "（"].contains(opening) {
            let inner = text.dropFirst()
            if let (numeral, rest) = Self.split(inner, while: ChineseNumeral.isNumeralCharacter),
               let closing = rest.first, [")", "）"].contains(closing), let value = ChineseNumeral.value(of: numeral) {
                self.init(form: .parenthesizedChinese, value: value)
            } else if let (numeral, rest) = Self.split(inner, while: \.isASCIIOrFullWidthDigit),
                      let closing = rest.first, [")", "）"].contains(closing), let value = Self.arabicValue(numeral) {
                self.init(form: .parenthesizedArabic, value: value)
            } else {
                return nil
            }
        } else if text.first == "第",
                  let (numeral, rest) = Self.split(text.dropFirst(), while: ChineseNumeral.isNumeralCharacter),
                  Self.endsOrdinal(rest), let value = ChineseNumeral.value(of: numeral) {
            self.init(form: .ordinal, value: value)
        } else {
            return nil
        }
    }

    init(form: Form, value: Int) {
        self.form = form
        self.value = value
    }

    private static let ordinalFollowers: [String] = ["，", ",", "、", "：", ":", " ", "\u{3000}", "部分", "章", "节", "篇", "条", "项"]

    private static func endsOrdinal(_ rest: Substring) -> Bool {
        rest.isEmpty || ordinalFollowers.contains { rest.hasPrefix($0) }
    }

    /// The non-empty run of `text` matching `predicate`, and what follows it.
    private static func split(_ text: Substring, while predicate: (Character) -> Bool) -> (Substring, Substring)? {
        let run = text.prefix(while: predicate)
        return run.isEmpty ? nil : (run, text[run.endIndex...])
    }

    private static func arabicValue(_ digits: Substring) -> Int? {
        guard digits.count <= 6 else { return nil }
        let ascii = digits.unicodeScalars.map { scalar -> Character in
            // Full-width ０…９ (U+FF10…FF19) to ASCII.
            scalar.value >= 0xFF10 ? Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30) ?? "0") : Character(scalar)
        }
        return Int(String(ascii))
    }
}

extension Character {
    fileprivate var isASCIIOrFullWidthDigit: Bool {
        guard unicodeScalars.count == 1, let scalar = unicodeScalars.first else { return false }
        return (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
    }
}
