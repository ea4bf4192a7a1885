import HuiwenTemplate
import Testing

@Suite struct HTMLEscaperTests {
    @Test func escapesTheFourSpecCharacters() {
        #expect(HTMLEscaper().escape(#"<a href="x">&</a>'"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;'")
    }

    @Test func leavesTextWithoutSpecialCharactersAsItIs() {
        #expect(HTMLEscaper().escape("同比下降27.9%（“两会”）") == "同比下降27.9%（“两会”）")
        #expect(HTMLEscaper().escape("") == "")
    }

    @Test func keepsMultiByteCharactersAroundEscapes() {
        #expect(HTMLEscaper().escape("甲<乙>&丙\"😀") == "甲&lt;乙&gt;&amp;丙&quot;😀")
    }
}
