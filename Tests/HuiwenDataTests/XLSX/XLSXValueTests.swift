import Foundation
import HuiwenData
import HuiwenDiagnostics
import Testing

/// Values exactly as the workbook shows them, each at `path:ROW:COL` (workbooks saved by openpyxl).
@Suite struct XLSXValueTests {
    @Test func oneVisibleSheetIsAListOfRowsKeyedByTheHeader() throws {
        guard let bytes = workbook("values.xlsx") else { return }
        let rows = try #require(try readWorkbook(bytes).get().listItems)
        #expect(rows.count == 2)
        #expect(rows[0].mapEntries.map { Array($0.keys) } == [
            "地区", "区号", "邮编", "事故起数", "比例", "小数", "浮点", "大数", "小数值", "负数", "填报日期", "核实", "备注", "accidents",
        ])
        #expect(rows[0].value(at: ["accidents", "previous"])?.numberValue == 1867)
        #expect(rows[1]["地区"]?.stringValue == "株洲市")
    }

    @Test func numbersAreExactAtFifteenSignificantDigits() throws {
        guard let bytes = workbook("values.xlsx") else { return }
        let rows = try #require(try readWorkbook(bytes).get().listItems)
        let first = try #require(rows.first)
        #expect(first["事故起数"]?.numberValue == 1328)
        #expect(first["比例"]?.numberValue == number("0.279"), "a percent-formatted cell keeps its number")
        #expect(first["小数"]?.numberValue == number("27.85"), "27.849999999999998 as stored")
        #expect(first["浮点"]?.numberValue == number("0.3"), "0.30000000000000004 as stored")
        #expect(first["大数"]?.numberValue == number("123456789012346000"), "Excel shows 15 digits of 123456789012345678")
        #expect(first["小数值"]?.numberValue == number("0.000012"), "1.2e-05 as stored")
        #expect(first["负数"]?.numberValue == number("-3.5"))
        #expect(rows[1]["小数值"]?.numberValue == number("0.00000000000000000001"))
        #expect(rows[1]["大数"]?.numberValue == 0)
    }

    @Test func textCellsStayTextBooleansAndDatesAreTyped() throws {
        guard let bytes = workbook("values.xlsx") else { return }
        let rows = try #require(try readWorkbook(bytes).get().listItems)
        #expect(rows[0]["区号"]?.kind == .string("0731"))
        #expect(rows[0]["邮编"]?.kind == .string("110000"))
        #expect(rows[0]["填报日期"]?.kind == .date(CalendarDate(year: 2026, month: 1, day: 10)))
        #expect(rows[1]["填报日期"]?.kind == .date(CalendarDate(year: 2025, month: 12, day: 31)))
        #expect(rows[0]["核实"]?.kind == .bool(true))
        #expect(rows[1]["核实"]?.kind == .bool(false))
    }

    @Test func everyValueIsAtItsRowAndColumn() throws {
        guard let bytes = workbook("values.xlsx") else { return }
        let rows = try #require(try readWorkbook(bytes, path: "data/cities.xlsx").get().listItems)
        #expect(rows[0].location == SourceLocation(path: "data/cities.xlsx", line: 2, column: 1))
        #expect(rows[0]["区号"]?.location == SourceLocation(path: "data/cities.xlsx", line: 2, column: 2))
        #expect(rows[1]["核实"]?.location == SourceLocation(path: "data/cities.xlsx", line: 3, column: 12))
        #expect(rows[1].value(at: ["accidents", "previous"])?.location?.description == "data/cities.xlsx:3:15")
    }

    @Test func anEmptyCellInsideTheTableIsAnEmptyStringAtItsPlace() throws {
        guard let bytes = workbook("values.xlsx") else { return }
        let rows = try #require(try readWorkbook(bytes).get().listItems)
        #expect(rows[1]["备注"]?.kind == .string(""))
        #expect(rows[1]["备注"]?.location?.description == "data/cities.xlsx:3:13")
    }

    @Test func theWorkbookGivesWhatTheSameTableGivesAsCSV() throws {
        guard let bytes = workbook("table.xlsx") else { return }
        let sheet = try readWorkbook(bytes).get()
        // The same table as a CSV file, its two-row header written as dotted names.
        let csv = """
            地区,人民政府,区号,事故起数.本期,事故起数.去年同期,死亡人数.本期,死亡人数.去年同期
            长沙市,长沙市人民政府,0731,1328,1867,487,583
            株洲市,株洲市人民政府,0733,630,880,195,251
            湘潭市,,0732,451,567,147,166
            衡阳市,衡阳市人民政府,0734,964,1307,307,359
            合计,,,3373,4621,1136,1359

            """
        let fromCSV = try read(.csv, csv)
        #expect(sheet.withoutLocations == fromCSV.withoutLocations)
    }

    @Test func sharedStringsRichTextEntitiesAndExcelEscapesReadAsTheirText() throws {
        guard let bytes = workbook("handmade-xml.xlsx") else { return }
        let rows = try #require(try readWorkbook(bytes).get().listItems)
        #expect(rows.count == 2)
        #expect(rows[0].mapEntries.map { Array($0.keys) } == ["地区", "文字", "数值", "公式", "空公式", "布尔", "日期", "样式日期", "百分比"])
        #expect(rows[0]["地区"]?.stringValue == "长沙市 ", "runs joined, white space kept, the phonetic guide left out")
        #expect(rows[0]["文字"]?.stringValue == "第一行\r\n第二行_x0041_", "_x000D_ is a carriage return, _x005F_ an underscore")
        #expect(rows[1]["文字"]?.stringValue == "<a> & 市市", "entities and character references")
        #expect(rows[1]["地区"]?.stringValue == "株洲市", "an inline string in rich text runs")
        #expect(rows[0]["数值"]?.numberValue == number("27.85"), "a value split by a comment and CDATA")
        #expect(rows[1]["数值"]?.numberValue == number("0.000012"))
        #expect(rows[0]["公式"]?.stringValue == "市区", "a formula's text result")
        #expect(rows[0]["空公式"]?.stringValue == "", "a formula's empty text is an empty cell")
        #expect(rows[0]["布尔"]?.kind == .bool(true))
        #expect(rows[1]["布尔"]?.kind == .bool(false))
        #expect(rows[0]["日期"]?.kind == .date(CalendarDate(year: 2026, month: 1, day: 10)), "an ISO date cell")
        #expect(rows[1]["日期"]?.stringValue == "2026-01-10 14:30:00")
        #expect(rows[0]["样式日期"]?.kind == .date(CalendarDate(year: 2026, month: 1, day: 10)), "a declared custom format")
        #expect(rows[1]["样式日期"]?.kind == .date(CalendarDate(year: 2026, month: 1, day: 10)), "the hidden time left out")
        #expect(rows[1]["空公式"]?.stringValue == "", "an empty self-closing cell")
        #expect(rows[0]["百分比"]?.numberValue == number("0.279"))
        #expect(rows[1]["百分比"]?.numberValue == 0, "-0")
        // Cells without r take the next column; the row without r the next row.
        #expect(rows[0]["百分比"]?.location?.description == "data/cities.xlsx:2:9")
        #expect(rows[1]["公式"]?.location?.description == "data/cities.xlsx:3:4")
    }

    @Test func storedNumbersBecomeTheDecimalsExcelShows() throws {
        guard let bytes = workbook("handmade-numbers.xlsx") else { return }
        let rows = try #require(try readWorkbook(bytes).get().listItems)
        #expect(rows.count == 20)
        for row in rows {
            let shown = try #require(row["shown"]?.stringValue)
            let stored = try #require(row["stored"]?.numberValue, "\(shown)")
            #expect(Value.plainText(of: stored) == shown, "row \(row.location?.line ?? 0)")
        }
    }

    @Test func cellsWrittenOutOfOrderAreReadInOrder() throws {
        guard let bytes = workbook("handmade-order.xlsx") else { return }
        let rows = try #require(try readWorkbook(bytes).get().listItems)
        #expect(rows.map { $0["地区"]?.stringValue } == ["长沙市", "株洲市"])
        #expect(rows.map { $0["起数"]?.numberValue } == [20, 30], "the later of two cells at B2 kept")
        #expect(rows[1]["地区"]?.location?.description == "data/cities.xlsx:3:1")
    }
}
