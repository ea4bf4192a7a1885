import Foundation
import HuiwenData
import HuiwenDiagnostics
import Testing

/// Workbooks LibreOffice saved from CSV (`soffice --headless --convert-to xlsx`): shared
/// strings, its own styles, formulas with their computed values.
@Suite struct XLSXLibreOfficeTests {
    @Test func valuesFormulasAndDatesAsLibreOfficeSavesThem() throws {
        guard let bytes = workbook("lo-values.xlsx") else { return }
        let rows = try #require(try readWorkbook(bytes).get().listItems)
        #expect(rows.count == 2)
        #expect(rows[0].mapEntries.map { Array($0.keys) } == ["地区", "区号", "事故起数", "去年同期", "比例", "填报日期", "合计"])
        #expect(rows[0]["地区"]?.kind == .string("长沙市"))
        #expect(rows[0]["区号"]?.kind == .string("0731"), "a column imported as text")
        #expect(rows[0]["比例"]?.numberValue == number("0.279"))
        #expect(rows[0]["填报日期"]?.kind == .date(CalendarDate(year: 2026, month: 1, day: 10)))
        #expect(rows[1]["合计"]?.numberValue == 1510, "=C3+D3, as computed when saved")
        #expect(rows[1]["合计"]?.location?.description == "data/cities.xlsx:3:7")
    }

    @Test func errorValuesOfFormulasAreErrorsAtTheirCells() {
        guard let bytes = workbook("lo-errors.xlsx") else { return }
        #expect(workbookProblems(bytes) == [
            "data/cities.xlsx:2:4: error: 'lo-errors'!D2 holds #DIV/0! (its formula: =C2/0)",
            "data/cities.xlsx:3:4: error: 'lo-errors'!D3 holds #N/A (its formula: =NA())",
        ])
    }
}
