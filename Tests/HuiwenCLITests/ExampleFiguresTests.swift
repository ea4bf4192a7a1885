import Foundation
import HuiwenBuild
import HuiwenData
import Testing

/// The repository's example project states every figure of the reference speech
/// (../shared/reference/speech.txt), each computed by a helper from raw counts in data/.
@Suite struct ExampleFiguresTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Rendered once for the suite: the build is deterministic (tested below).
    static let report = Builder(project: Project(root: root)).render()

    static func page(_ name: String) throws -> RenderedPage {
        try #require(report.pages.first { $0.name == name }, "no page \(name)")
    }

    /// The text a reader sees: tags removed, the few entities the renderer writes decoded.
    static func visibleText(_ html: String) -> String {
        var text = html.replacing(/<[^>]*>/, with: "")
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacing(entity, with: character)
        }
        return text
    }

    /// Each figure of the speech, as a pattern over one sentence (no 。 in between).
    static var figures: [(name: String, pattern: Regex<Substring>)] { [
        ("同比分别下降27.9%和16.7%", /同比分别下降27\.9%和16\.7%/),
        ("3.4%和4.3%", /占全国总数的3\.4%和4\.3%/),
        ("4万家", /高危经营单位4万家/),
        ("12133家", /高危生产企业12133家/),
        ("2748家 … 不足二分之一", /2748家烟花爆竹企业中[^。]*不足二分之一/),
        ("651座 … 86.3%", /651座尾矿库中[^。]*占86\.3%/),
    ] }

    @Test(arguments: ["notice", "outline"])
    func documentStatesEveryFigureOfTheSpeech(name: String) throws {
        let page = try Self.page(name)
        let text = Self.visibleText(page.html)
        for figure in Self.figures {
            #expect(page.markdown.contains(figure.pattern), "\(name).md lacks \(figure.name)")
            #expect(text.contains(figure.pattern), "\(name).html lacks \(figure.name)")
        }
    }

    @Test func theSpeechItselfHasTheseFigures() throws {
        // Guards the list above against drifting from the reference.
        let speech = try String(
            contentsOf: Self.root.appendingPathComponent("../shared/reference/speech.txt").standardizedFileURL, encoding: .utf8)
        for figure in ["27.9%", "16.7%", "3.4%", "4.3%", "4万家", "12133家", "2748家", "二分之一", "651座", "86.3%"] {
            #expect(speech.contains(figure), "speech.txt lacks \(figure)")
        }
    }

    @Test func noFigureIsTypedIntoATemplate() throws {
        for file in try Self.files(under: "templates", extensions: ["md", "html"]) {
            let text = try String(contentsOf: file, encoding: .utf8)
            for figure in ["27.9", "16.7", "3.4%", "4.3%", "4万", "86.3", "二分之一"] {
                #expect(!text.contains(figure), "\(file.lastPathComponent) holds \(figure)")
            }
        }
    }

    @Test func noFigureIsStoredPrecomputedInTheData() throws {
        let files = try Self.files(under: "data", extensions: ["yaml", "yml", "json", "csv"])
        #expect(files.count >= 5)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for figure in ["27.9", "16.7", "3.4", "4.3", "86.3", "二分之一"] {
                #expect(!text.contains(figure), "\(file.lastPathComponent) holds \(figure)")
            }
        }
    }

    @Test func exampleProjectBuildsWithoutDiagnostics() {
        #expect(Self.report.diagnostics.map(\.description) == [])
    }

    @Test func exampleProjectGivesSixteenPages() {
        let names = Self.report.pages.map(\.name)
        #expect(names.count == 16)
        #expect(names.contains("notice") && names.contains("outline"))
        #expect(names.filter { $0.hasPrefix("notice-") }.count == 14)
        #expect(Set(names).count == names.count)
    }

    @Test func eachCityNoticeNamesItsCityAndGovernment() throws {
        let cities = try #require(DataLoader().load(projectRoot: Self.root).root["cities"]?.listItems)
        let rows = cities.map { [$0["地区"]?.stringValue ?? "", $0["人民政府"]?.stringValue ?? ""] }
        #expect(rows.count == 14)
        for row in rows {
            let (city, government) = (row[0], row[1])
            let page = try Self.page("notice-" + city)
            #expect(page.markdown.contains("，\(city)共发生各类生产安全事故"), "notice-\(city)")
            #expect(Self.visibleText(page.html).contains(government + "："), "notice-\(city) is not addressed to \(government)")
            // No other city's name leaks into this city's notice.
            for other in rows.map(\.[0]) where other != city && !city.contains(other) {
                #expect(!page.markdown.contains(other), "notice-\(city) mentions \(other)")
            }
        }
    }

    @Test func renderingTwiceGivesByteIdenticalPages() {
        let again = Builder(project: Project(root: Self.root)).render()
        #expect(again.pages.map(\.name) == Self.report.pages.map(\.name))
        for (first, second) in zip(Self.report.pages, again.pages) {
            #expect(Array(first.html.utf8) == Array(second.html.utf8), "\(first.name).html differs")
            #expect(Array(first.markdown.utf8) == Array(second.markdown.utf8), "\(first.name).md differs")
        }
    }

    static func files(under folder: String, extensions: Set<String>) throws -> [URL] {
        let base = root.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter { extensions.contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
    }
}
