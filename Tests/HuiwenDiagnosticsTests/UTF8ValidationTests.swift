import HuiwenDiagnostics
import Testing

@Suite struct UTF8ValidationTests {
    @Test func validBytesDecode() throws {
        #expect(try UTF8Validation.decode(Array("长沙\n".utf8), path: "a") == "长沙\n")
        #expect(try UTF8Validation.decode([], path: "a") == "")
    }

    @Test func theFirstBadByteIsReportedWithOffsetLineAndColumn() {
        let bytes = Array("第一行\n甲乙".utf8) + [0xFF] + Array("丙".utf8) + [0xFE]
        #expect(throws: Diagnostic(at: SourceLocation(path: "bad.md", line: 2, column: 3), "invalid UTF-8 at byte 16")) {
            try UTF8Validation.decode(bytes, path: "bad.md")
        }
    }

    @Test func aTruncatedCharacterIsReportedWhereItStarts() {
        #expect(throws: Diagnostic(at: SourceLocation(path: "y", line: 1, column: 4), "invalid UTF-8 at byte 3")) {
            try UTF8Validation.decode(Array("a: ".utf8) + [0xE6, 0xB9], path: "y")
        }
    }

    @Test func bytesTakenOffBeforeCountInTheOffsetButNotInTheColumn() {
        #expect(throws: Diagnostic(at: SourceLocation(path: "y", line: 1, column: 4), "invalid UTF-8 at byte 6")) {
            try UTF8Validation.decode(Array("a: ".utf8) + [0xE6, 0xB9], path: "y", bytesBefore: 3)
        }
    }

    @Test func aByteOrderMarkLeftInTakesAColumn() {
        #expect(throws: Diagnostic(at: SourceLocation(path: "t.md", line: 1, column: 2), "invalid UTF-8 at byte 3")) {
            try UTF8Validation.decode([0xEF, 0xBB, 0xBF, 0xC0], path: "t.md")
        }
    }
}
