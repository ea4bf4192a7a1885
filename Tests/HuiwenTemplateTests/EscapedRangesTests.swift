import HuiwenData
import HuiwenTemplate
import Testing

@Suite struct EscapedRangesTests {
    private func pieces(_ rendered: RenderedText) -> [String] {
        let bytes = Array(rendered.text.utf8)
        return rendered.escapedRanges.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test func rangesCoverExactlyTheEscapedValuesInUTF8Bytes() throws {
        let template = try Template("网址：{{url}}，{{{raw}}}；{{空}}{{名称}}", path: "t.md")
        let context = Value.map([
            "url": .string("https://example.com"), "raw": .string("**粗**"), "空": .string(""), "名称": .string("湖南省"),
        ])
        let rendered = try template.render(context, escaper: BracketEscaper())
        #expect(rendered.text == "网址：[https://example.com]，**粗**；[][湖南省]")
        #expect(pieces(rendered) == ["[https://example.com]", "[]", "[湖南省]"])
    }

    @Test func rangesStayRightInsideIndentedPartials() throws {
        let partials = PartialLibrary(["row": "* {{a}}\n  {{b}}\n"])
        let template = try Template("表：\n  {{#rows}}\n  {{>row}}\n  {{/rows}}\n", path: "t.md")
        let context = Value.map(["rows": .list([
            .map(["a": .string("甲"), "b": .string("x@y.cn")]),
            .map(["a": .string("乙"), "b": .string("www.gov.cn")]),
        ])])
        let rendered = try template.render(context, escaper: BracketEscaper(), partials: partials)
        #expect(rendered.text == "表：\n  * [甲]\n    [x@y.cn]\n  * [乙]\n    [www.gov.cn]\n")
        #expect(pieces(rendered) == ["[甲]", "[x@y.cn]", "[乙]", "[www.gov.cn]"])
    }
}
