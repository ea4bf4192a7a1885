import HuiwenTemplate
import Testing

/// The Mustache engine's HTML escaper is HuiwenText's `HTMLEscaping` (tested there).
@Suite struct HTMLEscaperTests {
    @Test func escapesTheFourSpecCharacters() {
        #expect(HTMLEscaper().escape(#"<a href="x">&</a>'"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;'")
    }
}
