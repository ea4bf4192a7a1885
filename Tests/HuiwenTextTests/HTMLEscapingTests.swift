import HuiwenText
import Testing

@Suite struct HTMLEscapingTests {
    @Test func escapesTheFourCharactersOfHTMLText() {
        #expect(HTMLEscaping.escape(#"<a href="x">&</a>"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;")
        #expect(HTMLEscaping.escape("&amp;") == "&amp;amp;")
    }

    @Test func keepsMultiByteCharactersAroundEscapes() {
        #expect(HTMLEscaping.escape("甲<乙>&丙\"😀") == "甲&lt;乙&gt;&amp;丙&quot;😀")
    }

    /// Every attribute huiwen writes is double-quoted, so an apostrophe needs no entity.
    @Test func leavesApostrophesAsTheyAre() {
        #expect(HTMLEscaping.escape("'x' is not defined") == "'x' is not defined")
    }

    @Test func textWithNothingToEscapeComesBackUntouched() {
        let text = String(repeating: "同比下降27.9%（“两会”）", count: 4)
        let escaped = HTMLEscaping.escape(text)
        #expect(escaped == text)
        // The same storage: the fast path returned the string, it did not rebuild it.
        #expect(escaped.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
            == text.utf8.withContiguousStorageIfAvailable { $0.baseAddress })
        #expect(HTMLEscaping.escape("") == "")
    }
}
