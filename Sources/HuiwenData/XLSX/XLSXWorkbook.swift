/// What a workbook says about reading its sheets, from its small parts: the sheets in
/// workbook order (name, whether hidden, where the XML is), the date system, the number format
/// of each cell style, and the shared strings.
///
/// Parts are found as Office Open XML says, through relationships (`_rels/.rels` names the
/// workbook, the workbook's `.rels` its sheets, styles and shared strings), not by fixed
/// names; elements and attributes are matched by local name, so a writer's namespace prefixes
/// and the Strict namespaces read the same.
struct XLSXWorkbook {
    struct Sheet: Sendable {
        var name: String
        var isHidden: Bool
        /// The worksheet's part; nil for a chart sheet or another kind without cells.
        var path: String?
    }

    var sheets: [Sheet] = []
    var dateSystem = ExcelDate.System.from1900
    /// The number format of each cell style, by the index a cell's `s` attribute gives.
    var styleFormats: [XLSXNumberFormat] = []
    var sharedStrings: [String] = []

    init(archive: inout XLSXArchive, limits: DataLimits) throws(XLSXFailure) {
        let packageRelationships = try Self.relationships(of: "", in: &archive)
        let workbookPath = packageRelationships.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        guard archive.contains(workbookPath) else {
            if archive.contains("mimetype") || archive.contains("content.xml") {
                throw XLSXFailure("is an OpenDocument spreadsheet (.ods) named .xlsx; save it as an Excel workbook (.xlsx)")
            }
            if archive.contains("word/document.xml") {
                throw XLSXFailure("is a Word document (.docx) named .xlsx, not an Excel workbook")
            }
            throw XLSXFailure("is a ZIP archive without an Excel workbook in it (no \(workbookPath))")
        }
        let relationships = try Self.relationships(of: workbookPath, in: &archive)
        try readWorkbook(workbookPath, relationships: relationships, in: &archive)
        if let styles = relationships.first(where: { $0.type.hasSuffix("/styles") }) {
            try readStyles(styles.target, in: &archive)
        }
        if let strings = relationships.first(where: { $0.type.hasSuffix("/sharedStrings") }) {
            try readSharedStrings(strings.target, in: &archive, limits: limits)
        }
    }

    /// The number format of style `index`; the default style for a cell without one or with an
    /// index the styles do not have (Excel reads those as the default too).
    func format(ofStyle index: Int) -> XLSXNumberFormat {
        styleFormats.indices.contains(index) ? styleFormats[index] : .number
    }

    private mutating func readWorkbook(
        _ path: String, relationships: [Relationship], in archive: inout XLSXArchive
    ) throws(XLSXFailure) {
        var sheets: [Sheet] = []
        var dateSystem = ExcelDate.System.from1900
        try archive.scan(path) { (scanner) throws(XMLError) in
            while true {
                switch try scanner.next() {
                case .start where scanner.isName("workbookPr"):
                    let flag = try scanner.attributeValue("date1904")
                    if flag == "1" || flag == "true" { dateSystem = .from1904 }
                case .start where scanner.isName("sheet"):
                    let name = try scanner.attributeValue("name") ?? ""
                    let state = try scanner.attributeValue("state") ?? "visible"
                    var id: String?
                    try scanner.forEachAttribute { (attribute) throws(XMLError) in
                        guard attribute.hasPrefix, scanner.equals(attribute.name, "id") else { return true }
                        id = try scanner.value(of: attribute)
                        return false
                    }
                    let target = relationships.first { $0.id == id && $0.type.hasSuffix("/worksheet") }?.target
                    sheets.append(Sheet(name: name, isHidden: state != "visible", path: target))
                case .endOfDocument:
                    return
                default:
                    break
                }
            }
        }
        self.sheets = sheets
        self.dateSystem = dateSystem
    }

    private mutating func readStyles(_ path: String, in archive: inout XLSXArchive) throws(XLSXFailure) {
        var codes: [Int: String] = [:]
        var formatIDs: [Int] = []
        try archive.scan(path) { (scanner) throws(XMLError) in
            var inNumberFormats = false
            var inCellFormats = false
            while true {
                switch try scanner.next() {
                case .start where scanner.isName("numFmts"):
                    inNumberFormats = true
                case .end where scanner.isName("numFmts"):
                    inNumberFormats = false
                case .start where scanner.isName("cellXfs"):
                    inCellFormats = true
                case .end where scanner.isName("cellXfs"):
                    inCellFormats = false
                case .start where inNumberFormats && scanner.isName("numFmt"):
                    if let id = try scanner.attributeValue("numFmtId").flatMap({ Int($0) }) {
                        codes[id] = try scanner.attributeValue("formatCode") ?? ""
                    }
                case .start where inCellFormats && scanner.isName("xf"):
                    formatIDs.append(try scanner.attributeValue("numFmtId").flatMap { Int($0) } ?? 0)
                case .endOfDocument:
                    return
                default:
                    break
                }
            }
        }
        styleFormats = formatIDs.map { XLSXNumberFormat(id: $0, code: codes[$0]) }
    }

    private mutating func readSharedStrings(
        _ path: String, in archive: inout XLSXArchive, limits: DataLimits
    ) throws(XLSXFailure) {
        var strings: [String] = []
        var tooMany = false
        try archive.scan(path) { (scanner) throws(XMLError) in
            var reader = RichTextReader()
            while true {
                let event = try scanner.next()
                if case .endOfDocument = event { return }
                if case .start = event, scanner.isName("si") {
                    reader.reset()
                    continue
                }
                if case .end = event, scanner.isName("si") {
                    guard strings.count < limits.maxValues else {
                        tooMany = true
                        return
                    }
                    strings.append(try reader.text(in: scanner))
                    continue
                }
                try reader.take(event, from: scanner)
            }
        }
        if tooMany { throw XLSXFailure("\(path) holds more than \(limits.maxValues) shared strings") }
        sharedStrings = strings
    }
}

extension XLSXWorkbook {
    /// One relationship of a part: `rId3` → `xl/worksheets/sheet1.xml`, with its type URI.
    struct Relationship {
        var id: String
        var type: String
        /// The part's path in the archive, resolved against the source part's folder.
        var target: String
    }

    /// The relationships of the part at `path` ("" for the package), from its `.rels` part;
    /// external targets (links to other files) are left out.
    static func relationships(of path: String, in archive: inout XLSXArchive) throws(XLSXFailure) -> [Relationship] {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? ""
        let file = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        var found: [Relationship] = []
        try archive.scan(relsPath) { (scanner) throws(XMLError) in
            while true {
                switch try scanner.next() {
                case .start where scanner.isName("Relationship"):
                    guard try scanner.attributeValue("TargetMode") != "External",
                        let id = try scanner.attributeValue("Id"), let target = try scanner.attributeValue("Target")
                    else { continue }
                    let type = try scanner.attributeValue("Type") ?? ""
                    found.append(Relationship(id: id, type: type, target: resolve(target, from: folder)))
                case .endOfDocument:
                    return
                default:
                    break
                }
            }
        }
        return found
    }

    /// `worksheets/sheet1.xml` from `xl` is `xl/worksheets/sheet1.xml`; `/xl/…` is from the
    /// root; `..` and `.` steps are followed.
    static func resolve(_ target: String, from folder: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : (folder.isEmpty ? target : folder + "/" + target)
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                _ = parts.popLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}

extension XLSXArchive {
    /// Runs `body` over the XML of the part at `path`, if the archive has it; malformed XML
    /// becomes a failure that names the part and the byte.
    mutating func scan(_ path: String, _ body: (inout XMLScanner) throws(XMLError) -> Void) throws(XLSXFailure) {
        guard let bytes = try bytes(of: path) else { return }
        try Self.scan(bytes, part: path, body)
    }

    static func scan<Result>(
        _ bytes: [UInt8], part: String, _ body: (inout XMLScanner) throws(XMLError) -> Result
    ) throws(XLSXFailure) -> Result {
        do throws(XMLError) {
            return try bytes.withUnsafeBufferPointer { (buffer) throws(XMLError) in
                var scanner = XMLScanner(buffer)
                return try body(&scanner)
            }
        } catch {
            throw XLSXFailure("\(part) is not well-formed XML (at byte \(error.offset): \(error.message)); the file is damaged, save it again in Excel or WPS")
        }
    }
}
