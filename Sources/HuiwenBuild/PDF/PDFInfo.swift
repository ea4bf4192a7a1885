import Foundation

/// Sets a PDF's document information (title, author = the issuing office, creator) and makes
/// its text read as written (`PDFToUnicode`) by an incremental update: the new objects, a
/// cross-reference section for them and a trailer pointing back to the file's own (PDF 1.7,
/// 7.5.6). The printed pages stay byte for byte as Chromium wrote them; a file whose trailer
/// cannot be read is returned as it is.
enum PDFInfo {
    static func updated(_ pdf: [UInt8], title: String?, author: String?, creator: String) -> [UInt8] {
        guard let trailer = Trailer(pdf) else { return pdf }
        var fields: [String] = []
        if let title, !title.isEmpty { fields.append("/Title " + text(title)) }
        if let author, !author.isEmpty { fields.append("/Author " + text(author)) }
        fields.append("/Creator " + text(creator))
        fields.append("/Producer " + text(trailer.producer ?? "Chromium"))
        if let created = trailer.creationDate { fields.append("/CreationDate " + created) }
        let info = PDFToUnicode.Object(
            number: trailer.infoObject, bytes: Array("\(trailer.infoObject) 0 obj\n<<\(fields.joined(separator: "\n"))>>\nendobj\n".utf8))
        let objects = (PDFToUnicode.corrections(in: pdf) + [info]).sorted { $0.number < $1.number }
        var update: [UInt8] = [UInt8(ascii: "\n")]
        var entries: [String] = []
        for object in objects {
            let offset = String(pdf.count + update.count)
            entries.append("\(object.number) 1\n" + String(repeating: "0", count: max(0, 10 - offset.count)) + offset + " 00000 n\r")
            update += object.bytes
        }
        let xrefOffset = pdf.count + update.count
        update += Array("""
            xref
            \(entries.joined(separator: "\n"))
            trailer
            <</Size \(trailer.size) /Root \(trailer.root) /Info \(trailer.infoObject) 0 R /Prev \(trailer.startXref)>>
            startxref
            \(xrefOffset)
            %%EOF

            """.utf8)
        return pdf + update
    }

    /// A text string as UTF-16BE hex with its byte-order mark: any Chinese title is safe.
    static func text(_ value: String) -> String {
        "<FEFF" + value.utf16.map { String(format: "%04X", $0) }.joined() + ">"
    }

    /// What the update needs from the end of the file.
    private struct Trailer {
        var size: Int
        var root: String
        var infoObject: Int
        var startXref: Int
        var producer: String?
        var creationDate: String?

        init?(_ pdf: [UInt8]) {
            let tail = String(decoding: pdf.suffix(4096), as: UTF8.self)
            guard let trailerRange = tail.range(of: "trailer", options: .backwards),
                  let start = PDFCrossReference.lastSection(in: pdf),
                  let size = Self.number(after: "/Size", in: tail[trailerRange.upperBound...]),
                  let root = Self.reference(after: "/Root", in: tail[trailerRange.upperBound...])
            else { return nil }
            self.size = size
            self.root = root
            self.startXref = start
            // The file's own information dictionary is replaced; without one, a new object.
            if let info = Self.reference(after: "/Info", in: tail[trailerRange.upperBound...]),
               let number = Int(info.split(separator: " ").first ?? "") {
                infoObject = number
                let head = String(decoding: pdf.prefix(4096), as: UTF8.self)
                if let object = head.range(of: "\n\(number) 0 obj"), let end = head.range(of: "endobj", range: object.upperBound..<head.endIndex) {
                    let dictionary = head[object.upperBound..<end.lowerBound]
                    producer = Self.literal(after: "/Producer", in: dictionary)
                    creationDate = Self.literal(after: "/CreationDate", in: dictionary).map { "(\($0))" }
                }
            } else {
                infoObject = size
                self.size = size + 1
            }
        }

        static func number(after key: String, in text: Substring) -> Int? {
            guard let range = text.range(of: key) else { return nil }
            return Int(text[range.upperBound...].drop { $0 == " " }.prefix { $0.isNumber })
        }

        static func reference(after key: String, in text: Substring) -> String? {
            guard let range = text.range(of: key) else { return nil }
            let rest = text[range.upperBound...].drop { $0 == " " }
            let parts = rest.split(separator: " ", maxSplits: 2)
            guard parts.count == 3, parts[2].hasPrefix("R") else { return nil }
            return "\(parts[0]) \(parts[1]) R"
        }

        /// A literal string's text (`(Skia/PDF m156)`), without escapes inside.
        static func literal(after key: String, in text: Substring) -> String? {
            guard let range = text.range(of: key + " ("), let end = text[range.upperBound...].firstIndex(of: ")") else { return nil }
            let value = text[range.upperBound..<end]
            return value.contains("\\") ? nil : String(value)
        }
    }
}
