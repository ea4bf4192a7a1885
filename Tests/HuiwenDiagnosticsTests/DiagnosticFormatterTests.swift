import HuiwenDiagnostics
import Testing

@Suite struct DiagnosticFormatterTests {
    let diagnostic = Diagnostic(
        at: SourceLocation(path: "templates/notice.md", line: 3, column: 3),
        "unknown variable 'statistics.accident'",
        sourceLine: "同比{{statistics.accident}}"
    )

    @Test func textFormIsThePositionedMessageThenTheSourceLineAndACaret() {
        let text = DiagnosticFormatter(format: .text).format(diagnostic)
        #expect(text == "templates/notice.md:3:3: error: unknown variable 'statistics.accident'\n同比{{statistics.accident}}\n    ^")
        let oneLine = DiagnosticFormatter(format: .text, showsSource: false).format(diagnostic)
        #expect(oneLine == "templates/notice.md:3:3: error: unknown variable 'statistics.accident'")
    }

    @Test func caretSitsUnderTheColumnCountingWideCharactersTwice() {
        let text = DiagnosticFormatter(format: .text, showsSource: true).format(diagnostic)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines[2] == "    ^")  // 同比 are two wide characters: four cells before the tag at column 3
    }

    @Test func githubFormAddsAnAnnotationLine() {
        let text = DiagnosticFormatter(format: .github).format(diagnostic)
        #expect(text.hasSuffix("\n::error file=templates/notice.md,line=3,col=3::unknown variable 'statistics.accident'"))
    }

    @Test func jsonFormEscapesStrings() {
        let text = DiagnosticFormatter(format: .json).format(
            Diagnostic(at: SourceLocation(path: "a\"b", line: 1, column: 2), "x\ny"))
        #expect(text == #"{"file":"a\"b","line":1,"column":2,"severity":"error","message":"x\ny"}"#)
    }

    @Test func wholeFileDiagnosticHasNoLineNumber() {
        #expect(Diagnostic(path: "data/x.csv", "cannot read file").description == "data/x.csv: error: cannot read file")
    }

    @Test func advancingOverTextCountsScalars() {
        let start = SourceLocation(path: "t.md", line: 2, column: 1)
        #expect(start.advanced(over: "---\n地区：") == SourceLocation(path: "t.md", line: 3, column: 4))
    }
}
