import HuiwenText

/// The counters of 公文 heading numbering, fed the top-level headings in document order.
///
/// - `##` 一、 `###` （一） `####` 1. `#####` （1）: each level counts within its parent; a heading
///   resets the counters of every deeper level.
/// - `#` starts afresh: it resets every counter (a document may hold several parts, such as
///   attachments, each numbered from 一、). `######` is neither numbered nor counted.
/// - A hand-numbered heading (`HandNumber`) keeps its text. When its form is its level's own
///   (`## 三、`) or 第X, the counter takes its value, so the next `##` is 四、; another level's form
///   (`## （一）…`) is left as written and counts as one more.
/// - An empty heading is neither numbered nor counted.
struct HeadingNumberer {
    /// Counters for levels 2…5.
    private var counters = [0, 0, 0, 0]

    /// The number to write before the text of a heading of `level` reading `text`, or nil when
    /// the heading stays as it is.
    mutating func number(level: Int, text: String) -> String? {
        if level == 1 {
            counters = [0, 0, 0, 0]
            return nil
        }
        // An empty heading is a slip of the pen: a lone "一、" would not help the reader.
        guard (2...5).contains(level), text.contains(where: { !$0.isWhitespace }) else { return nil }
        let index = level - 2
        for deeper in (index + 1)..<counters.count { counters[deeper] = 0 }

        if let hand = HandNumber(leadingIn: text) {
            if hand.form.level == nil || hand.form.level == level {
                counters[index] = hand.value
            } else {
                counters[index] += 1
            }
            return nil
        }
        counters[index] += 1
        let count = counters[index]
        switch level {
        case 2: return Self.numeral(count) + "、"
        case 3: return "（" + Self.numeral(count) + "）"
        case 4: return "\(count)."
        default: return "（\(count)）"
        }
    }

    /// A count in Chinese numerals up to 9999; past that (no document gets there) in Arabic digits.
    private static func numeral(_ count: Int) -> String {
        if count < smallNumerals.count { return smallNumerals[count] }
        return count <= 9999 ? ChineseNumeral.string(for: count) : String(count)
    }

    /// 零 to 九十九, made once: every heading of every document needs one.
    private static let smallNumerals = (0..<100).map { ChineseNumeral.string(for: $0) }
}
