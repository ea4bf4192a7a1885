import Foundation
import HuiwenLayout
import Testing

/// Writes sample documents into the folder `HUIWEN_DOCX_SAMPLES` when it is set, to look at
/// through LibreOffice (`soffice --headless --convert-to pdf`); does nothing otherwise.
///
/// `notice.docx` is the fixture notice; `notice-fullN.docx` ends with N lines of text on the
/// last page (where the 版记 must still find its place); `notice-notes.docx` has footnotes in
/// the body and an attachment; `outline.docx` is a speech outline.
@Suite struct DOCXSampleTests {
    @Test func writesTheSamplesWhenAsked() throws {
        guard let folder = ProcessInfo.processInfo.environment["HUIWEN_DOCX_SAMPLES"] else { return }
        let base = URL(fileURLWithPath: folder)
        try Data(DOCXWriter.file(for: DOCXFixture.notice())).write(to: base.appendingPathComponent("notice.docx"))
        for lines in [14, 16, 18, 20] {
            var partials = DOCXFixture.partials
            partials["points"] = (1...lines).map { "\($0). 检查要点第\($0)项。\n" }.joined()
            let document = try LayoutFixture.document(DOCXFixture.noticeFrontMatter, body: DOCXFixture.noticeBody, partials: partials).document
            try Data(DOCXWriter.file(for: document)).write(to: base.appendingPathComponent("notice-full\(lines).docx"))
        }
        // Footnotes in the body and in an attachment: the tree's numbers as custom marks.
        var notes = DOCXFixture.partials
        notes["points"] = "检查要点[^a]如下[^b]。\n\n[^a]: 附件的第一个脚注。\n[^b]: 附件的第二个脚注。\n"
        let noted = try LayoutFixture.document(DOCXFixture.noticeFrontMatter, body: DOCXFixture.noticeBody, partials: notes).document
        try Data(DOCXWriter.file(for: noted)).write(to: base.appendingPathComponent("notice-notes.docx"))
        let outline = try LayoutFixture.document(DOCXFixture.outlineFrontMatter, body: DOCXFixture.outlineBody).document
        try Data(DOCXWriter.file(for: outline)).write(to: base.appendingPathComponent("outline.docx"))
    }
}
