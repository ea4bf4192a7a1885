import HuiwenData
import HuiwenDiagnostics
@testable import HuiwenTemplate
import Testing

/// `SectionMemo`: a section kept from one render and written again in the next must give the
/// same text, escaped ranges and errors as rendering it, and a section that reads anything
/// besides its own items must not be kept.
@Suite struct SectionMemoTests {
    static let tasks = Value.list((1...4).map { number in
        .map([
            "title": .string("任务\(number)：*落实*责任"),
            "lead": .string("市应急管理局"),
            "steps": .list([.string("部署"), .string("检查")]),
        ])
    })

    /// One context per city: the same task list (the same storage, as a batch's data is) and
    /// the city's own names.
    static func contexts(_ tasks: Value = tasks) -> [Value] {
        ["长沙市", "株洲市", "湘潭市"].map { city in
            .map(["tasks": tasks, "地区": .string(city), "lead": .string(city + "牵头")])
        }
    }

    /// Renders `source` for every context with one memo, and each without: the same results.
    static func compare(_ source: String, contexts: [Value] = contexts()) throws -> (memo: SectionMemo, texts: [String]) {
        let template = try Template(source, path: "templates/notice.md")
        let memo = SectionMemo()
        var texts: [String] = []
        for context in contexts {
            let plain = try template.render(context, options: RenderOptions(escaper: BracketEscaper()))
            let kept = try template.render(context, options: RenderOptions(escaper: BracketEscaper(), sectionMemo: memo))
            #expect(kept.text == plain.text)
            #expect(kept.escapedRanges == plain.escapedRanges)
            texts.append(kept.text)
        }
        return (memo, texts)
    }

    @Test func aSectionThatReadsOnlyItsItemsIsKeptAndWrittenAlike() throws {
        let source = "{{地区}}：\n{{#tasks}}| {{@number}} | {{title}} | {{lead}} |{{#@last}}末{{/@last}}\n{{#steps}}- {{.}}\n{{/steps}}{{/tasks}}完\n"
        let (memo, texts) = try Self.compare(source)
        #expect(memo.count == 1)
        #expect(texts[0].hasPrefix("[长沙市]：\n| [1] | [任务1：*落实*责任] | [市应急管理局] |\n- [部署]\n"))
        #expect(texts[1].hasPrefix("[株洲市]：\n| [1] |"))
        #expect(texts[2].hasSuffix("| [4] | [任务4：*落实*责任] | [市应急管理局] |末\n- [部署]\n- [检查]\n完\n"))
    }

    @Test func aSectionThatReadsTheContextAroundItIsNotKept() throws {
        let (memo, texts) = try Self.compare("{{#tasks}}{{title}}（{{地区}}）\n{{/tasks}}")
        #expect(memo.count == 0)
        #expect(texts[1].contains("（[株洲市]）"))
        #expect(!texts[1].contains("长沙市"))
    }

    /// A name an item lacks is looked up around the section: that lookup reads the context.
    @Test func aNameMissingFromAnItemMakesTheSectionUnkept() throws {
        var items = Self.tasks.listItems ?? []
        if case .map(var entries) = items[2].kind {
            entries.removeValue(forKey: "lead")
            items[2] = .map(entries)
        }
        let (memo, texts) = try Self.compare("{{#tasks}}{{lead}}\n{{/tasks}}", contexts: Self.contexts(.list(items)))
        #expect(memo.count == 0)
        #expect(texts[0].contains("[长沙市牵头]"))
        #expect(texts[2].contains("[湘潭市牵头]"))
    }

    @Test func anotherListIsRenderedNotTakenFromTheMemo() throws {
        let template = try Template("{{#tasks}}{{title}}\n{{/tasks}}", path: "templates/notice.md")
        let memo = SectionMemo()
        let options = RenderOptions(escaper: PlainEscaper(), sectionMemo: memo)
        let first = try template.render(.map(["tasks": Self.tasks]), options: options)
        let other = Value.list([.map(["title": .string("另一项")])])
        let second = try template.render(.map(["tasks": other]), options: options)
        #expect(first.text.hasPrefix("任务1"))
        #expect(second.text == "另一项\n")
    }

    @Test func problemsInAKeptSectionAreReportedEveryTime() throws {
        let template = try Template("{{#tasks}}{{titel}}{{/tasks}}", path: "templates/notice.md")
        let memo = SectionMemo()
        for context in Self.contexts() {
            #expect(throws: DiagnosticError.self) {
                _ = try template.render(context, options: RenderOptions(escaper: PlainEscaper(), sectionMemo: memo))
            }
        }
        #expect(memo.count == 0)
    }

    /// A partial inside a section is render state (indentation, expansion counts): never kept.
    @Test func aSectionWithAPartialIsNotKept() throws {
        let partials = PartialLibrary(["row": "{{title}}\n"])
        let template = try Template("{{#tasks}}{{>row}}{{/tasks}}", path: "templates/notice.md")
        let memo = SectionMemo()
        for context in Self.contexts() {
            let kept = try template.render(context, options: RenderOptions(escaper: PlainEscaper(), partials: partials, sectionMemo: memo))
            #expect(kept.text.hasPrefix("任务1"))
        }
        #expect(memo.count == 0)
    }
}
