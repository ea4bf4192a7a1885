import HuiwenDiagnostics
import Testing

@Suite struct SourceLinesTests {
    let lines = SourceLines("地区,事故起数\n长沙,12\r\n\n岳阳")

    @Test func byteOffsetsBecomeLinesAndColumnsCountingScalars() {
        #expect(lines.location(ofByte: 0, path: "a.csv") == SourceLocation(path: "a.csv", line: 1, column: 1))
        // 地区 are three bytes each: the comma after them is column 3.
        #expect(lines.location(ofByte: 6, path: "a.csv") == SourceLocation(path: "a.csv", line: 1, column: 3))
        #expect(lines.location(ofByte: 20, path: "a.csv").description == "a.csv:2:1")
        // A byte inside a character is at the character's column.
        #expect(lines.location(ofByte: 22, path: "a.csv").description == "a.csv:2:2")
        // `\r` takes a column; the `\n` after it ends line 2.
        #expect(lines.location(ofByte: 30, path: "a.csv").description == "a.csv:2:7")
        #expect(lines.location(ofByte: 31, path: "a.csv").description == "a.csv:3:1")
        #expect(lines.location(ofByte: 32, path: "a.csv").description == "a.csv:4:1")
        #expect(lines.location(ofByte: 1000, path: "a.csv").description == "a.csv:4:3")
    }

    @Test func theDocumentedExampleHolds() {
        let lines = SourceLines("地区,事故起数\n长沙,12\n")
        #expect(lines.location(ofByte: 27, path: "data/a.csv").description == "data/a.csv:2:4")
        #expect(lines.line(2) == "长沙,12")
    }

    @Test func aTextThatStartsMidLineShiftsOnlyItsFirstLine() {
        let value = SourceLines("x{{y}}\n{{z}}")
        let start = SourceLocation(path: "t.md", line: 5, column: 7)
        #expect(value.location(ofByte: 1, from: start).description == "t.md:5:8")
        #expect(value.location(ofByte: 7, from: start).description == "t.md:6:1")
    }

    @Test func lineTextLeavesOutTheLineBreak() {
        #expect(lines.count == 4)
        #expect(lines.line(1) == "地区,事故起数")
        #expect(lines.line(2) == "长沙,12")
        #expect(lines.line(3) == "")
        #expect(lines.line(4) == "岳阳")
        #expect(lines.line(0) == nil)
        #expect(lines.line(5) == nil)
        #expect(lines.line(containingByte: 24) == "长沙,12")
        #expect(lines.line(containingByte: 30) == "长沙,12")
        #expect(lines.line(containingByte: 31) == "")
        #expect(SourceLines("a\n").line(2) == "")
        #expect(SourceLines("").line(1) == "")
    }

    @Test func aCRLFFileGivesEachLineItsOwnText() {
        // Swift's `split(separator: "\n")` does not split "\r\n", one Character: the lines are
        // cut on bytes.
        let diagnostic = Diagnostic(at: SourceLocation(path: "t.md", line: 2, column: 1), "x")
        #expect(diagnostic.withSourceLine(from: "甲\r\n乙\r\n").sourceLine == "乙")
    }

    @Test func lineAndColumnGoBackToAByteOffset() {
        #expect(lines.offset(line: 1, column: 3) == 6)
        #expect(lines.offset(line: 2, column: 2) == 23)
        #expect(lines.offset(line: 2, column: 99) == 29)  // past the end: the end, before `\r\n`
        #expect(lines.offset(line: 2, column: 0) == nil)
        #expect(lines.offset(line: 9, column: 1) == nil)
        for offset in [0, 3, 6, 20, 23, 26, 35] {
            let location = lines.location(ofByte: offset, path: "a")
            #expect(lines.offset(line: location.line, column: location.column) == offset)
        }
    }

    @Test func commonMarkLineBreaksIncludeALoneCarriageReturn() {
        let markdown = SourceLines("a\rbc\r\nd\ne", breaks: .commonMark)
        #expect(markdown.count == 4)
        #expect((1...4).map { markdown.line($0) } == ["a", "bc", "d", "e"])
        #expect(markdown.offset(line: 2, byteColumn: 2) == 3)
        #expect(markdown.offset(line: 3, byteColumn: 1) == 6)
        #expect(markdown.offset(line: 5, byteColumn: 1) == nil)
        #expect(SourceLines("a\rb").count == 1)
    }
}
