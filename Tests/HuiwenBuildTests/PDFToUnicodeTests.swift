import Foundation
import HuiwenText
@testable import HuiwenBuild
import Testing
import ZIPFoundation

/// The printed PDFs' text maps: a radical that the font draws with an ideograph's glyph is
/// named as the ideograph, so the PDF is searched and copied as written.
struct PDFToUnicodeTests {
    @Test func radicalsBecomeTheirIdeographs() {
        #expect(RadicalIdeographs.ideograph(for: "⼈") == "人")
        #expect(RadicalIdeographs.ideograph(for: "⻓") == "长")
        #expect(RadicalIdeographs.ideograph(for: "⻔") == "门")
        #expect(RadicalIdeographs.ideograph(for: "⼾") == "户", "the simplified form")
        #expect(RadicalIdeographs.ideograph(for: "⿔") == "龜", "outside the table: the compatibility mapping")
        #expect(RadicalIdeographs.ideograph(for: "人") == nil)
        #expect(RadicalIdeographs.ideograph(for: "A") == nil)
        #expect(RadicalIdeographs.table.count == 294)
    }

    /// A map as Skia writes one (a `bfchar` section and a `bfrange` section).
    static let map = """
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        1 begincodespacerange
        <0000> <FFFF>
        endcodespacerange
        3 beginbfchar
        <0003> <2F08>
        <0004> <6C99>
        <0005> <2ED3D842DE28>
        endbfchar
        2 beginbfrange
        <0010> <0012> <2F47>
        <0020> <0021> <4E00>
        endbfrange
        endcmap
        CMapName currentdict /CMap defineresource pop
        end
        end
        """

    @Test func aMapNamesTheIdeographsAndKeepsItsCounts() {
        let fixed = PDFToUnicode.correctedMap(Self.map)
        #expect(fixed.contains("<0003> <4EBA>"), "⼈ → 人")
        #expect(fixed.contains("<0004> <6C99>"), "沙 unchanged")
        #expect(fixed.contains("<0005> <957FD842DE28>"), "⻓ → 长, the character after it kept")
        // ⽇ ⽈ ⽉ (U+2F47…2F49): each made its ideograph, the range written out.
        #expect(fixed.contains("<0010> <0012> [<65E5> <66F0> <6708>]"))
        #expect(fixed.contains("<0020> <0021> <4E00>"), "a range of ideographs unchanged")
        #expect(fixed.contains("3 beginbfchar") && fixed.contains("2 beginbfrange"))
        #expect(PDFToUnicode.correctedMap(fixed) == fixed)
    }

    /// A small PDF of one font whose map names ⼈ (a zlib stream, a classic cross-reference table).
    static func pdf(map: String) throws -> [UInt8] {
        var compressed = Data()
        let input = Data(map.utf8)
        _ = try Data.compress(size: Int64(input.count), bufferSize: input.count, provider: { position, size in
            input.subdata(in: Int(position)..<min(input.count, Int(position) + size))
        }, consumer: { compressed.append($0) })
        // A zlib stream: the header, the raw deflate data, the Adler-32 (not checked here).
        let stream = [0x78, 0x9C] + Array(compressed) + [0, 0, 0, 0]
        var file = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        func add(_ bytes: [UInt8]) { offsets.append(file.count); file += bytes }
        add(Array("1 0 obj\n<</Type /Catalog>>\nendobj\n".utf8))
        add(Array("2 0 obj\n<</Type /Font /Subtype /Type3 /ToUnicode 3 0 R>>\nendobj\n".utf8))
        add(Array("3 0 obj\n<</Filter /FlateDecode\n/Length \(stream.count)>> stream\n".utf8) + stream + Array("\nendstream\nendobj\n".utf8))
        let xref = file.count
        file += Array("xref\n0 4\n0000000000 65535 f\r\n".utf8)
        for offset in offsets { file += Array((String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n\r\n").utf8) }
        file += Array("trailer\n<</Size 4 /Root 1 0 R>>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return file
    }

    @Test func aPrintedFileGetsItsMapReplacedByAnIncrementalUpdate() throws {
        let original = try Self.pdf(map: Self.map)
        let corrections = PDFToUnicode.corrections(in: original)
        #expect(corrections.map(\.number) == [3])
        let object = try #require(corrections.first?.bytes)
        let text = String(decoding: object, as: UTF8.self)
        #expect(text.hasPrefix("3 0 obj\n<</Filter /FlateDecode\n/Length ") && text.hasSuffix("endstream\nendobj\n"))
        // Compressed as Chromium's are, and read back as the corrected map.
        let stream = try #require(PDFToUnicode.stream(at: 0, in: object))
        let inflated = try #require(PDFToUnicode.inflated(stream))
        #expect(String(decoding: inflated, as: UTF8.self) == PDFToUnicode.correctedMap(Self.map))
        // (pdfminer, which checks the Adler-32, reads the printed PDFs' maps in PrintTests.)

        let updated = PDFInfo.updated(original, title: "通知", author: nil, creator: "huiwen")
        #expect(Array(updated.prefix(original.count)) == original, "the printed bytes stay as they were")
        let tail = String(decoding: updated.suffix(from: original.count), as: UTF8.self)
        // The new section lists the map and the new information dictionary, each at its offset.
        #expect(tail.contains("xref\n3 1\n") && tail.contains("\n4 1\n"))
        let xref = try #require(ByteSearch.firstIndex(of: Array("xref\n".utf8), in: original, from: 0))
        #expect(tail.contains("/Size 5 /Root 1 0 R /Info 4 0 R /Prev \(xref)>>"))
        let offsets = try #require(PDFCrossReference.objectOffsets(in: updated))
        let map = try #require(offsets[3])
        #expect(String(decoding: updated[map..<(map + 8)], as: UTF8.self) == "3 0 obj\n")
        #expect(map > original.count, "the newest object 3, from the update's section")
        #expect(offsets[1] == 9 && offsets[2] != nil, "the others from the section /Prev names")
        // Updated again: the newest map already names the ideographs.
        #expect(PDFToUnicode.corrections(in: updated).isEmpty)
    }

    @Test func aFileWithoutRadicalsOrWithAnUnreadableMapIsLeftAlone() throws {
        #expect(PDFToUnicode.corrections(in: try Self.pdf(map: "1 beginbfchar\n<01> <4EBA>\nendbfchar\n")).isEmpty)
        var broken = try Self.pdf(map: Self.map)
        let stream = try #require(ByteSearch.firstIndex(of: Array("stream\n".utf8), in: broken, from: 0))
        // The first deflate block of a reserved type: the stream does not inflate.
        broken[stream + 7 + 2] = 0xFF
        #expect(PDFToUnicode.corrections(in: broken).isEmpty)
        #expect(PDFToUnicode.corrections(in: Array("%PDF-1.4\n".utf8)).isEmpty)
    }
}
