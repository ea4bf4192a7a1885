import Foundation
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A `.docx` read back for the tests: its entries in order, with their texts and the raw
/// fields ZIP stores about them.
struct DOCXPackageReader {
    struct Entry {
        var path: String
        var data: [UInt8]
        var isCompressed: Bool
        var text: String { String(decoding: data, as: UTF8.self) }
    }

    let bytes: [UInt8]
    let entries: [Entry]

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var entries: [Entry] = []
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            entries.append(Entry(path: entry.path, data: [UInt8](data), isCompressed: entry.isCompressed))
        }
        self.entries = entries
    }

    var paths: [String] { entries.map(\.path) }

    /// The XML parts: every entry but the workbooks embedded beside charts, whose own parts
    /// come instead, under the workbook's path (`word/embeddings/chart1.xlsx/xl/workbook.xml`).
    func xmlParts() throws -> [Entry] {
        var parts: [Entry] = []
        for entry in entries {
            guard entry.path.hasSuffix(".xlsx") else {
                parts.append(entry)
                continue
            }
            for inner in try DOCXPackageReader(entry.data).entries {
                parts.append(Entry(path: entry.path + "/" + inner.path, data: inner.data, isCompressed: inner.isCompressed))
            }
        }
        return parts
    }

    subscript(path: String) -> String? {
        entries.first { $0.path == path }?.text
    }

    /// The (DOS time, DOS date) of every local file header, read from the bytes.
    var localHeaderTimestamps: [(time: UInt16, date: UInt16)] {
        var stamps: [(UInt16, UInt16)] = []
        var offset = 0
        while offset + 30 <= bytes.count, bytes[offset..<offset + 4].elementsEqual([0x50, 0x4B, 0x03, 0x04]) {
            let field = { (at: Int) in UInt16(self.bytes[offset + at]) | UInt16(self.bytes[offset + at + 1]) << 8 }
            let compressedSize = Int(field(18)) | Int(field(20)) << 16
            stamps.append((field(10), field(12)))
            offset += 30 + Int(field(26)) + Int(field(28)) + compressedSize
        }
        return stamps
    }

    /// Whether `text` parses as XML; the parser's error otherwise.
    static func parseError(_ text: String) -> String? {
        let parser = XMLParser(data: Data(text.utf8))
        return parser.parse() ? nil : String(describing: parser.parserError)
    }
}

/// The paragraphs of a WordprocessingML part, in order: each paragraph's style id (nil for
/// Normal) and text, read with XMLParser.
final class WordParagraphReader: NSObject, XMLParserDelegate {
    struct Paragraph: Equatable {
        var style: String?
        var text: String
    }

    private(set) var paragraphs: [Paragraph] = []
    private var current: Paragraph?
    private var inText = false

    static func paragraphs(of xml: String) -> [Paragraph] {
        let reader = WordParagraphReader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        parser.parse()
        return reader.paragraphs
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "w:p": current = Paragraph(style: nil, text: "")
        case "w:pStyle": current?.style = attributes["w:val"]
        case "w:t", "w:instrText": inText = name == "w:t"
        case "w:tab": if current != nil, name == "w:tab", attributes["w:val"] == nil { current?.text += "\t" }
        case "w:br": current?.text += "\n"
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "w:p":
            if let current { paragraphs.append(current) }
            current = nil
        case "w:t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current?.text += string }
    }
}
