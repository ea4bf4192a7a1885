@testable import HuiwenDiagnostics
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

@Suite struct DiagnosticFormatterSafetyTests {
    @Test func controlCharactersFromFilesAreShownNotSent() {
        let diagnostic = Diagnostic(
            at: SourceLocation(path: "t.md", line: 1, column: 4), "unknown helper 'a\u{1B}[2J'", sourceLine: "\u{1B}[31m{{a}}\r")
        let text = DiagnosticFormatter(format: .text).format(diagnostic)
        #expect(text == "t.md:1:4: error: unknown helper 'a␛[2J'\n␛[31m{{a}}␍\n   ^")
        #expect(!DiagnosticFormatter(format: .github).format(diagnostic).contains("\u{1B}"))
    }

    @Test func coloursOnlyWhenAsked() {
        let diagnostic = Diagnostic(at: SourceLocation(path: "t.md", line: 1, column: 2), "x", sourceLine: "a{{x}}")
        #expect(!DiagnosticFormatter(format: .text).format(diagnostic).contains("\u{1B}"))
        let coloured = DiagnosticFormatter(format: .text, colors: true).format(diagnostic)
        #expect(coloured == "\u{1B}[1mt.md:1:2: \u{1B}[31merror:\u{1B}[0m\u{1B}[1m x\u{1B}[0m\na{{x}}\n \u{1B}[1;32m^\u{1B}[0m")
    }

    @Test func aLongLineIsCutToAWindowAroundTheColumn() {
        let line = String(repeating: "a", count: 1_000)
        let start = DiagnosticFormatter.window(of: line, column: 3)
        #expect(start.text == String(repeating: "a", count: 120) + "…")
        #expect(start.column == 3)
        let end = DiagnosticFormatter.window(of: line, column: 1_000)
        #expect(end.text == "…" + String(repeating: "a", count: 120))
        #expect(end.column == 121)
        #expect(DiagnosticFormatter.window(of: "short", column: 2) == ("short", 2))
    }
}
