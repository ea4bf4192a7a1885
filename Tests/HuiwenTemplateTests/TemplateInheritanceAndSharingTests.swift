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

    /// An override fills its slot once: a block of the same name inside it shows its own body
    /// (the override used to fill itself for ever; found by fuzzing).
    @Test func anOverrideHoldingABlockOfItsOwnNameFillsItOnce() throws {
        let partials = PartialLibrary(["parent": "[{{$b}}默认{{/b}}]"])
        #expect(try renderTemplate("{{<parent}}{{$b}}甲{{$b}}乙{{/b}}丙{{/b}}{{/parent}}", .map([:]), partials: partials) == "[甲乙丙]")
        // Two overrides filling each other: each once, then the inner block's own (empty) body.
        let two = PartialLibrary(["parent": "[{{$a}}A{{/a}}|{{$b}}B{{/b}}]"])
        #expect(try renderTemplate("{{<parent}}{{$a}}a{{$b}}{{/b}}{{/a}}{{$b}}b{{$a}}{{/a}}{{/b}}{{/parent}}", .map([:]), partials: two) == "[ab|ba]")
    }

    /// Overrides that fill the next block twice, forty deep: a template of a few lines that
    /// would expand 2⁴⁰ blocks stops at the expansion limit, at a block tag.
    @Test func overridesThatDoubleAtEveryLevelStopAtTheExpansionLimit() {
        var overrides = "{{$b40}}{{/b40}}"
        for level in 0..<40 { overrides += "{{$b\(level)}}{{$b\(level + 1)}}{{/b\(level + 1)}}{{$b\(level + 1)}}{{/b\(level + 1)}}{{/b\(level)}}" }
        let errors = templateErrors("{{<parent}}\(overrides){{/parent}}", .map([:]), partials: PartialLibrary(["parent": "{{$b0}}{{/b0}}"]))
        #expect(errors.map(\.message) == ["more than 1000000 partials and blocks expanded; rendering stopped"])
        #expect(errors.first?.location?.path == "t.md")
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
