import Foundation
import HuiwenData
import HuiwenDiagnostics
import Testing

@Suite struct YAMLReaderTests {
    @Test func plainScalarsResolveToExactNumbersBoolsNullsAndDates() throws {
        let value = try read(.yaml, """
            rate: 27.85
            count: 12133
            negative: -3
            code: 0731
            exponent: 1e5
            flag: true
            nothing: ~
            empty:
            day: 2026-01-10
            notADay: 2026-02-30
            quoted: "12133"
            single: '2026-01-10'
            tagged: !!str 42
            """)
        #expect(value["rate"]?.numberValue == number("27.85"))
        #expect(value["rate"]?.text == "27.85")
        #expect(value["count"]?.numberValue == 12133)
        #expect(value["negative"]?.numberValue == -3)
        #expect(value["code"]?.stringValue == "0731")
        #expect(value["exponent"]?.stringValue == "1e5")
        #expect(value["flag"]?.kind == .bool(true))
        #expect(value["nothing"]?.isNull == true)
        #expect(value["empty"]?.isNull == true)
        #expect(value["day"]?.kind == .date(CalendarDate(year: 2026, month: 1, day: 10)))
        #expect(value["notADay"]?.stringValue == "2026-02-30")
        #expect(value["quoted"]?.stringValue == "12133")
        #expect(value["single"]?.stringValue == "2026-01-10")
        #expect(value["tagged"]?.stringValue == "42")
    }

    @Test func mapsKeepTheFileKeyOrder() throws {
        let value = try read(.yaml, "zeta: 1\nalpha: 2\n中文: 3\nmid: 4\n")
        #expect(value.mapEntries.map { Array($0.keys) } == ["zeta", "alpha", "中文", "mid"])
    }

    @Test func valueDeepInTheFileKnowsItsLineAndScalarColumn() throws {
        let value = try read(.yaml, """
            statistics:
              地区: 湖南省
              figures:
                - [1, 2]
                - 名称: 死亡人数
                  数值: 3009
            """, path: "data/statistics.yaml")
        let deaths = value.value(at: ["statistics", "figures", "1", "数值"])
        #expect(deaths?.numberValue == 3009)
        #expect(deaths?.location == SourceLocation(path: "data/statistics.yaml", line: 6, column: 11))
        let second = value.value(at: ["statistics", "figures", "0", "1"])
        #expect(second?.location == SourceLocation(path: "data/statistics.yaml", line: 4, column: 11))
        let region = value.value(at: ["statistics", "地区"])
        #expect(region?.location?.column == 7)
    }

    @Test func byteOrderMarkTakesNoColumn() throws {
        let value = try read(.yaml, "\u{FEFF}a: 1\r\nb: 2\r\n")
        #expect(value["b"]?.numberValue == 2)
        #expect(value["a"]?.location?.column == 4)
        #expect(value["b"]?.location == SourceLocation(path: "data/test", line: 2, column: 4))
    }

    @Test func anchorsAndAliasesShareAValue() throws {
        let value = try read(.yaml, "a: &n 8984\nshare:\n  part: *n\n  whole: 264100\n")
        #expect(value.value(at: ["share", "part"])?.numberValue == 8984)
    }

    @Test func duplicateKeyIsReportedAtTheSecondKey() {
        let found = problems(.yaml, "name: 长沙\ncount: 1\nname: 株洲\n", path: "data/a.yaml")
        #expect(lines(found) == ["data/a.yaml:3:1: error: duplicate key \"name\" (first at line 1, column 1)"])
    }

    @Test func duplicateKeyInAListItemIsReportedAtTheSecondKey() {
        let found = problems(.yaml, "- title: a\n  lead: x\n  title: b\n- title: c\n", path: "data/a.yaml")
        #expect(lines(found) == ["data/a.yaml:3:3: error: duplicate key \"title\" (first at line 1, column 3)"])
    }

    @Test func keysEqualAsTextButNotAsYAMLAreDuplicates() {
        let found = problems(.yaml, "1: a\n\"1\": b\n", path: "data/a.yaml")
        #expect(lines(found) == ["data/a.yaml:2:1: error: duplicate key \"1\" (first at line 1, column 1)"])
    }

    @Test func syntaxErrorCarriesYamsPosition() {
        let found = problems(.yaml, "a: 1\nb: [1, 2\nc: 3\n", path: "data/a.yaml")
        #expect(lines(found) == [
            "data/a.yaml:3:2: error: did not find expected ',' or ']' (while parsing a flow sequence at line 2, column 4)"
        ])
        #expect(found.first?.sourceLine == "c: 3")
        let chinese = problems(.yaml, "地区: 长沙: 株洲\n", path: "data/a.yaml")
        #expect(lines(chinese) == ["data/a.yaml:1:7: error: mapping values are not allowed in this context"])
    }

    @Test func moreThanOneDocumentIsRefused() {
        #expect(lines(problems(.yaml, "a: 1\n---\nb: 2\n", path: "y")) == [
            "y:2:1: error: expected a single document in the stream, but found another document"
        ])
    }

    @Test func flowMappingDuplicateIsReportedAtTheSecondKey() {
        #expect(lines(problems(.yaml, "m: {a: 1, b: 2, a: 3}\n", path: "y")) == [
            "y:1:17: error: duplicate key \"a\" (first at line 1, column 5)"
        ])
        #expect(lines(problems(.yaml, "m: {a: 1,\n    a: 2}\nn:\n    a: 3\n", path: "y")) == [
            "y:2:5: error: duplicate key \"a\" (first at line 1, column 5)"
        ])
        #expect(lines(problems(.yaml, "n:\n    a: 3\nm: {b: 1, \"a\": 2, a: 3}\n", path: "y")) == [
            "y:3:19: error: duplicate key \"a\" (first at line 3, column 11)"
        ])
    }

    @Test func mergeKeysAndComplexKeysAreRefused() {
        #expect(lines(problems(.yaml, "base: &b {x: 1}\nother:\n  <<: *b\n")) == [
            "data/test:3:3: error: merge keys (\"<<\") are not supported"
        ])
        #expect(lines(problems(.yaml, "? [a, b]\n: 1\n")) == [
            "data/test:1:1: error: explicit keys (\"? \") are not supported; write \"key: value\""
        ])
        #expect(lines(problems(.yaml, "a: &k x\n*k : 2\n")) == ["data/test:2:1: error: an alias cannot be a map key"])
        #expect(lines(problems(.yaml, "[a, b]: 1\n")) == ["data/test:1:6: error: a list or a map cannot be a map key"])
    }

    @Test func blockScalarTextIsNotMistakenForStructure() throws {
        let deepText = String(repeating: "[", count: 1000)
        let value = try read(.yaml, "note: |\n  \(deepText)\n  it's text\nnext: 1\n")
        #expect(value["note"]?.stringValue == deepText + "\nit's text\n")
        #expect(value["next"]?.numberValue == 1)
    }

    @Test func emptyFileIsNull() throws {
        #expect(try read(.yaml, "").isNull)
        #expect(try read(.yaml, "# only a comment\n").isNull)
    }
}
