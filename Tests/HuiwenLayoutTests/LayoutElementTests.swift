import Foundation
import HuiwenLayout
import Testing

/// Every official-document element of the built-in layouts appears when its front matter field
/// is given and leaves no trace (no element, no label) when it is absent.
@Suite struct LayoutElementTests {
    /// Front matter field → the text the page must then hold (element class and content).
    static let noticeElements: [(field: String, value: String, expected: String)] = [
        ("copyNumber", "000123", #"<p class="copy-number">000123</p>"#),
        ("secrecy", "机密★1年", #"<p class="secrecy">机密★1年</p>"#),
        ("urgency", "特急", #"<p class="urgency">特急</p>"#),
        ("issuer", "湖南省安全生产委员会办公室", #"<div class="issuer"><span>湖南省安全生产委员会办公室</span></div>"#),
        ("docNumber", "湘安委办〔2026〕1号", #"<p class="doc-number">湘安委办〔2026〕1号</p>"#),
        ("title", "关于做好安全生产工作的通知", #"<h1 class="title">关于做好安全生产工作的通知</h1>"#),
        ("recipients", "各市州人民政府：", #"<p class="recipients">各市州人民政府：</p>"#),
        ("signature", "湖南省安全生产委员会办公室", #"<p class="signer">湖南省安全生产委员会办公室</p>"#),
        ("date", "2026年1月12日", #"<p class="date">2026年1月12日</p>"#),
        ("note", "此件公开发布", #"<p class="note">（此件公开发布）</p>"#),
        ("cc", "省委办公厅。", #"<p class="cc">抄送：省委办公厅。</p>"#),
        ("printedBy", "湖南省安全生产委员会办公室", #"<span class="printed-by">湖南省安全生产委员会办公室</span>"#),
        ("printedDate", "2026年1月12日", #"<span class="printed-date">2026年1月12日印发</span>"#),
    ]

    static func render(_ frontMatter: String, body: String = "正文。\n", partials: [String: String] = [:]) throws -> String {
        try LayoutFixture.page(frontMatter, body: body, partials: partials)
    }

    /// The page from `<body` on, without the layout's own script: what a reader sees.
    static func visibleBody(_ html: String) -> String {
        var body = String(html[(html.range(of: "<body")?.lowerBound ?? html.startIndex)...])
        while let open = body.range(of: "<script"), let close = body.range(of: "</script>", range: open.upperBound..<body.endIndex) {
            body.removeSubrange(open.lowerBound..<close.upperBound)
        }
        return body
    }

    @Test func everyNoticeElementAppearsWhenGiven() throws {
        let frontMatter = "layout: notice\n" + Self.noticeElements.map { "\($0.field): \"\($0.value)\"\n" }.joined()
        let html = try Self.render(frontMatter)
        for element in Self.noticeElements {
            #expect(html.contains(element.expected), "\(element.field)")
        }
        #expect(html.contains(#"<hr class="red-rule">"#))
        #expect(html.contains(#"class="colophon""#))
    }

    @Test func absentFieldsLeaveNoTrace() throws {
        let body = Self.visibleBody(try Self.render("layout: notice\n"))
        for marker in [
            "copy-number", "secrecy", "urgency", "class=\"issuer", "doc-number", "red-rule", "class=\"title",
            "recipients", "signer", "class=\"date", "class=\"note", "抄送", "printed-by", "印发", "colophon",
            "附件", "annex", "attachment",
        ] {
            #expect(!body.contains(marker), "\(marker) appears with no field")
        }
        #expect(body.contains("<p>正文。</p>"))
    }

    @Test func eachFieldAloneBringsOnlyItsElement() throws {
        for element in Self.noticeElements {
            let html = try Self.render("layout: notice\n\(element.field): \"\(element.value)\"\n")
            #expect(html.contains(element.expected), "\(element.field) alone")
            let others = Self.noticeElements.filter { $0.field != element.field && $0.value != element.value }
            for other in others where other.expected != element.expected {
                #expect(!html.contains(other.expected), "\(other.field) appeared with only \(element.field)")
            }
        }
    }

    @Test func attachmentsGiveTheNoteAndAPageEach() throws {
        let one = try Self.render(
            "layout: notice\nattachments:\n  - title: 任务分工表\n    partial: table\n",
            partials: ["table": "| 序号 | 任务 |\n|---|---|\n| 1 | 检查 |\n"])
        #expect(one.contains(#"<span class="annex-label">附件：</span>"#))
        #expect(one.contains(#"<span class="annex-name">任务分工表</span>"#))
        #expect(one.contains(#"<p class="attachment-label">附件</p>"#))
        #expect(one.contains(#"<h1 class="attachment-title">任务分工表</h1>"#))
        #expect(one.contains("<td>检查</td>"))
        #expect(!Self.visibleBody(one).contains("annex-number"))

        let two = try Self.render("layout: notice\nattachments:\n  - title: 甲表\n  - title: 乙表\n")
        #expect(two.contains(#"<span class="annex-number">1.</span><span class="annex-name">甲表</span>"#))
        #expect(two.contains(#"<span class="annex-number">2.</span><span class="annex-name">乙表</span>"#))
        #expect(two.contains(#"<p class="attachment-label">附件2</p>"#))
        // An attachment without a partial has an empty body, never the document's own.
        #expect(two.components(separatedBy: "<p>正文。</p>").count == 2)
    }

    @Test func outlineShowsTitleBylineAndSalutationOnlyWhenGiven() throws {
        let full = try Self.render("layout: outline\ntitle: 讲话提纲\nspeaker: 副省长\ndate: 2026年1月10日\nsalutation: 同志们：\n")
        #expect(full.contains(#"<h1 class="title">讲话提纲</h1>"#))
        #expect(full.contains(#"<p class="byline">副省长　（2026年1月10日）</p>"#))
        #expect(full.contains(#"<p class="salutation">同志们：</p>"#))
        #expect(!full.contains("red-rule"))
        #expect(!full.contains("colophon"))
        let body = Self.visibleBody(try Self.render("layout: outline\n"))
        for marker in ["byline", "salutation", "class=\"title", "subtitle"] {
            #expect(!body.contains(marker), "\(marker)")
        }
    }

    @Test func pagesAreSelfContained() throws {
        let html = try Self.render("layout: notice\ntitle: 通知\ncc: 省委办公厅。\n", body: "见 <script>alert(1)</script> 与 https://example.com\n")
        #expect(!html.contains("<link"))
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("@import"))
        #expect(!html.contains("alert(1)</script>"), "a script from the template reached the page")
        // The notice's own two scripts (hanging punctuation; the 版记 at the last page's foot).
        #expect(html.components(separatedBy: "<script").count <= 3, "more than the layout's own scripts")
    }
}
