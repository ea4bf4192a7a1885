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

/// `FieldMemo`: front matter texts reused from an earlier merge of the same template only when
/// what they read is unchanged.
@Suite struct FieldMemoTests {
    static let source = """
        ---
        each: cities
        output: notice-{{地区}}
        issuer: "{{meeting.issuer}}"
        recipients: "{{人民政府}}："
        date: "{{date(meeting.date)}}"
        signature: "{{meeting.issuer}}{{#meeting.cc}}（{{.}}）{{/meeting.cc}}"
        ---
        正文
        """

    static func data(issuer: String = "湖南省安全生产委员会办公室") -> Value {
        .map([
            "meeting": .map([
                "issuer": .string(issuer), "date": .date(CalendarDate(year: 2026, month: 1, day: 10)),
                "cc": .list([.string("抄送")]),
            ]),
        ])
    }

    static func item(_ city: String, meeting: Value? = nil) -> Value {
        guard let meeting else { return .map(["地区": .string(city), "人民政府": .string(city + "人民政府")]) }
        return .map(["地区": .string(city), "人民政府": .string(city + "人民政府"), "meeting": meeting])
    }

    /// Each merge with one template (its memo) against a fresh template for the same item.
    static func mergeBoth(_ template: DocumentTemplate, data: Value, item: Value) throws -> FrontMatter {
        let kept = try template.merge(data: data, item: item, partials: nil, helpers: TemplateHelpers.standard, recordsInputs: true)
        let fresh = try DocumentTemplate(source: source, path: "templates/notice.md")
            .merge(data: data, item: item, partials: nil, helpers: TemplateHelpers.standard, recordsInputs: true)
        #expect(kept == fresh)
        return kept.frontMatter
    }

    @Test func fieldsThatReadOnlyTheDataAreKeptAndTheItemsOwnAreNot() throws {
        let template = try DocumentTemplate(source: Self.source, path: "templates/notice.md")
        let first = try Self.mergeBoth(template, data: Self.data(), item: Self.item("长沙市"))
        let second = try Self.mergeBoth(template, data: Self.data(), item: Self.item("株洲市"))
        #expect(first.recipients == "长沙市人民政府：")
        #expect(second.recipients == "株洲市人民政府：")
        #expect(second.issuer == "湖南省安全生产委员会办公室")
        #expect(second.signature == "湖南省安全生产委员会办公室（抄送）")
        #expect(second.date == "2026年1月10日")
        // issuer, date and signature; recipients is kept too, and not used for another city.
        #expect(template.fieldMemo.count == 4)
    }

    /// An item's column of the same name hides the data's namespace: that item's texts differ.
    @Test func anItemThatHidesADataNameGetsItsOwnTexts() throws {
        let template = try DocumentTemplate(source: Self.source, path: "templates/notice.md")
        _ = try Self.mergeBoth(template, data: Self.data(), item: Self.item("长沙市"))
        let own = Value.map(["issuer": .string("株洲市安委办"), "date": .date(CalendarDate(year: 2026, month: 2, day: 1))])
        let hidden = try Self.mergeBoth(template, data: Self.data(), item: Self.item("株洲市", meeting: own))
        #expect(hidden.issuer == "株洲市安委办")
        #expect(hidden.date == "2026年2月1日")
        #expect(hidden.signature == "株洲市安委办")
    }

    /// Other data (as `serve` merges again after an edit) gives other texts.
    @Test func changedDataIsMergedAgain() throws {
        let template = try DocumentTemplate(source: Self.source, path: "templates/notice.md")
        _ = try Self.mergeBoth(template, data: Self.data(), item: Self.item("长沙市"))
        let changed = try Self.mergeBoth(template, data: Self.data(issuer: "省安委办"), item: Self.item("长沙市"))
        #expect(changed.issuer == "省安委办")
    }
}
