import Foundation

/// What a PDF shows, measured by `scripts/print_measure.py` (pdfminer): every line of text
/// and every rule, in points from each page's top left corner.
public struct PrintedPages: Decodable, Sendable {
    /// Characters of one page on one baseline, in one size.
    public struct Line: Decodable, Sendable {
        public var baseline: Double
        public var size: Double
        public var x0: Double
        public var x1: Double
        public var text: String
        public var fonts: [String]
        public var colors: [String]
        /// Each character's left and right edge.
        public var chars: [[Double]]

        /// The top of the line's em box: CJK faces put the ideographic em box 0.88 em above
        /// the baseline (Noto CJK's and the 方正/中易 faces' ascent).
        public var emTop: Double { baseline - 0.88 * size }
        /// The bottom of the em box.
        public var emBottom: Double { baseline + 0.12 * size }

        /// How many characters wide the line is, counting a full-width character as one and a
        /// narrower one (digits, Latin) by its advance: `2026年` is about 3.
        public var characterWidths: Double {
            chars.reduce(0) { sum, box in
                let width = box[1] - box[0]
                return sum + (width >= 0.8 * size ? 1 : width / size)
            }
        }
    }

    /// A stroked line or a thin filled rectangle.
    public struct Rule: Decodable, Sendable {
        public var x0: Double
        public var x1: Double
        public var y: Double
        public var thickness: Double
        public var color: String?
    }

    public struct Page: Decodable, Sendable {
        public var width: Double
        public var height: Double
        public var lines: [Line]
        public var rules: [Rule]
    }

    public var pages: [Page]

    /// The measure of `pdf`; needs Debian's python3-pdfminer (see `PrintTools`).
    public static func measure(_ pdf: URL) throws -> PrintedPages {
        let script = PrintTools.repository.appendingPathComponent("scripts/print_measure.py")
        let result = try ToolRunner.run(PrintTools.python, [script.path, pdf.path], timeout: 120)
        guard result.status == 0 else {
            throw ToolRunner.Failure(description: "print_measure.py failed on \(pdf.lastPathComponent): \(result.standardError)")
        }
        return try JSONDecoder().decode(PrintedPages.self, from: result.standardOutput)
    }
}

extension PrintedPages {
    /// poppler's `pdfinfo` report of `pdf` (`Pages`, `Page size`, `Title`, `Author`, …);
    /// needs Debian's poppler-utils.
    public static func info(_ pdf: URL) throws -> [String: String] {
        guard let pdfinfo = ToolRunner.find("pdfinfo") else {
            throw ToolRunner.Failure(description: "pdfinfo is not installed (poppler-utils)")
        }
        let result = try ToolRunner.run(pdfinfo, ["-enc", "UTF-8", pdf.path], timeout: 60)
        guard result.status == 0 else {
            throw ToolRunner.Failure(description: "pdfinfo failed on \(pdf.lastPathComponent): \(result.standardError)")
        }
        var fields: [String: String] = [:]
        for line in String(decoding: result.standardOutput, as: UTF8.self).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }
}

/// Millimetres from points (1 pt = 25.4 / 72 mm).
public func millimetres(_ points: Double) -> Double { points * 25.4 / 72 }
