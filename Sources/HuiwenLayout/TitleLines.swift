import HuiwenText
import Synchronization

/// A title too long for one line, broken into lines as GB/T 9704 7.3.1 asks: a trapezoid
/// (each line no longer than the one above) or a diamond (the middle line longest), never a
/// single character on a line, meaning kept whole where the text says where it breaks (after
/// a mark, after 的 和 与 及 暨 并, before an opening mark). Both writers use it: Word cannot
/// balance lines, and the page's `text-wrap: balance` knows none of these rules.
///
/// A title written over several lines (a YAML block: `title: |`) keeps its lines as written.
///
/// ```swift
/// TitleLines.lines(of: "春节和全国“两会”期间安全生产重点任务分工表", capacity: 40)
/// // ["春节和全国“两会”期间", "安全生产重点任务分工表"]
/// ```
public enum TitleLines {
    /// Marks that may not start a line, and marks that may not end one (GB/T 15834 practice).
    private static let closing: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "”", "’", "）", "》", "」", "』", "】", "〕", "…", "·", ",", ".", ")"]
    private static let opening: Set<Character> = ["“", "‘", "（", "《", "「", "『", "【", "〔", "("]
    /// Characters after which a title reads well broken: marks, and the words that join its parts.
    private static let joins: Set<Character> = ["的", "和", "与", "及", "暨", "并", "、", "，", "；", "：", "”", "）", "》", "〕"]
    /// Characters that belong to what comes before them: a line should not start with them.
    private static let clinging: Set<Character> = ["的", "之", "地", "得", "了", "等"]
    /// Words of official titles that a line should not split (no dictionary stands behind the
    /// rest: a title's own line breaks, `title: |`, decide where these are not enough).
    static let words = [
        "电视电话会议", "安全生产", "贯彻落实", "人民政府", "委员会", "办公室", "办公厅", "重点任务", "分工表", "统计表",
        "讲话提纲", "实施方案", "工作要点", "成员单位", "职责分工", "隐患排查", "专项整治", "排查整治", "危险化学品",
        "烟花爆竹", "非煤矿山", "道路交通", "建筑施工", "高危行业", "应急管理", "安全管理", "责任制", "进一步",
        "电视", "电话", "会议", "精神", "切实", "做好", "工作", "通知", "意见", "方案", "办法", "决定", "报告", "春节",
        "全国", "全省", "两会", "期间", "加强", "领域", "事故", "防范", "消防", "部署", "落实", "开展", "关于",
    ]

    /// The most lines a title is shaped into: the search tries about 20 cuts a line, so each
    /// line more multiplies its work by 20 (a title of 10,000 characters never finished). A
    /// longer title stays one string, wrapped as the page and Word wrap it.
    static let maxShapedLines = 4

    /// The lines of `title` at most `capacity` halves of a character wide (a 2号 title in the
    /// 156 mm block: 40).
    public static func lines(of title: String, capacity: Int) -> [String] {
        // A batch's documents share their title: shaping it was a fifth of a notice's build.
        let key = "\(capacity)\u{0}" + title
        if let known = shaped.withLock({ $0[key] }) { return known }
        let lines = shape(title, capacity: capacity)
        shaped.withLock { cache in
            if cache.count >= 64 { cache.removeAll(keepingCapacity: true) }
            cache[key] = lines
        }
        return lines
    }

    /// Titles shaped already, by capacity and text.
    private static let shaped = Mutex<[String: [String]]>([:])

    private static func shape(_ title: String, capacity: Int) -> [String] {
        let written = title.split(separator: "\n", omittingEmptySubsequences: true).map { $0.trimmingSpaces }
        if written.count > 1 { return written }
        let characters = Array(title)
        let widths = characters.map { TextWidth.halves(String($0)) }
        let total = widths.reduce(0, +)
        guard total > capacity, capacity > 0, characters.count > 3 else { return [title] }
        let count = (total + capacity - 1) / capacity
        guard count <= maxShapedLines else { return [title] }
        let insideWords = insideWords(characters)
        var best: (cost: Int, cuts: [Int])?
        search(characters, widths: widths, insideWords: insideWords, capacity: capacity, lines: count, from: 0, cuts: [], best: &best)
        guard let cuts = best?.cuts else { return [title] }
        let bounds = [0] + cuts + [characters.count]
        return zip(bounds, bounds.dropFirst()).map { String(characters[$0..<$1]) }
    }

    /// Tries every way to cut the rest of the title into `lines` lines; keeps the cheapest
    /// shape (cuts ≤ 40 characters apart, titles of 2 to 4 lines: a few thousand tries at most).
    private static func search(
        _ characters: [Character], widths: [Int], insideWords: Set<Int>, capacity: Int, lines: Int, from start: Int, cuts: [Int],
        best: inout (cost: Int, cuts: [Int])?
    ) {
        if lines == 1 {
            let all = cuts
            let bounds = [0] + all + [characters.count]
            let lineWidths = zip(bounds, bounds.dropFirst()).map { widths[$0..<$1].reduce(0, +) }
            guard lineWidths.allSatisfy({ $0 <= capacity }), zip(bounds, bounds.dropFirst()).allSatisfy({ $1 - $0 > 1 }),
                  isTrapezoidOrDiamond(lineWidths)
            else { return }
            let mean = lineWidths.reduce(0, +) / lineWidths.count
            var cost = lineWidths.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            for cut in all { cost += penalty(characters, before: cut) + (insideWords.contains(cut) ? 200 : 0) }
            if cost < best?.cost ?? Int.max { best = (cost, all) }
            return
        }
        var width = 0
        var end = start
        while end < characters.count, width + widths[end] <= capacity {
            width += widths[end]
            end += 1
            guard end - start > 1, end < characters.count, canBreak(characters, before: end) else { continue }
            search(
                characters, widths: widths, insideWords: insideWords, capacity: capacity, lines: lines - 1, from: end,
                cuts: cuts + [end], best: &best)
        }
    }

    /// The cuts that would split one of `words` (the positions inside an occurrence).
    private static func insideWords(_ characters: [Character]) -> Set<Int> {
        var inside: Set<Int> = []
        for word in words {
            let letters = Array(word)
            guard letters.count <= characters.count else { continue }
            for start in 0...(characters.count - letters.count) where characters[start] == letters[0]
                && Array(characters[start..<start + letters.count]) == letters {
                inside.formUnion(start + 1..<start + letters.count)
            }
        }
        return inside
    }

    /// 梯形: no line longer than the one above; 菱形: rising to the longest, then falling.
    private static func isTrapezoidOrDiamond(_ widths: [Int]) -> Bool {
        guard let peak = widths.indices.max(by: { widths[$0] < widths[$1] }) else { return true }
        let rising = widths[...peak], falling = widths[peak...]
        return zip(rising, rising.dropFirst()).allSatisfy { $0 <= $1 } && zip(falling, falling.dropFirst()).allSatisfy { $0 >= $1 }
            && (peak == 0 || widths.count >= 3)
    }

    /// What a cut before `index` costs the reading, in squared halves: nothing after a mark or
    /// a joining word, much before a clinging one, something anywhere else (it may split a word).
    private static func penalty(_ characters: [Character], before index: Int) -> Int {
        if clinging.contains(characters[index]) { return 400 }
        if joins.contains(characters[index - 1]) || opening.contains(characters[index]) { return 0 }
        return 36
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

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\u{3000}" }.reversed().drop { $0 == " " || $0 == "\u{3000}" }.reversed())
    }
}
