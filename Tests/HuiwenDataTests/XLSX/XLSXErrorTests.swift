import Foundation
import HuiwenData
import HuiwenDiagnostics
import Testing

/// Cells that cannot give a value and headers that cannot name keys: each an error at
/// `path:ROW:COL` that names the cell (saved by openpyxl).
@Suite struct XLSXErrorTests {
    @Test func everyCellWithoutAValueIsAnErrorAtItsCell() {
        guard let bytes = workbook("errors.xlsx") else { return }
        #expect(workbookProblems(bytes) == [
            "data/cities.xlsx:3:4: error: 各市州!D3 holds -1 under a date format, which is no date (Excel shows ######)",
            "data/cities.xlsx:4:2: error: 各市州!B4 holds the formula =SUM(B2:B3) but no computed value; open and save the file in Excel or WPS",
            "data/cities.xlsx:5:4: error: 各市州!D5 holds 60 under a date format, which Excel shows as the day that does not exist 1900-02-29",
            "data/cities.xlsx:6:4: error: 各市州!D6 holds 0.25 under a date format, which Excel shows as the day that does not exist 1900-01-00",
            "data/cities.xlsx:7:3: error: 各市州!C7 holds #DIV/0!",
            "data/cities.xlsx:8:2: error: 各市州!B8 holds #N/A",
            "data/cities.xlsx:9:3: error: 各市州!C9 holds #REF!",
        ])
    }

    @Test func headerProblemsNameTheirCells() {
        guard let bytes = workbook("header-errors.xlsx") else { return }
        #expect(workbookProblems(bytes) == [
            "data/cities.xlsx:1:3: error: 表头!C1: duplicate column name \"地区\" (first at 表头!A1)",
            "data/cities.xlsx:1:4: error: 表头!D1: column \"a\" is also the map of the dotted column at 表头!E1",
            "data/cities.xlsx:1:6: error: 表头!F1: column name \"c..d\" has an empty part between dots",
            "data/cities.xlsx:2:7: error: 表头!G2 holds a value, but its column has no name in the header (row 1)",
        ])
    }

    @Test func aSheetNameWithADotCannotBeAKey() {
        guard let bytes = workbook("dotted-sheet.xlsx") else { return }
        #expect(workbookProblems(bytes) == [
            "data/cities.xlsx: error: the sheet name \"2025.1\" holds \".\", which separates keys in templates; rename the sheet"
        ])
    }

    @Test func errorsReachTheLoaderWithTheirPlaces() throws {
        guard let bytes = workbook("errors.xlsx") else { return }
        try withProject([:]) { root in
            try FileManager.default.createDirectory(at: root.appendingPathComponent("data"), withIntermediateDirectories: true)
            try Data(bytes).write(to: root.appendingPathComponent("data/cities.xlsx"))
            let result = DataLoader().load(projectRoot: root)
            #expect(result.diagnostics.count == 7)
            #expect(result.diagnostics.first { $0.message.hasSuffix("#DIV/0!") }?.location?.description == "data/cities.xlsx:7:3")
            #expect(result.diagnostics.allSatisfy { $0.sourceLine == nil }, "a workbook has no source line to show")
        }
    }
}
