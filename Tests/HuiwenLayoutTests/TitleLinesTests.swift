import HuiwenLayout
import Testing

/// Titles of several lines as GB/T 9704 7.3.1 asks: 梯形 or 菱形, no single character on a line,
/// broken where the text allows, or as written.
@Suite struct TitleLinesTests {
    static let capacity = Document.titleCapacity

    @Test func aTitleThatFitsStaysOnOneLine() {
        #expect(TitleLines.lines(of: "在全省安全生产电视电话会议上的讲话提纲", capacity: Self.capacity) == ["在全省安全生产电视电话会议上的讲话提纲"])
    }

    @Test func aLongTitleBreaksAfterItsJointsIntoATrapezoid() {
        #expect(TitleLines.lines(of: "关于切实做好春节和全国“两会”期间安全生产工作的通知", capacity: Self.capacity)
            == ["关于切实做好春节和全国“两会”", "期间安全生产工作的通知"])
        #expect(TitleLines.lines(of: "春节和全国“两会”期间安全生产重点任务分工表", capacity: Self.capacity)
            == ["春节和全国“两会”期间", "安全生产重点任务分工表"])
    }

    @Test func linesWrittenInFrontMatterAreKept() {
        #expect(TitleLines.lines(of: "关于认真贯彻落实全国安全生产\n电视电话会议精神切实做好春节和全国\n“两会”期间安全生产工作的通知", capacity: Self.capacity)
            == ["关于认真贯彻落实全国安全生产", "电视电话会议精神切实做好春节和全国", "“两会”期间安全生产工作的通知"])
    }

    @Test func everyComputedBreakFollowsTheRules() {
        let titles = [
            "关于认真贯彻落实全国安全生产电视电话会议精神切实做好春节和全国“两会”期间安全生产工作的通知",
            "关于印发《湖南省安全生产委员会成员单位安全生产工作职责分工》的通知",
            "关于2026年全省安全生产工作要点和重点任务分工的通知",
            "关于进一步加强烟花爆竹、危险化学品、非煤矿山等高危行业领域安全生产工作的通知",
            String(repeating: "安全生产", count: 20),
        ]
        for title in titles {
            let lines = TitleLines.lines(of: title, capacity: Self.capacity)
            #expect(lines.joined() == title)
            #expect(lines.count > 1, "\(title)")
            let widths = lines.map { line in line.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2000 ? 2 : 1) } }
            #expect(widths.allSatisfy { $0 <= Self.capacity }, "\(lines)")
            #expect(lines.allSatisfy { $0.count > 1 }, "a single character on a line: \(lines)")
            #expect(lines.dropFirst().allSatisfy { !"，。、；：？！”’）》".contains($0.first!) }, "a line starts with a closing mark: \(lines)")
            #expect(lines.dropLast().allSatisfy { !"“‘（《".contains($0.last!) }, "a line ends with an opening mark: \(lines)")
            #expect(lines.dropFirst().allSatisfy { !"的之地得".contains($0.first!) }, "a line starts with 的: \(lines)")
            // 梯形 (each no longer than the one above) or 菱形 (rising to the longest, then falling).
            let peak = widths.firstIndex(of: widths.max()!)!
            let rising = Array(widths[...peak]), falling = Array(widths[peak...])
            #expect(zip(rising, rising.dropFirst()).allSatisfy { $0 <= $1 } && zip(falling, falling.dropFirst()).allSatisfy { $0 >= $1 },
                    "not a trapezoid or a diamond: \(lines)")
        }
    }

    /// Past four lines a title is not shaped: the search would grow twentyfold a line (a
    /// hostile title of 10,000 characters never finished).
    @Test func aTitleOfMoreThanFourLinesStaysWholeAtOnce() {
        let clock = ContinuousClock()
        let start = clock.now
        let long = String(repeating: "安全生产", count: 2_500)
        #expect(TitleLines.lines(of: long, capacity: Self.capacity) == [long])
        let five = String(repeating: "安全生产", count: 21)
        #expect(TitleLines.lines(of: five, capacity: Self.capacity) == [five])
        #expect(clock.now - start < .seconds(2))
    }
}
