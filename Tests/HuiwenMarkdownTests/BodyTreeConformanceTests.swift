import Foundation
import HuiwenMarkdown
import HuiwenTestSupport
import Testing

/// The body tree holds everything cmark-gfm's HTML shows: HTML written from the tree alone
/// (`TreeHTMLWriter`) equals cmark-gfm's own HTML on every GFM spec, extension and regression
/// example.
@Suite struct BodyTreeConformanceTests {
    static let options = MarkdownOptions(allowsRawHTML: true)
    static let untransformed = DocumentTransforms(numbering: .none, joinsCJKLineBreaks: false)

    @Test func htmlWrittenFromTheTreeMatchesCmarkOnEveryExample() throws {
        guard let folder = SharedFixtures.folder("conformance", for: "body tree conformance") else { return }
        let examples = try ConformanceTests.examples(in: "spec.txt", folder: folder)
            + ConformanceTests.examples(in: "extensions.txt", folder: folder)
            + ConformanceTests.examples(in: "regression.txt", folder: folder)
        let renderer = MarkdownRenderer(options: Self.options)
        var matches = 0
        for example in examples + Self.footnoteAndSafetyCases {
            let document = renderer.document(from: example.markdown, transforms: Self.untransformed)
            let expected = renderer.html(from: example.markdown)
            #expect(document.html == expected, "\(example.file):\(example.line): document HTML differs from html(from:)")
            let fromTree = TreeHTMLWriter.html(of: document.blocks)
            if fromTree == expected {
                matches += 1
            } else {
                Issue.record("\(example.file):\(example.line): HTML from the tree differs:\n\(fromTree)\nvs cmark-gfm:\n\(expected)")
            }
        }
        let total = examples.count + Self.footnoteAndSafetyCases.count
        print("body tree conformance: \(matches) of \(total) documents written from the tree byte-identical to cmark-gfm")
        #expect(examples.count == 720)
        #expect(matches == total)

        // Safe mode: the tree leaves raw HTML out while the HTML shows a placeholder, so only
        // documents without raw HTML compare (they check that dangerous URLs are blanked).
        let safe = MarkdownRenderer()
        var safeCompared = 0
        var safeMatches = 0
        for example in examples + Self.footnoteAndSafetyCases {
            let expected = safe.html(from: example.markdown)
            guard !expected.contains("<!-- raw HTML omitted -->") else { continue }
            safeCompared += 1
            let fromTree = TreeHTMLWriter.html(of: safe.document(from: example.markdown, transforms: Self.untransformed).blocks)
            if fromTree == expected {
                safeMatches += 1
            } else {
                Issue.record("\(example.file):\(example.line) (safe mode): HTML from the tree differs:\n\(fromTree)\nvs cmark-gfm:\n\(expected)")
            }
        }
        print("body tree conformance, safe mode: \(safeMatches) of \(safeCompared) documents without raw HTML byte-identical")
        #expect(safeCompared > 600)
        #expect(safeMatches == safeCompared)
    }

    /// Cases the spec examples touch lightly: references inside moved definitions, labels that
    /// need URL escaping, tagfilter inside blocks, HTML and footnotes in image descriptions,
    /// dangerous URLs.
    static let footnoteAndSafetyCases: [ConformanceTests.Example] = [
        "Text[^a] and[^b]\n\n> [^a]: note [^b]\n\n[^b]: other[^a]\n\n[^c]: unused\n\nMore[^b] ![x[^a]](y)\n",
        "A[^1] B[^2] C[^3] D[^4]\n\n[^1]:\n    ```\n    code\n    ```\n\n[^2]: - x\n    - y\n\n[^3]:\n\n[^4]: para\n\n    > quote\n",
        "A[^a[^b] B[^x*y&z%41'é]\n\n> [^a[^b]: one\n\n[^x*y&z%41'é]:\ttwo\n    more\n",
        "p\n2nd line[^x]\n\n- item\n  more[^x]\n\n| a | b[^x] |\n|---|---|\n| c[^x] | d |\n\n[^x]: n[^y]\n    [^y]: nested\n",
        "<div>\n<title>t</title> <p>ok</p><textarea/>\n</div>\n\nx <style>y</style> <xmp >\n",
        "![a <b>c</b> `d` *e* [f](g) ![h](i)\nj](k \"l\") [m](javascript:n) [o](DATA:image/webp,p) [q](data:text/html,r)\n",
        "1. a\n\n   b\n2. [x] c\n\n- [ ] d\n  - [X] e\n",
    ].enumerated().map { ConformanceTests.Example(file: "case", line: $0.offset + 1, markdown: $0.element) }
}
