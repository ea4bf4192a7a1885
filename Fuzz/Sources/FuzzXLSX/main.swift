import Foundation
import FuzzSupport
import ZIPFoundation

/// The workbook reader. Input that starts with "PK" is read as the file itself (the ZIP layer:
/// damaged archives, bombs); any other input is cut at each 0xFF byte into the parts of a
/// workbook (sheet, shared strings, styles, workbook), which are zipped with valid checksums,
/// so the fuzzer reaches the XML scanner and the table rules rather than stopping at a CRC.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Fuzz.bytes(start, count)
    if bytes.starts(with: Array("PK".utf8)) {
        Fuzz.read(bytes, as: .xlsx)
        return 0
    }
    let parts = bytes.split(separator: 0xFF, omittingEmptySubsequences: false).map { Data($0) }
    func part(_ index: Int, _ fallback: String) -> Data {
        index < parts.count ? parts[index] : Data(fallback.utf8)
    }
    let files: [(String, Data)] = [
        ("[Content_Types].xml", Data(Workbook.contentTypes.utf8)),
        ("_rels/.rels", Data(Workbook.packageRelationships.utf8)),
        ("xl/workbook.xml", part(3, Workbook.workbook)),
        ("xl/_rels/workbook.xml.rels", Data(Workbook.workbookRelationships.utf8)),
        ("xl/worksheets/sheet1.xml", part(0, "")),
        ("xl/sharedStrings.xml", part(1, Workbook.sharedStrings)),
        ("xl/styles.xml", part(2, Workbook.styles)),
    ]
    guard let archive = try? Archive(data: Data(), accessMode: .create) else { return 0 }
    for (path, contents) in files {
        try? archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(contents.count), compressionMethod: .deflate,
            provider: { position, size in contents.subdata(in: Int(position)..<Int(position) + size) })
    }
    guard let zipped = archive.data else { return 0 }
    Fuzz.read(Array(zipped), as: .xlsx)
    return 0
}

/// The fixed parts of a one-sheet workbook, as Excel writes them (trimmed).
enum Workbook {
    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
        """
    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """
    static let workbook = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="各市州" sheetId="1" r:id="rId1"/></sheets></workbook>
        """
    static let workbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """
    static let sharedStrings = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>地区</t></si><si><t>长沙市</t></si></sst>
        """
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>
        """
}
