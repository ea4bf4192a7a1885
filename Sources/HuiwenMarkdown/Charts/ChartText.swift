import HuiwenText

/// Widths of chart text and where its lines break, estimated as the page's fonts set it: a
/// Chinese or full-width character is one em, anything else (digits, Latin) a little over half
/// of one (half in 仿宋_GB2312, up to 0.55 in the free fallbacks).
enum ChartText {
    static let narrowWidth = 0.55

    /// The width of `text` set at `size` (points, or the chart's units).
    static func width(_ text: String, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + (TextWidth.isWide($1) ? 1 : narrowWidth) } * size
    }

    /// Marks that may not begin a line (GB/T 15834's closing punctuation).
    static let noLineStart: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "》", "”", "’", "」", "』", "】", "〕", "%", "％", ",", ".", ")"]

    /// `text` broken into lines no wider than `width`: anywhere between Chinese characters, a
    /// run of digits or Latin letters kept whole when it fits a line, a closing mark never first
    /// on a line. nil when a line would need more than `maximumLines`.
    static func lines(_ text: String, width: Double, size: Double, maximumLines: Int) -> [String]? {
        if Self.width(text, size: size) <= width + 0.01 { return [text] }
        let pieces = Self.pieces(of: text)
        var lines: [String] = []
        var current = ""
        for piece in pieces {
            if current.isEmpty || Self.width(current + piece, size: size) <= width + 0.01 {
                current += piece
                continue
            }
            if let first = piece.first, noLineStart.contains(first), let last = current.last, current.count > 1 {
                // The mark takes the character before it along to the next line.
                lines.append(String(current.dropLast()))
                current = String(last) + piece
            } else {
                lines.append(current)
                current = piece
            }
            // A single piece wider than a line (a long number) is cut by characters.
            while Self.width(current, size: size) > width + 0.01, current.count > 1 {
                var head = ""
                for character in current {
                    if !head.isEmpty, Self.width(head + String(character), size: size) > width + 0.01 { break }
                    head.append(character)
                }
                lines.append(head)
                current = String(current.dropFirst(head.count))
            }
            if lines.count > maximumLines { return nil }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.count <= maximumLines ? lines : nil
    }

    /// Characters, with runs of ASCII letters and digits (and the marks inside numbers) as one piece.
    private static func pieces(of text: String) -> [String] {
        var pieces: [String] = []
        var run = ""
        for character in text {
            if character.isASCII, character.isLetter || character.isNumber || character == "." || character == "-" {
                run.append(character)
                continue
            }
            if !run.isEmpty {
                pieces.append(run)
                run = ""
            }
            pieces.append(String(character))
        }
        if !run.isEmpty { pieces.append(run) }
        return pieces
    }
}
