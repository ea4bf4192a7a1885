import HuiwenTemplate
import Testing

@Suite struct HTMLEscaperTests {
    @Test func escapesTheFourSpecCharacters() {
        #expect(HTMLEscaper().escape(#"<a href="x">&</a>'"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;'")
    }
}
