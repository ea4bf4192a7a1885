import Foundation
import HuiwenData
import HuiwenDiagnostics
import Testing

/// Files that are not workbooks, damaged ones, hostile ones and limits: one clear error each,
/// never a crash or a hang.
@Suite struct XLSXFileTests {
    @Test func anEmptyFileIsNoWorkbook() {
        #expect(workbookProblems([]) == ["data/cities.xlsx: error: the file is empty, not an Excel workbook"])
    }

    @Test func aTextFileNamedXlsxIsNoWorkbook() {
        #expect(workbookProblems(Array("地区,起数\n长沙市,1\n".utf8)) == [
            "data/cities.xlsx: error: holds text, not an Excel workbook (.xlsx files are ZIP archives); a CSV file must be named .csv, anything else must be saved as .xlsx in Excel or WPS"
        ])
    }

    @Test func anImageNamedXlsxIsNoWorkbook() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
        #expect(workbookProblems(png) == [
            "data/cities.xlsx: error: is not an Excel workbook (.xlsx files are ZIP archives; this file starts with 89 50 4E 47)"
        ])
    }

    @Test func aTruncatedWorkbookIsOneError() {
        guard let bytes = workbook("values.xlsx") else { return }
        #expect(workbookProblems(Array(bytes.prefix(bytes.count / 2))) == [
            "data/cities.xlsx: error: the workbook is truncated or damaged: its ZIP directory cannot be read; save it again in Excel or WPS"
        ])
        #expect(workbookProblems(Array(bytes.prefix(3))) == [
            "data/cities.xlsx: error: the workbook is truncated or damaged: it is not a complete ZIP archive; save it again in Excel or WPS"
        ])
    }

    /// The same workbook as Apache POI's streaming writer zips it (version 4.5, sizes in ZIP64
    /// data descriptors) and with a ZIP64 field in each local header: read like the original.
    @Test(arguments: ["streamed-zip64.xlsx", "forced-zip64.xlsx"])
    func otherZIPLayoutsOfAWorkbookAreRead(file: String) throws {
        guard let original = workbook("values.xlsx"), let rezipped = workbook(file) else { return }
        let expected = try readWorkbook(original).get().withoutLocations
        #expect(try readWorkbook(rezipped).get().withoutLocations == expected)
    }

    /// Files LibreOffice saved in formats that are not an Excel workbook, named `.xlsx`.
    @Test(arguments: [
        ("lo-old-format.xlsx",
         "is an Excel 97–2003 workbook (.xls) named .xlsx; open it in Excel or WPS and save it as an Excel workbook (.xlsx)"),
        ("lo-encrypted.xlsx",
         "the workbook is encrypted (it asks for a password to open), so it cannot be read; save a copy without the password (Excel: File › Info › Protect Workbook › Encrypt with Password; WPS: 文件 › 文档加密)"),
        ("lo-opendocument.xlsx",
         "is an OpenDocument spreadsheet (.ods) named .xlsx; save it as an Excel workbook (.xlsx)"),
    ])
    func anOldEncryptedOrOpenDocumentFileIsOneError(file: String, message: String) {
        guard let bytes = workbook(file) else { return }
        #expect(workbookProblems(bytes) == ["data/cities.xlsx: error: " + message])
    }

    @Test func aZipBombIsRefusedByItsRatioBeforeInflating() {
        guard let bytes = workbook("bomb-ratio.xlsx") else { return }
        let found = workbookProblems(bytes)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("data/cities.xlsx: error: xl/worksheets/sheet1.xml is compressed ") == true)
        #expect(found.first?.hasSuffix(" to 1, more than 200 to 1: refused as a possible zip bomb") == true)
    }

    @Test func anEntryThatInflatesPastItsDeclaredSizeIsStopped() {
        guard let bytes = workbook("bomb-lying.xlsx") else { return }
        #expect(workbookProblems(bytes) == [
            "data/cities.xlsx: error: xl/worksheets/sheet1.xml inflates past the 100 bytes its ZIP entry declares: the file is damaged or hostile"
        ])
    }

    @Test func theInflatedSizeIsLimited() {
        guard let bytes = workbook("values.xlsx") else { return }
        let found = workbookProblems(bytes, limits: DataLimits(maxUncompressedSize: 1_000))
        #expect(found.count == 1)
        #expect(found.first?.hasSuffix("bytes of the parts before it pass the limit of 1000 bytes") == true, "\(found)")
        let alone = workbookProblems(bytes, limits: DataLimits(maxUncompressedSize: 300))
        #expect(alone.first?.hasSuffix("bytes, over the limit of 300 bytes") == true, "\(alone)")
    }

    @Test func theValueLimitCountsRowsTimesColumns() {
        guard let bytes = workbook("values.xlsx") else { return }
        #expect(workbookProblems(bytes, limits: DataLimits(maxValues: 30)) == [
            "data/cities.xlsx: error: more than 30 values in one file"
        ])
    }

    @Test func theFileSizeIsLimited() {
        guard let bytes = workbook("values.xlsx") else { return }
        #expect(workbookProblems(bytes, limits: DataLimits(maxFileSize: 100)) == [
            "data/cities.xlsx: error: file is \(bytes.count) bytes, over the limit of 100 bytes"
        ])
    }

    @Test func malformedXMLNamesThePartAndTheByte() {
        guard let bytes = workbook("malformed.xlsx") else { return }
        let found = workbookProblems(bytes)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("data/cities.xlsx: error: xl/worksheets/sheet1.xml is not well-formed XML (at byte ") == true)
        #expect(found.first?.contains("end tag </rows> does not close <row>") == true, "\(found)")
    }

    @Test func aDoctypeIsRefused() {
        guard let bytes = workbook("doctype.xlsx") else { return }
        let found = workbookProblems(bytes)
        #expect(found.count == 1)
        #expect(found.first?.contains("a DOCTYPE is not allowed in a workbook") == true, "\(found)")
    }
}
