import Foundation
import HuiwenBuild
import HuiwenTestSupport
import Testing

/// The example documents as `.docx`, printed by LibreOffice and measured in the PDF against
/// GB/T 9704-2012: A4, the text block at 37/28 mm inside 156 × 225 mm, 22 lines on every full
/// page, 28 characters on every full line, 16/22/14 pt, page numbers outside, the 标志 red,
/// the 版记 at the foot of the last page. (The figures LibreOffice reached on a hand-written
/// file are in ../shared/reference/gbt9704-docx.md.)
@Suite(.serialized) struct DOCXPrintTests {
    /// The example project's notice and outline, written as `.docx` and printed, once.
    static let printed: Result<[String: PrintedPages], Error> = Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("huiwen-docx-print-\(UUID().uuidString)")
        let output = scratch.appendingPathComponent("output")
        let report = Builder(project: Project(root: PrintTools.repository, outputDirectory: output), formats: [.docx])
            .build(only: ["notice", "outline"])
        guard report.succeeded else { throw ToolRunner.Failure(description: "\(report.diagnostics)") }
        let names = ["notice", "outline"]
        let pdfs = try PrintTools.printWithLibreOffice(names.map { output.appendingPathComponent($0 + ".docx") }, into: scratch)
        var measured: [String: PrintedPages] = [:]
        for (name, pdf) in zip(names, pdfs) { measured[name] = try PrintedPages.measure(pdf) }
        try? FileManager.default.removeItem(at: scratch)
        return measured
    }

    static func pages(_ name: String) throws -> PrintedPages? {
        guard PrintTools.available(for: "DOCX print test") else { return nil }
        return try #require(try printed.get()[name])
    }

    // The text block of GB/T 9704 in points: left 28 mm, top 37 mm, 156 × 225 mm.
    static let left = 28 / 25.4 * 72
    static let top = 37 / 25.4 * 72
    static let right = 184 / 25.4 * 72
    static let bottom = 262 / 25.4 * 72
    static let pitch = 28.95

    /// Lines of the text block (page numbers below it left out).
    static func textLines(_ page: PrintedPages.Page) -> [PrintedPages.Line] {
        page.lines.filter { $0.emTop < bottom + 1 }
    }

    /// The page number line: `— N —` below the text block.
    static func pageNumber(_ page: PrintedPages.Page) -> PrintedPages.Line? {
        page.lines.first { $0.emTop > bottom && $0.text.contains("—") }
    }

    @Test(arguments: ["notice", "outline"]) func everyPageIsA4WithTheTextInsideTheBlock(_ name: String) throws {
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

    @Test(arguments: ["notice", "outline"]) func fullPagesHold22LinesOnTheGrid(_ name: String) throws {
        guard let printed = try Self.pages(name) else { return }
        var fullPages = 0
        for (index, page) in printed.pages.enumerated() {
            let lines = Self.textLines(page).filter { $0.size <= 16.5 }
            guard let last = lines.last, last.emBottom > Self.bottom - Self.pitch else { continue }
            fullPages += 1
            // From the second page on the first line sits on the first grid line, 37 mm down.
            if index > 0, let first = lines.first {
                #expect(abs(millimetres(first.emTop) - 37) < 1, "\(name) p\(index + 1): first line at \(millimetres(first.emTop)) mm")
            }
            let baselines = Set(lines.map { ($0.baseline * 2).rounded() / 2 }).sorted()
            if index > 0 {
                #expect(baselines.count == 22, "\(name) p\(index + 1): \(baselines.count) lines")
            }
            for (upper, lower) in zip(baselines, baselines.dropFirst()) {
                let steps = (lower - upper) / Self.pitch
                #expect(abs(steps - steps.rounded()) < 0.05, "\(name) p\(index + 1): a line off the grid (\(lower - upper) pt)")
            }
        }
        #expect(fullPages >= 1, "\(name): no full page to measure")
    }

    @Test(arguments: ["notice", "outline"]) func everyFullLineHolds28Characters(_ name: String) throws {
        guard let printed = try Self.pages(name) else { return }
        var full = 0
        for (index, page) in printed.pages.enumerated() {
            for line in Self.textLines(page) where abs(line.size - 16) < 0.5 && line.x1 > Self.right - 8 {
                // A line that reaches the right edge: 28 characters, or 29 with a mark hanging.
                let width = line.characterWidths
                let hangs = line.x1 > Self.right + 2
                full += 1
                #expect(abs(width - (hangs ? 29 : 28)) < 0.75, "\(name) p\(index + 1): \(width) characters in '\(line.text)'")
            }
        }
        #expect(full >= 10, "\(name): only \(full) full lines")
    }

    @Test(arguments: ["notice", "outline"]) func pageNumbersAreOutsideBelowTheBlock(_ name: String) throws {
        guard let printed = try Self.pages(name) else { return }
        for (index, page) in printed.pages.enumerated() {
            let number = try #require(Self.pageNumber(page), "\(name) p\(index + 1) has no page number")
            #expect(number.text.replacingOccurrences(of: " ", with: "") == "—\(index + 1)—")
            #expect(abs(number.size - 14) < 0.5)
            if index % 2 == 0 {
                #expect(number.x1 < Self.right && number.x1 > Self.right - 2 * 14, "odd page: right, one character in (\(millimetres(number.x1)) mm)")
            } else {
                #expect(number.x0 > Self.left && number.x0 < Self.left + 2 * 14, "even page: left, one character in (\(millimetres(number.x0)) mm)")
            }
            // The dash's ink top is 7 mm below the text block: the number's em box starts near 268 mm.
            #expect(abs(millimetres(number.emTop) - 268.5) < 2, "\(name) p\(index + 1): number at \(millimetres(number.emTop)) mm")
        }
    }

    @Test func theNoticeHasItsSizesItsRedIssuerAndItsImprintAtTheFoot() throws {
        guard let printed = try Self.pages("notice") else { return }
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
    }

    @Test func theOutlineHasNoMastheadAndNoImprint() throws {
        guard let printed = try Self.pages("outline") else { return }
        let lines = printed.pages.flatMap(\.lines)
        #expect(!lines.contains { $0.size > 30 })
        #expect(!lines.contains { $0.text.contains("印发") })
        #expect(lines.contains { abs($0.size - 22) < 0.5 })
    }
}
