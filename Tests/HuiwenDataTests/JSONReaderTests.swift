import Foundation
import HuiwenData
import HuiwenDiagnostics
import Testing

@Suite struct JSONReaderTests {
    @Test func numbersAreExactDecimals() throws {
        let value = try read(.json, #"{"rate": 27.85, "big": 12345678901234567890.5, "exp": 1.5e3, "neg": -0.5}"#)
        #expect(value["rate"]?.numberValue == number("27.85"))
        #expect(value["big"]?.text == "12345678901234567890.5")
        #expect(value["exp"]?.numberValue == 1500)
        #expect(value["neg"]?.numberValue == number("-0.5"))
    }

    @Test func stringsBoolsNullsAndKeyOrder() throws {
        let value = try read(.json, #"{"z": "2026-01-10", "a": true, "地区": null, "m": [false, "\u6e58\ud83d\ude00\n"]}"#)
        #expect(value.mapEntries.map { Array($0.keys) } == ["z", "a", "地区", "m"])
        #expect(value["z"]?.stringValue == "2026-01-10")
        #expect(value["a"]?.kind == .bool(true))
        #expect(value["地区"]?.isNull == true)
        #expect(value["m"]?.listItems?[1].stringValue == "湘😀\n")
    }

    @Test func valueDeepInTheFileKnowsItsLineAndScalarColumn() throws {
        let text = """
            {
              "统计": {
                "地区": "湖南", "数值": [1, 3009]
              }
            }
            """
        let value = try read(.json, text, path: "data/s.json")
        #expect(value.value(at: ["统计", "数值", "1"])?.location == SourceLocation(path: "data/s.json", line: 3, column: 27))
        #expect(value.value(at: ["统计"])?.location == SourceLocation(path: "data/s.json", line: 2, column: 9))
    }

    @Test func duplicateKeysAreAllReportedAtTheSecondKey() {
        let found = problems(.json, "{\"a\": 1,\n \"b\": 2,\n \"a\": 3, \"b\": 4}", path: "data/d.json")
        #expect(lines(found) == [
            "data/d.json:3:2: error: duplicate key \"a\" (first at line 1, column 2)",
            "data/d.json:3:10: error: duplicate key \"b\" (first at line 2, column 2)",
        ])
    }

    @Test func syntaxErrorsSayWhereAndWhat() {
        #expect(lines(problems(.json, "{\"a\": 1,}", path: "j")) == [
            "j:1:9: error: expected a key in double quotes, found character \"}\""
        ])
        #expect(lines(problems(.json, "[1, 2\n", path: "j")) == [
            "j:2:1: error: expected \",\" or \"]\" after a list item, found end of file"
        ])
        #expect(lines(problems(.json, "{\"地区\" 1}", path: "j")) == [
            "j:1:7: error: expected \":\" after the key \"地区\", found character \"1\""
        ])
        #expect(lines(problems(.json, "[0731]", path: "j")) == ["j:1:3: error: a number may not have a leading zero"])
        #expect(lines(problems(.json, "[\"open", path: "j")) == ["j:1:2: error: unterminated string"])
        #expect(lines(problems(.json, "[1] 2", path: "j")) == ["j:1:5: error: unexpected character \"2\" after the JSON value"])
        #expect(lines(problems(.json, "[tru]", path: "j")) == ["j:1:2: error: expected a value, found an unknown word"])
        #expect(lines(problems(.json, "[\"\\x\"]", path: "j")) == ["j:1:4: error: invalid escape \"\\x\" in a string"])
        #expect(lines(problems(.json, "[1e999]", path: "j")) == ["j:1:2: error: number 1e999 cannot be held exactly"])
        #expect(lines(problems(.json, "", path: "j")) == ["j:1:1: error: expected a value, found end of file"])
    }

    @Test func syntaxErrorShowsItsSourceLine() {
        let found = problems(.json, "{\n  \"a\": ,\n}", path: "j")
        #expect(found.first?.sourceLine == "  \"a\": ,")
        #expect(found.first?.location?.column == 8)
    }
}
