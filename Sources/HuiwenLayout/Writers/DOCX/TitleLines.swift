import HuiwenText

/// A title too long for one line, broken into lines of even length, the upper ones no shorter
/// (GB/T 9704 7.3.1 asks for a trapezoid or a diamond; the page does the same with
/// `text-wrap: balance`). Word has no balanced wrapping, so the writer breaks the lines itself.
///
/// ```swift
/// TitleLines.balanced("春节和全国“两会”期间安全生产重点任务分工表", capacity: 40)
/// // ["春节和全国“两会”期间", "安全生产重点任务分工表"]
/// ```
enum TitleLines {
    /// Marks that may not start a line, and marks that may not end one (GB/T 15834 practice).
    private static let closing: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "”", "’", "）", "》", "」", "』", "】", "〕", "…", "·", ",", ".", ")"]
    private static let opening: Set<Character> = ["“", "‘", "（", "《", "「", "『", "【", "〔", "("]

    /// The lines of `title`, each at most `capacity` halves of a character wide, as few as fit
    /// and as even as they can be with no line longer than the first; the title whole when it
    /// fits on one line or cannot be broken well.
    static func balanced(_ title: String, capacity: Int) -> [String] {
        let characters = Array(title)
        let widths = characters.map { TextWidth.halves(String($0)) }
        let total = widths.reduce(0, +)
        guard total > capacity, capacity > 0 else { return [title] }
        let count = (total + capacity - 1) / capacity
        // The narrowest measure that still gives `count` lines, the last no wider than the first.
        for target in (total + count - 1) / count...capacity {
            guard let lines = split(characters, widths: widths, target: target), lines.count == count else { continue }
            let lineWidths = lines.map { $0.reduce(0) { $0 + widths[$1] } }
            if lineWidths.last! <= lineWidths.first!, lineWidths.allSatisfy({ $0 <= capacity }) {
                return lines.map { String(characters[$0]) }
            }
        }
        return [title]
    }

    /// Lines of at most `target` halves, each ending where a line may end.
    private static func split(_ characters: [Character], widths: [Int], target: Int) -> [Range<Int>]? {
        var lines: [Range<Int>] = []
        var start = 0
        while start < characters.count {
            var end = start
            var width = 0
            while end < characters.count, width + widths[end] <= target {
                width += widths[end]
                end += 1
            }
            guard end > start else { return nil }
            var cut = end
            while cut > start + 1, cut < characters.count, !canBreak(characters, before: cut) {
                cut -= 1
            }
            lines.append(start..<cut)
            start = cut
        }
        return lines
    }

    /// Whether a line may end before `characters[index]`: not before a closing mark, not after
    /// an opening one, not inside a word of Latin letters or digits.
    private static func canBreak(_ characters: [Character], before index: Int) -> Bool {
        let previous = characters[index - 1]
        let next = characters[index]
        if closing.contains(next) || opening.contains(previous) { return false }
        let isNarrowWord = { (character: Character) in
            !character.isWhitespace && !character.unicodeScalars.contains(where: TextWidth.isWide)
        }
        return !(isNarrowWord(previous) && isNarrowWord(next))
    }
}
