import HuiwenTemplate
import Testing

/// Figures stay as written in merged Markdown; only a real ordered-list marker is escaped.
@Suite struct MarkdownEscaperNumberTests {
    @Test(arguments: ["27.9%", "16.7%", "1.2万", "2.3亿", "3.4%", "10.5", "1)a", "2026.03"])
    func decimalFiguresAreNotEscaped(figure: String) {
        #expect(MarkdownEscaper().escape(figure) == figure)
    }

    @Test(arguments: [("1.", "1\\."), ("1. 一", "1\\. 一"), ("12)", "12\\)"), ("3)\t项", "3\\)\t项"), ("1.\n2.", "1\\. 2.")])
    func orderedListMarkersAreEscaped(value: String, escaped: String) {
        #expect(MarkdownEscaper().escape(value) == escaped)
    }
}
