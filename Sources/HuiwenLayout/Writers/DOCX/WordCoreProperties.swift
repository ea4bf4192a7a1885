import Foundation

/// `docProps/core.xml`: the title, the issuing office as creator, and the document's own date
/// as created and modified — never the clock's, so the same document gives the same bytes.
enum WordCoreProperties {
    static func xml(for document: Document) -> String {
        var xml = WordPackage.xmlDeclaration
        xml += #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#
        xml += #"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#
        xml += #"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
        if let title = document.title, !title.isEmpty {
            xml += "<dc:title>\(XMLText.escaped(title))</dc:title>"
        }
        xml += "<dc:creator>\(XMLText.escaped(document.author ?? "huiwen"))</dc:creator>"
        if let date = timestamp(document.closing.date ?? document.byline.date) {
            xml += #"<dcterms:created xsi:type="dcterms:W3CDTF">\#(date)</dcterms:created>"#
            xml += #"<dcterms:modified xsi:type="dcterms:W3CDTF">\#(date)</dcterms:modified>"#
        }
        return xml + "</cp:coreProperties>"
    }

    /// `2026年1月12日` or `2026-01-12` (with or without leading zeros) as
    /// `2026-01-12T00:00:00Z`; nil for anything else (`二〇二六年一月十二日`, a month 13).
    static func timestamp(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var fields: [Int] = []
        var digits = ""
        var separators: [Character] = []
        for character in trimmed {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else {
                guard !digits.isEmpty, let value = Int(digits) else { return nil }
                fields.append(value)
                separators.append(character)
                digits = ""
            }
        }
        if !digits.isEmpty, let value = Int(digits) { fields.append(value) }
        let chinese = separators == ["年", "月", "日"]
        let iso = separators == ["-", "-"]
        guard fields.count == 3, chinese || iso, digits.isEmpty == chinese else { return nil }
        let (year, month, day) = (fields[0], fields[1], fields[2])
        guard (1000...9999).contains(year), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else {
            return nil
        }
        return String(format: "%04d-%02d-%02dT00:00:00Z", year, month, day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
