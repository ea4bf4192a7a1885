import Foundation
import HuiwenTestSupport
import Testing

/// `huiwen build --to pdf`: the page printed by headless Chromium, its metadata, and what
/// happens without a browser.
@Suite(.serialized) struct PDFCommandTests {
    static let project = [
        "templates/notice.md": "---\nlayout: notice\ntitle: 关于做好安全生产工作的通知\nissuer: 湖南省安全生产委员会办公室\nformats: [html, pdf]\n---\n正文。\n",
        "templates/page.md": "---\ntitle: 页面\n---\n正文。\n",
    ]

    @Test func pdfsArePrintedWithTheirTitleAndIssuingOffice() throws {
        guard PrintTools.available(for: "PDF build", printer: .chromium) else { return }
        let fixture = try ProjectFixture(Self.project)
        defer { fixture.remove() }
        let result = try fixture.huiwen("build", "--jobs", "2")
        #expect(result.status == 0, "\(result.standardError)")
        let pdf = try Data(contentsOf: fixture.root.appendingPathComponent("output/notice.pdf"))
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        let tail = String(decoding: pdf.suffix(2048), as: UTF8.self)
        #expect(tail.contains("/Author <FEFF" + "湖南省安全生产委员会办公室".utf16.map { String(format: "%04X", $0) }.joined() + ">"))
        #expect(tail.contains("/Title <FEFF" + "关于做好安全生产工作的通知".utf16.map { String(format: "%04X", $0) }.joined() + ">"))
        #expect(!fixture.exists("output/page.pdf"))
        // The manifest lists it (a build removes it when its template goes); a check does not
        // compare it and says so.
        #expect(try fixture.read("output/.huiwen-manifest").contains("notice.pdf\ttemplates/notice.md"))
        let check = try fixture.huiwen("build", "--check")
        #expect(check.status == 0, "\(check.standardOutput)")
        #expect(check.standardOutput.contains("1 PDF not compared: a browser does not print the same bytes twice"))
    }

    @Test func withoutABrowserTheOtherFormatsAreWrittenAndThePreviousPDFStays() throws {
        let fixture = try ProjectFixture(Self.project)
        defer { fixture.remove() }
        try fixture.write("output/notice.pdf", "%PDF- an earlier print")
        try fixture.write("output/.huiwen-manifest", "notice.pdf\ttemplates/notice.md\t\t\t\n")
        let result = try CLIRunner.run(["build", "--root", fixture.root.path], environment: ["PATH": "/nonexistent", "HUIWEN_BROWSER": ""])
        #expect(result.status == 1)
        #expect(result.standardError.contains("no browser to print PDFs: install Chromium (Debian and Ubuntu: apt-get install chromium)"))
        #expect(result.standardError.components(separatedBy: "no browser").count == 2, "the error once")
        #expect(fixture.exists("output/notice.html") && fixture.exists("output/page.html"))
        #expect(try fixture.read("output/notice.pdf") == "%PDF- an earlier print")
    }

    @Test func aBrowserThatIsNotThereIsAUsageError() throws {
        let fixture = try ProjectFixture(Self.project)
        defer { fixture.remove() }
        let result = try fixture.huiwen("build", "--browser", "/nonexistent/chromium")
        #expect(result.status == 2)
        #expect(result.standardError.contains("--browser: no program at /nonexistent/chromium"))
    }
}
