import HuiwenData
import HuiwenTemplate
import Testing

@Suite struct TemplateInheritanceAndSharingTests {
    @Test func parentTemplatesTakeBlocksAndKeepTheCallersEscaper() throws {
        let partials = PartialLibrary([
            "公文": "# {{$标题}}无题{{/标题}}\n\n{{$正文}}{{/正文}}\n落款：{{单位}}\n",
        ])
        let source = "{{<公文}}\n{{$标题}}关于{{事项}}的通知{{/标题}}\n{{$正文}}\n{{#要求}}\n{{@cn}}是{{.}}。\n{{/要求}}\n{{/正文}}\n{{/公文}}\n"
        let context = Value.map([
            "事项": .string("安全生产"), "单位": .string("省安委办"),
            "要求": .list([.string("加强领导"), .string("压实责任")]),
        ])
        let text = try renderTemplate(source, context, partials: partials, escaper: BracketEscaper())
        #expect(text == "# 关于[安全生产]的通知\n\n[一]是[加强领导]。\n[二]是[压实责任]。\n\n落款：[省安委办]\n")
    }

    @Test func oneCompiledTemplateAndPartialLibraryServeManyRendersAtOnce() async throws {
        let template = try Template("{{#单位}}{{>行}}{{/单位}}", path: "t.md")
        let partials = PartialLibrary(["行": "{{@number}}.{{名称}}\n"])
        let results = try await withThrowingTaskGroup(of: String.self) { group in
            for worker in 0..<16 {
                group.addTask {
                    let units = (0..<50).map { Value.map(["名称": .string("单位\(worker)-\($0)")]) }
                    return try template.render(.map(["单位": .list(units)]), escaper: PlainEscaper(), partials: partials).text
                }
            }
            var all: [String] = []
            for try await text in group { all.append(text) }
            return all
        }
        #expect(results.count == 16)
        for text in results {
            let lines = text.split(separator: "\n")
            #expect(lines.count == 50)
            #expect(lines.first?.hasPrefix("1.单位") == true)
        }
    }
}
