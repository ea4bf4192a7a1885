import Foundation
import HuiwenData
import HuiwenDiagnostics
import Testing

@Suite struct CSVReaderTests {
    @Test func headerNamesTheKeysInOrderAndMayBeChinese() throws {
        let value = try read(.csv, "地区,事故起数,死亡人数\n长沙市,1328,487\n株洲市,630,195\n")
        let rows = try #require(value.listItems)
        #expect(rows.count == 2)
        #expect(rows[0].mapEntries.map { Array($0.keys) } == ["地区", "事故起数", "死亡人数"])
        #expect(rows[1]["地区"]?.stringValue == "株洲市")
        #expect(rows[1]["死亡人数"]?.numberValue == 195)
    }

    @Test(arguments: [
        ("0", "0"), ("0.5", "0.5"), ("-3", "-3"), ("12.50", "12.5"), ("12133", "12133"), ("27.85", "27.85"),
    ])
    func plainDecimalNumeralsAreNumbers(cell: String, expected: String) throws {
        let value = try read(.csv, "x\n\(cell)\n")
        #expect(value.listItems?.first?["x"]?.numberValue == number(expected))
    }

    @Test(arguments: ["0731", "1e5", "+1", "\"1,000\"", " 12", ".5", "1.", "-", "12a", "00"])
    func otherCellsStayText(cell: String) throws {
        let value = try read(.csv, "x\n\(cell)\n")
        let text = cell == "\"1,000\"" ? "1,000" : cell
        #expect(value.listItems?.first?["x"]?.stringValue == text)
    }

    @Test func quotedCellsAreTextAndEmptyCellsAreEmptyStrings() throws {
        let value = try read(.csv, "a,b,c\n\"12\",,2026-01-10\n")
        let row = try #require(value.listItems?.first)
        #expect(row["a"]?.stringValue == "12")
        #expect(row["b"]?.stringValue == "")
        #expect(row["c"]?.kind == .date(CalendarDate(year: 2026, month: 1, day: 10)))
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let value = try read(.csv, "name,note\n\"长沙市,岳麓区\",\"他说\"\"好\"\"\r\n第二行\"\nx,y\n")
        let rows = try #require(value.listItems)
        #expect(rows[0]["name"]?.stringValue == "长沙市,岳麓区")
        #expect(rows[0]["note"]?.stringValue == "他说\"好\"\r\n第二行")
        #expect(rows[1]["name"]?.location?.line == 4)
    }

    @Test func byteOrderMarkAndCRLFAreHandled() throws {
        let value = try read(.csv, "\u{FEFF}地区,数值\r\n长沙市,1\r\n\r\n株洲市,2\r\n", path: "data/c.csv")
        let rows = try #require(value.listItems)
        #expect(rows.map { $0["地区"]?.stringValue } == ["长沙市", "株洲市"])
        #expect(rows[0]["地区"]?.location == SourceLocation(path: "data/c.csv", line: 2, column: 1))
        #expect(rows[1]["数值"]?.location == SourceLocation(path: "data/c.csv", line: 4, column: 5))
        #expect(rows[1]["数值"]?.numberValue == 2)
    }

    @Test func dottedColumnsNestIntoMaps() throws {
        let value = try read(.csv, "name,accidents.current,accidents.previous\n长沙市,1328,1867\n")
        let row = try #require(value.listItems?.first)
        #expect(row.mapEntries.map { Array($0.keys) } == ["name", "accidents"])
        #expect(row.value(at: ["accidents", "previous"])?.numberValue == 1867)
    }

    @Test func raggedRowsAreAllReportedWithTheirLines() {
        let found = problems(.csv, "a,b\n1,2\n1\n1,2,3\n", path: "data/r.csv")
        #expect(lines(found) == [
            "data/r.csv:3:1: error: row has 1 fields, the header has 2",
            "data/r.csv:4:1: error: row has 3 fields, the header has 2",
        ])
    }

    @Test func unterminatedQuoteIsReportedAtTheQuote() {
        let found = problems(.csv, "a,b\n1,\"open\n2,3\n", path: "data/q.csv")
        #expect(lines(found) == ["data/q.csv:2:3: error: unterminated quoted field"])
    }

    @Test func strayQuotesAreReported() {
        #expect(lines(problems(.csv, "a\nx\"y\n", path: "q")) == [
            "q:2:2: error: a quote inside an unquoted field; quote the whole field and double the quote (\"\")"
        ])
        #expect(lines(problems(.csv, "a\n\"x\"y\n", path: "q")) == [
            "q:2:4: error: unexpected \"y\" after a closing quote; expected \",\" or a line break"
        ])
    }

    @Test func emptyAndDuplicateHeaderNamesAreErrors() {
        let found = problems(.csv, "地区,,地区,a,a.b\n1,2,3,4,5\n", path: "h")
        #expect(lines(found) == [
            "h:1:4: error: empty column name in the header",
            "h:1:5: error: duplicate column name \"地区\" (first at line 1, column 1)",
            "h:1:8: error: column \"a\" is also the map of the dotted column at line 1, column 10",
        ])
    }

    @Test func emptyFileIsAnEmptyList() throws {
        #expect(try read(.csv, "").listItems?.isEmpty == true)
        #expect(try read(.csv, "a,b\n").listItems?.isEmpty == true)
    }
}
