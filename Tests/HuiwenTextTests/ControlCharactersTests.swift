@testable import HuiwenText
import Testing

@Suite struct ControlCharactersTests {
    @Test func nulBecomesTheReplacementCharacterAndOtherControlsGo() {
        #expect(ControlCharacters.cleaned("a\u{0}b") == "a\u{FFFD}b")
        #expect(ControlCharacters.cleaned("\u{1}\u{7}\u{8}\u{B}\u{C}\u{1B}[31m\u{1F}\u{7F}\u{80}\u{85}\u{9F}x") == "[31mx")
        // Tab, line feed and carriage return are text; so is everything from U+00A0 on.
        #expect(ControlCharacters.cleaned("甲\t乙\r\n丙\u{A0}°\u{200B}\u{202E}") == "甲\t乙\r\n丙\u{A0}°\u{200B}\u{202E}")
    }

    @Test func textWithoutControlsComesBackUntouched() {
        let text = String(repeating: "同比下降27.9%（“两会”）", count: 4)
        #expect(!ControlCharacters.needsCleaning(text))
        #expect(ControlCharacters.cleaned(text) == text)
    }

    /// The word-at-a-time scan finds every byte the byte-wise rule finds, at every position of
    /// a word and in the tail, among the common line breaks and CJK bytes it must pass over.
    @Test func theWordScanFindsEveryBadByteAnywhere() {
        let filler = Array("甲\t乙\n丙\r\né—ab".utf8)
        var wrong: [String] = []
        for length in [1, 7, 8, 9, 17, 24] {
            let clean = (0..<length).map { filler[$0 % filler.count] }
            if clean.withUnsafeBufferPointer(ControlCharacters.containsSuspect) { wrong.append("clean, length \(length)") }
            for position in 0..<length {
                for byte in UInt8.min...UInt8.max {
                    var bytes = clean
                    bytes[position] = byte
                    let expected = ControlCharacters.isSuspect(byte)
                    if bytes.withUnsafeBufferPointer(ControlCharacters.containsSuspect) != expected {
                        wrong.append("byte \(byte) at \(position) of \(length)")
                    }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test func htmlEscapingCleansToo() {
        #expect(HTMLEscaping.escape("<a>\u{0}\u{1B}&") == "&lt;a&gt;\u{FFFD}&amp;")
    }
}
