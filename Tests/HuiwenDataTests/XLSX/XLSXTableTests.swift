import Foundation
import HuiwenData
import HuiwenDiagnostics
import Testing

/// Tables as people make them, and workbooks of several sheets (saved by openpyxl).
@Suite struct XLSXTableTests {
    @Test func titleRowTwoRowHeaderAndBlankRowsAndColumnsAround() throws {
        guard let bytes = workbook("table.xlsx") else { return }
        let rows = try #require(try readWorkbook(bytes).get().listItems)
        // The title (B2, merged to H2) is skipped; B3:B4 names a column alone; 事故起数 over 本期 | 去年同期 nests.
        #expect(rows[0].mapEntries.map { Array($0.keys) } == ["地区", "人民政府", "区号", "事故起数", "死亡人数"])
        #expect(rows[0]["事故起数"]?.mapEntries.map { Array($0.keys) } == ["本期", "去年同期"])
        #expect(rows[0].value(at: ["死亡人数", "去年同期"])?.numberValue == 583)
        #expect(rows.map { $0["地区"]?.stringValue } == ["长沙市", "株洲市", "湘潭市", "衡阳市", "合计"])
        #expect(rows[0].location?.description == "data/cities.xlsx:5:2")
        #expect(rows[0].value(at: ["事故起数", "本期"])?.location?.description == "data/cities.xlsx:5:5")
    }

    @Test func anEmptyRowInsideTheTableIsSkippedAndEndsNothing() throws {
        guard let bytes = workbook("table.xlsx") else { return }
        let rows = try #require(try readWorkbook(bytes).get().listItems)
        #expect(rows.count == 5)
        #expect(rows[3]["地区"]?.location?.description == "data/cities.xlsx:9:2", "the row after the empty row 8")
    }

    @Test func emptyCellsAreEmptyStringsAndATotalRowStaysARow() throws {
        guard let bytes = workbook("table.xlsx") else { return }
        let rows = try #require(try readWorkbook(bytes).get().listItems)
        #expect(rows[2]["人民政府"]?.kind == .string(""))
        #expect(rows[2]["人民政府"]?.location?.description == "data/cities.xlsx:7:3")
        let total = rows[4]
        #expect(total["地区"]?.stringValue == "合计")
        #expect(total["区号"]?.kind == .string(""))
        #expect(total.value(at: ["事故起数", "本期"])?.numberValue == 3373)
    }

    @Test func severalVisibleSheetsAreAMapInWorkbookOrder() throws {
        guard let bytes = workbook("layouts.xlsx") else { return }
        let sheets = try #require(try readWorkbook(bytes).get().mapEntries)
        #expect(Array(sheets.keys) == ["标题未合并", "下行标签", "点号", "数字表头", "一列"])
    }

    @Test func aTitleTypedInOneCellAboveAWiderTableIsSkipped() throws {
        guard let bytes = workbook("layouts.xlsx") else { return }
        let rows = try #require(try readWorkbook(bytes).get()["标题未合并"]?.listItems)
        #expect(rows.count == 1)
        #expect(rows[0].mapEntries.map { Array($0.keys) } == ["地区", "起数"])
    }

    @Test func aTwoRowHeaderNamesAColumnFromEitherRow() throws {
        guard let bytes = workbook("layouts.xlsx") else { return }
        let rows = try #require(try readWorkbook(bytes).get()["下行标签"]?.listItems)
        #expect(rows.count == 1)
        // 地区 has nothing under it, 区号 nothing above it, 事故起数 is merged over two columns.
        #expect(rows[0].mapEntries.map { Array($0.keys) } == ["地区", "区号", "事故起数"])
        #expect(rows[0]["区号"]?.kind == .string("0731"))
        #expect(rows[0].value(at: ["事故起数", "current"])?.numberValue == 1328)
        #expect(rows[0].value(at: ["事故起数", "previous"])?.location?.description == "data/cities.xlsx:3:4")
    }

    @Test func aDotInAHeaderNestsAndANumberInAHeaderIsItsText() throws {
        guard let bytes = workbook("layouts.xlsx") else { return }
        let sheets = try readWorkbook(bytes).get()
        #expect(sheets.value(at: ["点号", "0", "accidents", "previous"])?.numberValue == 1867)
        #expect(sheets["数字表头"]?.listItems?.first?.mapEntries.map { Array($0.keys) } == ["地区", "2024", "2025"])
    }

    @Test func aOneColumnTableHasNoTitle() throws {
        guard let bytes = workbook("layouts.xlsx") else { return }
        let rows = try #require(try readWorkbook(bytes).get()["一列"]?.listItems)
        #expect(rows.compactMap { $0["地区"]?.stringValue } == ["长沙市", "株洲市"])
    }

    @Test func hiddenEmptyAndChartSheetsAreSkipped() throws {
        guard let bytes = workbook("sheets.xlsx") else { return }
        let value = try readWorkbook(bytes).get()
        // 草稿 (hidden, holding #DIV/0!), 备用 (very hidden), Sheet3 (empty) and 图表 (a chart) are left out.
        #expect(value.mapEntries.map { Array($0.keys) } == ["长沙", "株洲"])
        #expect(value.value(at: ["株洲", "0", "数值"])?.numberValue == 630)
    }

    @Test func oneVisibleSheetBesideAHiddenOneIsAList() throws {
        guard let bytes = workbook("one-visible.xlsx") else { return }
        let rows = try #require(try readWorkbook(bytes).get().listItems)
        #expect(rows.count == 1)
        #expect(rows[0]["起数"]?.numberValue == 1328)
    }
}
