@testable import HuiwenServer
import HuiwenDiagnostics
import Testing

/// The error page marks the place of each problem in its source line.
@Suite struct ErrorPageTests {
    @Test func marksTheTagThatStartsAtTheColumn() {
        let line = "同比分别{{change(statistics.accidents)}}和{{rate(statistics.death)}}。"
        #expect(PreviewPages.highlighted(line, column: 38)
            == "同比分别{{change(statistics.accidents)}}和<mark>{{rate(statistics.death)}}</mark>。")
    }

    @Test func marksOneCharacterOutsideATagAndEscapesHTML() {
        #expect(PreviewPages.highlighted("a<b>c", column: 2) == "a<mark>&lt;</mark>b&gt;c")
        #expect(PreviewPages.highlighted("ab", column: 9) == "ab<mark></mark>")
        #expect(PreviewPages.highlighted("{{{x}}}", column: 1) == "<mark>{{{x}}}</mark>")
    }

    @Test func failurePageShowsPositionMessageAndMarkedLine() {
        let diagnostic = Diagnostic(
            at: SourceLocation(path: "templates/a.md", line: 3, column: 2), "'x' is not defined", sourceLine: "前{{x}}后")
        let page = PreviewPages.failure([diagnostic])
        #expect(page.contains("templates/a.md:3:2"))
        #expect(page.contains("'x' is not defined"))
        #expect(page.contains("<pre>前<mark>{{x}}</mark>后</pre>"))
    }
}
