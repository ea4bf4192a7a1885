import Foundation
import HuiwenBuild
import HuiwenTestSupport
import Testing
import ZIPFoundation

/// The example documents printed both ways — the `.docx` by LibreOffice, the page by headless
/// Chromium through `huiwen build --to pdf` — and measured in the PDF against GB/T 9704-2012:
/// A4, the text block at 37/28 mm inside 156 × 225 mm, every line on the 22-line grid, 22 lines
/// on every full page, 28 characters on every full line, 16/22/14 pt, page numbers outside,
/// the 标志 red, the 版记 at the foot of the last page. (The figures LibreOffice reached on a
/// hand-written file are in ../shared/reference/gbt9704-docx.md.)
@Suite(.serialized) struct PrintTests {
    /// The documents measured: the notice, the outline and one city's notice.
    static let names = ["notice", "outline", "notice-长沙市"]
    /// Each case: `docx/NAME` (LibreOffice) or `pdf/NAME` (Chromium).
    static let cases = names.map { "docx/" + $0 } + names.map { "pdf/" + $0 }

    /// A case as measured: pdfminer's lines and rules, and poppler's `pdfinfo` report.
    struct Printed: Sendable {
        var pages: PrintedPages
        var info: [String: String]
    }

    /// Every case written, printed and measured, once.
    static let printed: Result<[String: Printed], Error> = Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("huiwen-print-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("output")
        let report = Builder(project: Project(root: PrintTools.repository, outputDirectory: output), formats: [.docx, .pdf])
            .build(only: ["notice", "outline", "city-notice"])
        guard report.succeeded else { throw ToolRunner.Failure(description: "\(report.diagnostics)") }
        let pdfs = try PrintTools.printWithLibreOffice(names.map { output.appendingPathComponent($0 + ".docx") }, into: scratch)
        let files = Dictionary(uniqueKeysWithValues: zip(names.map { "docx/" + $0 }, pdfs)
            + names.map { ("pdf/" + $0, output.appendingPathComponent($0 + ".pdf")) })
        return try files.mapValues { try Printed(pages: PrintedPages.measure($0), info: PrintedPages.info($0)) }
    }

    /// The measured pages of a case; nil (a printed reason, or a failure under CI) without the tools.
    static func pages(_ name: String) throws -> PrintedPages? {
        try measured(name)?.pages
    }

    /// The whole measure of a case; nil (a printed reason, or a failure under CI) without the tools.
    static func measured(_ name: String) throws -> Printed? {
        guard PrintTools.available(for: "print test", printer: .libreOffice),
              PrintTools.available(for: "print test", printer: .chromium)
        else { return nil }
        return try #require(try printed.get()[name])
    }

    // The text block of GB/T 9704 in points: left 28 mm, top 37 mm, 156 × 225 mm.
    static let left = 28 / 25.4 * 72
    static let top = 37 / 25.4 * 72
    static let right = 184 / 25.4 * 72
    static let bottom = 262 / 25.4 * 72
    static let pitch = 28.95
    /// The baseline of the first grid line: a 16 pt em box from 37 mm.
    static let firstBaseline = top + 0.88 * 16

    /// Lines of the text block (page numbers below it left out).
    static func textLines(_ page: PrintedPages.Page) -> [PrintedPages.Line] {
        page.lines.filter { $0.emTop < bottom + 1 }
    }

    /// The page number line: `— N —` below the text block.
    static func pageNumber(_ page: PrintedPages.Page) -> PrintedPages.Line? {
        page.lines.first { $0.emTop > bottom && $0.text.contains("—") }
    }

    @Test(arguments: cases) func everyPageIsA4WithTheTextInsideTheBlock(_ name: String) throws {
        guard let printed = try Self.pages(name) else { return }
        #expect(printed.pages.count >= 2, "\(name): \(printed.pages.count) pages")
        for (index, page) in printed.pages.enumerated() {
            #expect(abs(millimetres(page.width) - 210) < 0.5 && abs(millimetres(page.height) - 297) < 0.5, "\(name) p\(index + 1)")
            for line in Self.textLines(page) {
                let where_ = "\(name) p\(index + 1) '\(line.text.prefix(12))'"
                #expect(line.x0 >= Self.left - 1.5, "\(where_): starts at \(millimetres(line.x0)) mm")
                // A closing mark may hang one character into the margin.
                #expect(line.x1 <= Self.right + line.size + 0.5, "\(where_): ends at \(millimetres(line.x1)) mm")
                #expect(line.emBottom <= Self.bottom + 1.5, "\(where_): bottom at \(millimetres(line.emBottom)) mm")
            }
        }
    }

    /// How far a line's baseline is from the nearest grid line: a whole number of pitches
    /// below the first grid line, whose 16 pt em box starts at 37 mm.
    static func offGrid(_ line: PrintedPages.Line) -> Double {
        let below = line.baseline - firstBaseline
        return below - (below / pitch).rounded() * pitch
    }

    /// The body's lines (16 pt) of a page, top to bottom.
    static func bodyLines(_ page: PrintedPages.Page) -> [PrintedPages.Line] {
        textLines(page).filter { abs($0.size - 16) < 0.5 }
    }

    @Test(arguments: cases) func fullPagesHold22LinesOnTheGrid(_ name: String) throws {
        guard let printed = try Self.pages(name) else { return }
        var fullPages = 0
        for (index, page) in printed.pages.enumerated() {
            let lines = Self.bodyLines(page)
            guard let first = lines.first else { continue }
            // Every line of the body sits on the page's grid: a whole number of pitches below
            // the first grid line, whose 16 pt em box starts at 37 mm (LibreOffice places
            // glyphs to the twip, hence the three quarters of a point).
            for line in lines {
                let offset = Self.offGrid(line)
                #expect(abs(offset) < 0.75, "\(name) p\(index + 1): '\(line.text.prefix(10))' off the grid by \(offset) pt")
            }
            // A full page: its body reaches the last grid line of the block.
            guard let last = lines.last, last.emBottom > Self.bottom - Self.pitch / 2, index > 0 else { continue }
            fullPages += 1
            #expect(abs(millimetres(first.emTop) - 37) < 1, "\(name) p\(index + 1): first line at \(millimetres(first.emTop)) mm")
            let taken = Self.gridLinesTaken(page, body: lines)
            #expect(taken == 22, "\(name) p\(index + 1): \(lines.count) lines of text, \(taken) grid lines taken")
        }
        // The notice and the outline run over full pages; a city's notice is too short (its
        // last lines go with the 署名 to the last page).
        #expect(fullPages >= (name.hasSuffix("notice-长沙市") ? 0 : 1), "\(name): no full page to measure")
    }

    /// How many of the page's 22 grid lines are taken: each body line takes its own; a chart
    /// (its drawing is a whole number of grid lines, its note 12 pt lines on the grid) takes
    /// every grid line between the body lines around it. A gap with no chart text in it is not
    /// taken, so a page that lost a line still counts short.
    static func gridLinesTaken(_ page: PrintedPages.Page, body: [PrintedPages.Line]) -> Int {
        let numbers = body.map { Int((($0.baseline - firstBaseline) / pitch).rounded()) }
        let charts = textLines(page).filter { abs($0.size - 16) >= 0.5 }
        var taken = Set(numbers)
        for (above, below) in zip([-1] + numbers, numbers + [22]) where below - above > 1 {
            let from = above < 0 ? top : firstBaseline + Double(above) * pitch
            let to = below > 21 ? bottom : firstBaseline + Double(below) * pitch - 16
            if charts.contains(where: { $0.baseline > from && $0.baseline < to }) { taken.formUnion((above + 1)..<below) }
        }
        return taken.count
    }

    /// Whether every character of the line is full width (CJK or full-width punctuation).
    static func isAllFullWidth(_ line: PrintedPages.Line) -> Bool {
        line.chars.allSatisfy { $0[1] - $0[0] >= 0.8 * line.size }
    }

    /// Marks that may not end a line (opening brackets and quotes).
    static let opening: Set<Character> = ["“", "‘", "（", "《", "〈", "「", "『", "【", "〔", "［", "｛"]
    /// Closing marks LibreOffice does not hang into the margin (it hangs only 、，。 and the
    /// like; Word hangs these too). A character followed by one of them moves down with it.
    static let unhungClosing: Set<Character> = ["”", "’", "）", "》", "〉", "」", "』", "】", "〕", "］", "｝", "！", "？", "；", "：", "…"]

    @Test(arguments: cases) func everyFullLineHolds28Characters(_ name: String) throws {
        guard let printed = try Self.pages(name) else { return }
        let characterPitch = (Self.right - Self.left) / 28
        var full = 0
        var movedDown = 0
        let lines = printed.pages.enumerated().flatMap { index, page in Self.bodyLines(page).map { (index, $0) } }
        for (position, (index, line)) in lines.enumerated()
        where line.x1 > Self.right - characterPitch / 2 && Self.isAllFullWidth(line) {
            // A line that reaches the right edge holds as many characters as fit from where it
            // starts (a first line is indented by two), or one more when a mark hangs.
            let fit = ((Self.right - line.x0) / characterPitch).rounded()
            let hangs = line.x1 > Self.right + 2
            full += 1
            let count = Double(line.chars.count)
            if count == fit - 1, position + 1 < lines.count {
                // The standard's line-breaking rules move one character down when the 28th would
                // be an opening mark, or when it is followed by a closing mark LibreOffice cannot hang.
                let next = Array(lines[position + 1].1.text)
                if let first = next.first, Self.opening.contains(first) || (next.count > 1 && Self.unhungClosing.contains(next[1])) {
                    movedDown += 1
                    continue
                }
            }
            #expect(count == fit + (hangs ? 1 : 0),
                    "\(name) p\(index + 1): \(line.chars.count) characters where \(Int(fit)) fit: '\(line.text)'")
        }
        print("\(name): \(full) full lines of full-width characters, \(movedDown) one character short by the line-breaking rules")
        // (A city's notice is short: a few full lines.)
        #expect(full >= (name.hasSuffix("notice-长沙市") ? 5 : 10), "\(name): only \(full) full lines of full-width characters")
        #expect(movedDown * 10 <= full, "\(name): \(movedDown) of \(full) lines short")
    }

    @Test(arguments: cases) func pageNumbersAreOutsideBelowTheBlock(_ name: String) throws {
        guard let printed = try Self.pages(name) else { return }
        for (index, page) in printed.pages.enumerated() {
            // A blank page would carry no number (7.5); huiwen's layouts make none: every page
            // holds text of the document.
            #expect(!Self.textLines(page).isEmpty, "\(name) p\(index + 1) is blank")
            guard !Self.textLines(page).isEmpty else {
                #expect(Self.pageNumber(page) == nil, "\(name) p\(index + 1): a blank page has a number")
                continue
            }
            let number = try #require(Self.pageNumber(page), "\(name) p\(index + 1) has no page number")
            #expect(number.text.replacingOccurrences(of: " ", with: "") == "—\(index + 1)—")
            #expect(abs(number.size - 14) < 0.5)
            if index % 2 == 0 {
                #expect(number.x1 < Self.right && number.x1 > Self.right - 2 * 14, "odd page: right, one character in (\(millimetres(number.x1)) mm)")
            } else {
                #expect(number.x0 > Self.left && number.x0 < Self.left + 2 * 14, "even page: left, one character in (\(millimetres(number.x0)) mm)")
            }
            // The dash's ink top is 7 mm below the text block (269 mm): a 14 pt dash's ink starts
            // about 1.7 mm above its baseline, so the baseline is near 270.7 mm.
            #expect(abs(millimetres(number.baseline) - 270.7) < 1.5, "\(name) p\(index + 1): number's baseline at \(millimetres(number.baseline)) mm")
        }
    }

    @Test(arguments: ["docx/notice", "pdf/notice"]) func theNoticeHasItsSizesItsRedIssuerAndItsImprintAtTheFoot(_ name: String) throws {
        guard let printed = try Self.pages(name) else { return }
        let first = try #require(printed.pages.first)
        let issuer = try #require(first.lines.first { $0.size > 30 }, "no 发文机关标志")
        #expect(abs(issuer.size - 36) < 0.5)
        #expect(issuer.colors == ["#e60000"], "标志 colour \(issuer.colors)")
        #expect(abs(millimetres(issuer.emTop) - 72) < 2, "标志 top at \(millimetres(issuer.emTop)) mm")
        let title = try #require(first.lines.first { abs($0.size - 22) < 0.5 }, "no 22 pt title")
        #expect(title.text.hasPrefix("关于"))
        let red = first.rules.filter { $0.color == "#e60000" && $0.x1 - $0.x0 > 400 }
        #expect(!red.isEmpty, "no red separator on page 1")
        let sizes = Set(printed.pages.flatMap(\.lines).map { ($0.size * 2).rounded() / 2 })
        #expect(sizes.isSuperset(of: [16, 22, 14, 36]), "sizes \(sizes.sorted())")

        let last = try #require(printed.pages.last)
        let imprint = try #require(last.lines.last { $0.text.contains("印发") }, "no 印发 line on the last page")
        #expect(abs(imprint.size - 14) < 0.5)
        #expect(imprint.emBottom > Self.bottom - Self.pitch && imprint.emBottom <= Self.bottom + 1.5,
                "版记 at \(millimetres(imprint.emBottom)) mm, not at the foot")
        // The 版记's last rule lies on the text block's bottom edge (262 mm).
        let lowest = try #require(last.rules.filter { $0.x1 - $0.x0 > 400 }.max { $0.y < $1.y }, "no rule on the last page")
        #expect(abs(millimetres(lowest.y) - 262) < 0.6, "the 版记's last rule at \(millimetres(lowest.y)) mm")
        // Each attachment (the task table, the chart) starts a page: its label is the page's first line.
        let labels = printed.pages.filter { page in page.lines.first.map { $0.text.hasPrefix("附件") } == true }
        #expect(labels.count == 2, "each of the two attachments' labels opens a page")
    }

    /// The charts print as charts: their titles, the values on their bars, their notes, inside
    /// the text block (the Word chart is drawn by LibreOffice from its cached values, the page's SVG
    /// by Chromium).
    @Test(arguments: ["docx", "pdf"]) func theChartsPrintWithTheirFigures(_ format: String) throws {
        guard let outline = try Self.pages("\(format)/outline"), let notice = try Self.pages("\(format)/notice") else { return }
        let outlineText = outline.pages.flatMap(\.lines).map(\.text)
        for text in ["全省生产安全事故起数和死亡人数同比", "烟花爆竹企业和尾矿库安全状况", "12460", "3009", "2748", "562"] {
            #expect(outlineText.contains { $0.contains(text) }, "\(format) outline: no '\(text)'")
        }
        #expect(outlineText.contains { $0.hasPrefix("注：烟花爆竹企业") })
        let attachment = try #require(notice.pages.last)
        #expect(attachment.lines.contains { $0.text.contains("全省生产安全事故起数和死亡人数同比") && abs($0.size - 12) < 0.5 })
        #expect(attachment.lines.contains { $0.text.contains("8984") })
    }

    /// What each element of a document was printed with, for the record: the fonts LibreOffice
    /// or Chromium chose for the standard's names (a missing font shows here first).
    @Test(arguments: cases) func theFontsOfEachElementAreReported(_ name: String) throws {
        guard let printed = try Self.pages(name) else { return }
        let lines = printed.pages.flatMap(\.lines)
        var bySize: [Double: Set<String>] = [:]
        for line in lines { bySize[(line.size * 2).rounded() / 2, default: []].formUnion(line.fonts) }
        let report = bySize.keys.sorted().map { "\($0) pt: \(bySize[$0]!.sorted().joined(separator: ", "))" }
        print("\(name) fonts: " + report.joined(separator: "; "))
        // Body text in a CJK face, not a Latin fallback with boxes.
        let body = bySize[16] ?? []
        #expect(body.contains { $0.contains("CJK") || $0.contains("Fang") || $0.contains("Song") || $0.contains("Kai") || $0.contains("Hei") },
                "\(name): body fonts \(body)")
    }

    @Test(arguments: ["docx/outline", "pdf/outline"]) func theOutlineHasNoMastheadAndNoImprint(_ name: String) throws {
        guard let printed = try Self.pages(name) else { return }
        let lines = printed.pages.flatMap(\.lines)
        #expect(!lines.contains { $0.size > 30 })
        #expect(!lines.contains { $0.text.contains("印发") })
        #expect(lines.contains { abs($0.size - 22) < 0.5 })
    }

    @Test(arguments: cases) func popplerReadsA4PagesTheTitleAndTheOffice(_ name: String) throws {
        guard let printed = try Self.measured(name) else { return }
        let info = printed.info
        #expect(info["Pages"] == String(printed.pages.pages.count), "\(name): pdfinfo says \(info["Pages"] ?? "?") pages")
        #expect(info["Page size"]?.hasSuffix("(A4)") == true, "\(name): page size \(info["Page size"] ?? "?")")
        #expect(info["Title"]?.contains(name.contains("outline") ? "讲话" : "通知") == true, "\(name): title \(info["Title"] ?? "none")")
        if name.hasPrefix("pdf/") {
            // The issuing office, or the outline's speaker.
            let author = name.contains("outline") ? "副省长" : "安全生产委员会"
            #expect(info["Author"]?.contains(author) == true, "\(name): author \(info["Author"] ?? "none")")
        }
    }

    /// The text a reader copies or searches is the text written: no CJK radical stands for an
    /// ideograph of the same glyph (⼈ for 人; `PDFToUnicode`). pdfminer reads the PDF's own
    /// maps, without the normalising some viewers add.
    @Test(arguments: cases) func theTextReadsAsWritten(_ name: String) throws {
        guard let printed = try Self.pages(name) else { return }
        let text = printed.pages.flatMap(\.lines).map(\.text).joined()
        let radicals = text.unicodeScalars.filter { (0x2E80...0x2FDF).contains($0.value) }
        #expect(radicals.isEmpty, "\(name): \(radicals.count) radicals in the text, \(String(String.UnicodeScalarView(radicals.prefix(20))))")
        #expect(text.contains("安全生产") && text.contains("人"))
        if name.hasSuffix("长沙市") { #expect(text.contains("长沙市")) }
    }

    /// The figures of each case on one line, for the record and for the closing note of a change
    /// to the layouts: what the checks above hold the pages to, as measured.
    @Test(arguments: cases) func theMeasuresAreReported(_ name: String) throws {
        guard let printed = try Self.measured(name) else { return }
        let pages = printed.pages.pages
        let mm = { (points: Double) in String(format: "%.1f", millimetres(points)) }
        let block = pages.flatMap(Self.textLines)
        let body = pages.map(Self.bodyLines)
        let offGrid = body.joined().map { abs(Self.offGrid($0)) }.max() ?? 0
        let full = body.dropFirst().filter { $0.last.map { $0.emBottom > Self.bottom - Self.pitch / 2 } == true }
        let numbers = pages.compactMap(Self.pageNumber)
        let sizes = Set(pages.flatMap(\.lines).map { ($0.size * 2).rounded() / 2 }).sorted()
        var figures = [
            "\(pages.count) pages of \(mm(pages[0].width)) × \(mm(pages[0].height)) mm (pdfinfo: \(printed.info["Page size"] ?? "?"))",
            "text from \(mm(block.map(\.x0).min() ?? 0)) to \(mm(block.map(\.x1).max() ?? 0)) mm across, first line's top at "
                + "\(mm(body.compactMap(\.first).map(\.emTop).min() ?? 0)) mm, lowest line's bottom at \(mm(block.map(\.emBottom).max() ?? 0)) mm",
            "full pages \(full.count) with \(full.map { String($0.count) }.joined(separator: "/")) lines, every line within \(String(format: "%.2f", offGrid)) pt of the grid",
            "sizes \(sizes.map { String(format: "%g", $0) }.joined(separator: "/")) pt",
            "page numbers \(numbers.map { $0.text.replacingOccurrences(of: " ", with: "") }.joined(separator: " ")) at baseline "
                + "\(mm(numbers.map(\.baseline).max() ?? 0)) mm, odd ending \(mm(numbers.enumerated().filter { $0.offset % 2 == 0 }.map(\.element.x1).max() ?? 0)) mm, "
                + "even starting \(mm(numbers.enumerated().filter { $0.offset % 2 == 1 }.map(\.element.x0).min() ?? 0)) mm",
        ]
        if let issuer = pages[0].lines.first(where: { $0.size > 30 }) {
            figures.append("标志 \(issuer.colors.joined()) top at \(mm(issuer.emTop)) mm")
        }
        if let red = pages[0].rules.first(where: { $0.color == "#e60000" && $0.x1 - $0.x0 > 400 }) {
            figures.append("red rule at \(mm(red.y)) mm, \(mm(red.x1 - red.x0)) mm long")
        }
        if pages.last?.lines.contains(where: { $0.text.contains("印发") }) == true,
           let rule = pages.last?.rules.filter({ $0.x1 - $0.x0 > 400 }).max(by: { $0.y < $1.y }) {
            figures.append("版记's last rule at \(mm(rule.y)) mm")
        }
        let attachments = pages.indices.filter { pages[$0].lines.first?.text.hasPrefix("附件") == true }
        if !attachments.isEmpty { figures.append("附件 opens page \(attachments.map { String($0 + 1) }.joined(separator: ", "))") }
        print("\(name): " + figures.joined(separator: "; "))
        #expect(!figures.isEmpty)
    }

    /// A part of a `.docx` as text.
    static func part(_ path: String, of file: URL) throws -> String {
        let archive = try Archive(url: file, accessMode: .read)
        let entry = try #require(archive[path], "\(file.lastPathComponent) has no \(path)")
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func aRoundTripThroughLibreOfficeKeepsTheGridAndTheStyles() throws {
        guard PrintTools.available(for: "DOCX round trip", printer: .libreOffice) else { return }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("huiwen-docx-roundtrip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("output")
        let report = Builder(project: Project(root: PrintTools.repository, outputDirectory: output), formats: [.docx]).build(only: ["notice"])
        #expect(report.succeeded)
        let saved = try #require(try PrintTools.convertWithLibreOffice(
            [output.appendingPathComponent("notice.docx")], to: "docx", into: scratch.appendingPathComponent("saved")).first)
        let document = try Self.part("word/document.xml", of: saved)
        let styles = try Self.part("word/styles.xml", of: saved)
        // The grid, the page and the margins survive LibreOffice's own export…
        #expect(document.contains(#"w:linePitch="579""#), "grid lost")
        #expect(document.contains(#"w:w="11906" w:h="16838""#), "A4 lost")
        #expect(document.contains(#"w:top="1951""#) && document.contains(#"w:left="1587""#), "margins lost")
        // …and so do the named styles and the paragraphs that use them.
        for name in ["一级标题", "二级标题", "发文机关标志", "发文字号", "主送机关", "附件说明", "署名", "成文日期", "版记"] {
            #expect(styles.contains(#"w:name w:val="\#(name)""#), "style \(name) lost")
        }
        // (LibreOffice renames the ids, `Style14` …, and keeps the names and the references.)
        #expect(document.components(separatedBy: "<w:pStyle ").count > 40, "paragraphs lost their styles")
        #expect(document.contains("湖南省安全生产委员会办公室"))
    }
}
