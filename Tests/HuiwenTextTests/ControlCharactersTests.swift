import HuiwenText
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

    @Test func htmlEscapingCleansToo() {
        #expect(HTMLEscaping.escape("<a>\u{0}\u{1B}&") == "&lt;a&gt;\u{FFFD}&amp;")
    }
}
