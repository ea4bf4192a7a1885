import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenTemplate
import Testing

/// `TemplateSourceMap`: a byte of the merged text maps back to the file that wrote it, so that
/// a later stage (a chart block in the Markdown) reports problems where the author wrote them.
@Suite struct SourceMapTests {
    static let options = RenderOptions(escaper: MarkdownEscaper(), recordsSourceMap: true)

    /// Renders `source` (a file `t.md` starting at line 3, as after front matter) with a source map.
    static func render(_ source: String, _ data: Value = .map([:]), partials: PartialLibrary? = nil) throws -> RenderedText {
        var options = options
        options.partials = partials
        return try Template(source, path: "t.md", startLine: 3).render(data, options: options)
    }

    /// The location of the first occurrence of `needle` in the merged text.
    static func location(of needle: String, in rendered: RenderedText) -> HuiwenDiagnostics.SourceLocation? {
        guard let range = rendered.text.range(of: needle) else { return nil }
        let offset = rendered.text.utf8.distance(from: rendered.text.utf8.startIndex, to: range.lowerBound)
        return rendered.sourceMap?.location(ofByte: offset, in: rendered.text)
    }

    @Test func templateTextMapsToItsOwnLineAndColumn() throws {
        let rendered = try Self.render("第一行\n前{{x}}后 chart\n```chart\ntype: bar\n", .map(["x": .string("值")]))
        #expect(rendered.text == "第一行\n前值后 chart\n```chart\ntype: bar\n")
        #expect(Self.location(of: "第一行", in: rendered) == SourceLocation(path: "t.md", line: 3, column: 1))
        #expect(Self.location(of: "后", in: rendered) == SourceLocation(path: "t.md", line: 4, column: 7))
        #expect(Self.location(of: "```chart", in: rendered) == SourceLocation(path: "t.md", line: 5, column: 1))
        #expect(Self.location(of: "bar", in: rendered) == SourceLocation(path: "t.md", line: 6, column: 7))
    }

    @Test func aValueMapsToItsTag() throws {
        let rendered = try Self.render("标题：{{title}}\n", .map(["title": .string("多行\n的值")]))
        #expect(Self.location(of: "的值", in: rendered) == SourceLocation(path: "t.md", line: 3, column: 4))
    }

    @Test func linesAfterRemovedStandaloneTagsKeepTheirLines() throws {
        let source = "a\n{{! 注释 }}\nb\n{{#items}}\n- {{.}}\n{{/items}}\nc\n"
        let rendered = try Self.render(source, .map(["items": .list([.string("一"), .string("二")])]))
        #expect(rendered.text == "a\nb\n- 一\n- 二\nc\n")
        #expect(Self.location(of: "b", in: rendered) == SourceLocation(path: "t.md", line: 5, column: 1))
        #expect(Self.location(of: "- 二", in: rendered) == SourceLocation(path: "t.md", line: 7, column: 1))
        #expect(Self.location(of: "c", in: rendered) == SourceLocation(path: "t.md", line: 9, column: 1))
    }

    @Test func partialsMapIntoTheirOwnFileWithoutTheIndentation() throws {
        let partials = PartialLibrary(["chart": "```chart\ntype: pie\n```\n"])
        let rendered = try Self.render("正文\n  {{> chart}}\n", partials: partials)
        #expect(rendered.text == "正文\n  ```chart\n  type: pie\n  ```\n")
        #expect(Self.location(of: "type", in: rendered) == SourceLocation(path: "chart", line: 2, column: 1))
        #expect(Self.location(of: "pie", in: rendered) == SourceLocation(path: "chart", line: 2, column: 7))
    }

    @Test func noMapUnlessAskedFor() throws {
        let rendered = try Template("x", path: "t.md").render(.map([:]), options: RenderOptions(escaper: MarkdownEscaper()))
        #expect(rendered.sourceMap == nil)
    }
}
