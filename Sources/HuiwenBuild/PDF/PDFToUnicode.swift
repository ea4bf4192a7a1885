import Foundation
import HuiwenText
import ZIPFoundation

/// Makes a printed PDF's text read as written when it is searched, copied or read aloud.
///
/// A PDF names the text of each glyph in its font's `ToUnicode` map. Chromium (Skia) takes the
/// first code point the font's `cmap` gives a glyph, and fonts that draw a CJK radical and its
/// ideograph with one glyph (Noto CJK, Source Han and many others) so make 人 read as ⼈
/// (U+2F08 KANGXI RADICAL MAN), 长 as ⻓, 门 as ⻔: the page looks right, but a search for 人
/// finds nothing. This rewrites those maps, each radical becoming its ideograph
/// (`RadicalIdeographs`), as replacement objects for an incremental update (`PDFInfo`).
enum PDFToUnicode {
    /// A replaced object: its number and its whole new text (`N 0 obj … endobj`).
    struct Object {
        var number: Int
        var bytes: [UInt8]
    }

    /// The corrected `ToUnicode` streams of `pdf` (those that name a radical), as uncompressed
    /// objects; none for a file whose cross-reference table or streams cannot be read.
    static func corrections(in pdf: [UInt8]) -> [Object] {
        guard let offsets = PDFCrossReference.objectOffsets(in: pdf) else { return [] }
        var corrected: [Object] = []
        for number in toUnicodeObjects(in: pdf) {
            guard let offset = offsets[number], let stream = stream(at: offset, in: pdf),
                  let map = inflated(stream), let text = String(bytes: map, encoding: .ascii)
            else { continue }
            let fixed = correctedMap(text)
            guard fixed != text else { continue }
            let data = deflated(Array(fixed.utf8))
            let head = data == nil ? "<</Length \(fixed.utf8.count)>>" : "<</Filter /FlateDecode\n/Length \(data!.count)>>"
            let body = Array("\(number) 0 obj\n\(head) stream\n".utf8) + (data ?? Array(fixed.utf8)) + Array("\nendstream\nendobj\n".utf8)
            corrected.append(Object(number: number, bytes: body))
        }
        return corrected
    }

    /// A CMap's text with every destination that is a radical made its ideograph. A `bfrange`
    /// whose run of destinations crosses one is written out as an array; each entry stays one
    /// entry, so the sections' counts hold.
    static func correctedMap(_ text: String) -> String {
        var section = ""
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.split(separator: " ")
            if let last = words.last, last.hasPrefix("begin") || last.hasPrefix("end") {
                section = String(last)
                lines.append(String(line))
                continue
            }
            let hex = line.split(separator: ">", omittingEmptySubsequences: true).compactMap { piece -> String? in
                guard let open = piece.lastIndex(of: "<") else { return nil }
                return String(piece[piece.index(after: open)...])
            }
            switch section {
            case "beginbfchar" where hex.count == 2:
                lines.append("<\(hex[0])> <\(corrected(hex[1]))>")
            case "beginbfrange" where hex.count == 3 && !line.contains("["):
                lines.append(correctedRange(from: hex[0], to: hex[1], start: hex[2]) ?? String(line))
            case "beginbfrange" where hex.count > 2:
                let array = hex.dropFirst(2).map { "<\(corrected($0))>" }.joined(separator: " ")
                lines.append("<\(hex[0])> <\(hex[1])> [\(array)]")
            default:
                lines.append(String(line))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A destination (UTF-16BE in hex) with its radicals made ideographs.
    static func corrected(_ hex: String) -> String {
        guard let units = utf16Units(hex) else { return hex }
        let text = String(decoding: units, as: UTF16.self)
        var fixed = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { fixed.append(RadicalIdeographs.ideograph(for: scalar) ?? scalar) }
        guard String(fixed) != text else { return hex }
        return String(fixed).utf16.map { String(format: "%04X", $0) }.joined()
    }

    /// `<lo> <hi> <start>` written out when one of its destinations is a radical; nil when none is.
    static func correctedRange(from low: String, to high: String, start: String) -> String? {
        guard let first = UInt32(low, radix: 16), let last = UInt32(high, radix: 16), last >= first, last - first < 256,
              let units = utf16Units(start), units.count == 1
        else { return nil }
        let destinations = (0...(last - first)).compactMap { Unicode.Scalar(UInt32(units[0]) + $0) }
        guard destinations.count == Int(last - first) + 1,
              destinations.contains(where: { RadicalIdeographs.ideograph(for: $0) != nil })
        else { return nil }
        let array = destinations.map { "<" + corrected(String(format: "%04X", $0.value)) + ">" }.joined(separator: " ")
        return "<\(low)> <\(high)> [\(array)]"
    }

    static func utf16Units(_ hex: String) -> [UInt16]? {
        guard hex.count % 4 == 0, !hex.isEmpty else { return nil }
        var units: [UInt16] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 4)
            guard let unit = UInt16(hex[index..<next], radix: 16) else { return nil }
            units.append(unit)
            index = next
        }
        return units
    }

    /// The objects named by `/ToUnicode N 0 R`, each once, in order.
    static func toUnicodeObjects(in pdf: [UInt8]) -> [Int] {
        let key = Array("/ToUnicode ".utf8)
        var numbers: [Int] = []
        var seen: Set<Int> = []
        var index = 0
        while let found = ByteSearch.firstIndex(of: key, in: pdf, from: index) {
            index = found + key.count
            guard let number = PDFBytes.integer(in: pdf, at: index) else { continue }
            if seen.insert(number).inserted { numbers.append(number) }
        }
        return numbers
    }

    /// The raw bytes of a FlateDecode stream object at `offset` (its `/Length` a direct number).
    static func stream(at offset: Int, in pdf: [UInt8]) -> ArraySlice<UInt8>? {
        let keyword = Array("stream".utf8)
        guard offset < pdf.count, let start = ByteSearch.firstIndex(of: keyword, in: pdf, from: offset), start - offset < 512 else { return nil }
        let dictionary = String(decoding: pdf[offset..<start], as: UTF8.self)
        guard dictionary.contains("/FlateDecode"), !dictionary.contains("/DecodeParms"),
              let lengthKey = dictionary.range(of: "/Length "),
              let length = Int(dictionary[lengthKey.upperBound...].prefix { $0.isNumber }),
              !dictionary[lengthKey.upperBound...].drop(while: { $0.isNumber }).hasPrefix(" 0 R")
        else { return nil }
        var data = start + keyword.count
        if data < pdf.count, pdf[data] == UInt8(ascii: "\r") { data += 1 }
        if data < pdf.count, pdf[data] == UInt8(ascii: "\n") { data += 1 }
        guard length > 2, data + length <= pdf.count else { return nil }
        return pdf[data..<(data + length)]
    }

    /// `bytes` as a zlib stream (header, deflate data, Adler-32), as Chromium writes its maps;
    /// nil when the compressor fails (the map is then written as it is).
    static func deflated(_ bytes: [UInt8]) -> [UInt8]? {
        let input = Data(bytes)
        var output: [UInt8] = [0x78, 0x9C]
        do {
            _ = try Data.compress(
                size: Int64(input.count), bufferSize: max(1, input.count),
                provider: { position, size in input.subdata(in: Int(position)..<min(input.count, Int(position) + size)) },
                consumer: { output += $0 })
        } catch {
            return nil
        }
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        let adler = b << 16 | a
        return output + [UInt8(adler >> 24), UInt8(adler >> 16 & 0xFF), UInt8(adler >> 8 & 0xFF), UInt8(adler & 0xFF)]
    }

    /// A zlib stream inflated (its two header bytes skipped), at most 4 MiB; nil when it is not
    /// one.
    static func inflated(_ stream: ArraySlice<UInt8>) -> [UInt8]? {
        let input = Data(stream.dropFirst(2))
        var output: [UInt8] = []
        do {
            // One chunk, the whole input: ZIPFoundation reads `bufferSize` bytes of each chunk.
            _ = try Data.decompress(
                size: Int64(input.count), bufferSize: input.count, skipCRC32: true,
                provider: { position, _ in
                    guard position == 0 else { throw CocoaError(.fileReadCorruptFile) }
                    return input
                },
                consumer: { chunk in
                    output += chunk
                    if output.count > 4 << 20 { throw CocoaError(.fileReadTooLarge) }
                })
        } catch {
            return nil
        }
        return output
    }
}

/// Numbers in a PDF's bytes.
enum PDFBytes {
    /// The decimal number at `index`, if one starts there.
    static func integer(in bytes: [UInt8], at index: Int) -> Int? {
        var value = 0
        var position = index
        while position < bytes.count, position - index < 10, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
            position += 1
        }
        return position > index ? value : nil
    }
}

/// Classic cross-reference tables (`xref` at `startxref`, and the older ones their trailers'
/// `/Prev` name), as Chromium and incremental updates write them.
enum PDFCrossReference {
    /// Each in-use object's byte offset, the newest section's where several list it; nil when
    /// the table is not a classic one.
    static func objectOffsets(in pdf: [UInt8]) -> [Int: Int]? {
        guard var section = lastSection(in: pdf) else { return nil }
        var offsets: [Int: Int] = [:]
        var visited: Set<Int> = []
        while section >= 0, section < pdf.count, visited.insert(section).inserted {
            guard let previous = read(section: section, of: pdf, into: &offsets) else { return nil }
            guard let previous else { break }
            section = previous
        }
        return offsets
    }

    /// The offset of the newest section: the number after the file's last `startxref`.
    static func lastSection(in pdf: [UInt8]) -> Int? {
        let tail = String(decoding: pdf.suffix(1024), as: UTF8.self)
        guard let range = tail.range(of: "startxref", options: .backwards) else { return nil }
        return Int(tail[range.upperBound...].split(whereSeparator: \.isNewline).first ?? "")
    }

    /// Reads the section at `start` into `offsets` (keeping entries already there); the offset
    /// its trailer's `/Prev` names, nil inside when it names none; nil when it cannot be read.
    private static func read(section start: Int, of pdf: [UInt8], into offsets: inout [Int: Int]) -> Int?? {
        var lines = String(decoding: pdf[start...], as: UTF8.self).split(whereSeparator: \.isNewline).makeIterator()
        guard lines.next() == "xref" else { return nil }
        while let header = lines.next() {
            let fields = header.split(separator: " ")
            guard fields.count == 2, let first = Int(fields[0]), let count = Int(fields[1]), count >= 0 else {
                // The trailer: `trailer` alone, or with its dictionary on the same line.
                let trailer = header.hasPrefix("trailer") ? String(header) + " " + (lines.next().map(String.init) ?? "") : ""
                guard let prev = trailer.range(of: "/Prev ") else { return .some(nil) }
                return .some(Int(trailer[prev.upperBound...].prefix { $0.isNumber }))
            }
            for number in first..<(first + count) {
                guard let entry = lines.next() else { return nil }
                let parts = entry.split(separator: " ")
                guard parts.count >= 3, let offset = Int(parts[0]) else { return nil }
                if parts[2].hasPrefix("n"), offsets[number] == nil { offsets[number] = offset }
            }
        }
        return .some(nil)
    }
}
