import HuiwenTemplate
import Testing

/// The escaper works on UTF-8 bytes for speed; this reference states its rules scalar by
/// scalar (as the first implementation did), and the two must agree on every input.
@Suite struct MarkdownEscaperEquivalenceTests {
    static func reference(_ text: String) -> String {
        var scalars: [Unicode.Scalar] = []
        var inLineBreak = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0B, 0x0C, 0x0D:
                if !inLineBreak { scalars.append(" ") }
                inLineBreak = true
                continue
            case 0x00: scalars.append("\u{FFFD}")
            case 0x09: scalars.append(scalar)
            case 0x01...0x1F, 0x7F...0x9F: continue
            default: scalars.append(scalar)
            }
            inLineBreak = false
        }
        let isBlank = { (scalar: Unicode.Scalar) in scalar == " " || scalar == "\t" }
        let firstText = scalars.firstIndex { !isBlank($0) } ?? scalars.endIndex
        let lastText = scalars.lastIndex { !isBlank($0) } ?? -1
        var result = String.UnicodeScalarView()
        var leadingDigits = true
        for (index, scalar) in scalars.enumerated() {
            if index < firstText || index > lastText {
                result.append(contentsOf: (scalar == "\t" ? "&#9;" : "&#32;").unicodeScalars)
                continue
            }
            let needsBackslash: Bool
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "~", "#", ":", "@":
                needsBackslash = true
            case "-", "+", "=":
                needsBackslash = index == firstText
            case ".", ")":
                let endsMarker = index == lastText || isBlank(scalars[index + 1])
                let afterWWW = scalar == "." && index >= 3 && scalars[(index - 3)..<index].allSatisfy { $0 == "w" || $0 == "W" }
                needsBackslash = (leadingDigits && index > firstText && endsMarker) || afterWWW
            default:
                needsBackslash = false
            }
            leadingDigits = leadingDigits && ("0"..."9").contains(scalar)
            if needsBackslash { result.append("\\") }
            result.append(scalar)
        }
        return String(result)
    }

    /// A small deterministic generator (SplitMix64), so a failure reproduces.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let alphabet: [String] = [
        "a", "w", "W", "www", "1", "27", "9", ".", ")", "-", "+", "=", " ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}",
        "\u{0}", "\u{1}", "\u{1B}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "\u{C2}", "¢", "\\", "`", "*", "_",
        "[", "]", "<", ">", "&", "|", "~", "#", ":", "@", "%", "长沙", "。", "\u{3000}", "🙂", "e\u{301}", "万", "!", "(",
    ]

    @Test func byteEscaperAgreesWithTheScalarRulesOnGeneratedStrings() {
        var generator = SplitMix(state: 20260110)
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...8, using: &generator)
            let text = (0..<length).map { _ in Self.alphabet.randomElement(using: &generator)! }.joined()
            if MarkdownEscaper().escape(text) != Self.reference(text) { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5).map(\.debugDescription))")
    }

    @Test(arguments: ["", "长沙市", "27.9%", "1.", " 1. x ", "www.x.cn", "a\u{85}b", "\u{0}", "\r\n\u{1}\n", "¢\u{C2}\u{9F}"])
    func byteEscaperAgreesWithTheScalarRulesOnChosenStrings(text: String) {
        #expect(MarkdownEscaper().escape(text) == Self.reference(text))
    }
}
