import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenTemplate
import Testing

@Suite struct PartialTests {
    @Test func partialsUseTheSameEscaperAsTheirTemplate() throws {
        let partials = PartialLibrary(["item": "{{name}}|{{{name}}}"])
        let text = try renderTemplate("{{>item}}", .map(["name": .string("*x*")]), partials: partials, escaper: BracketEscaper())
        #expect(text == "[*x*]|*x*")
    }

    @Test func recursionIsBoundedWithAClearErrorAtThePartialTag() {
        let partials = PartialLibrary(["a": "x{{>b}}", "b": "\n  {{>a}}"])
        let errors = templateErrors("{{>a}}", .map([:]), partials: partials)
        #expect(errors.count == 1)
        #expect(errors.first?.message.hasPrefix("partial recursion deeper than 64: a > b > a > b") == true)
        #expect(errors.first?.location == SourceLocation(path: "b", line: 2, column: 3))
    }

    @Test func exponentialRecursionStopsAtTheFirstOverflow() {
        let partials = PartialLibrary(["a": "{{>a}}{{>a}}"])
        #expect(templateErrors("{{>a}}", .map([:]), partials: partials).count == 1)
    }

    @Test func missingPartialIsAnErrorWhenStrictAndEmptyOtherwise() throws {
        let errors = templateErrors("\n{{>nope}}", .map([:]), partials: PartialLibrary([:]))
        #expect(errors.map(\.message) == ["no partial named 'nope'"])
        #expect(errors.first?.location?.line == 2)
        #expect(try renderTemplate("[{{>nope}}]", .map([:]), partials: PartialLibrary([:]), strict: false) == "[]")
    }

    @Test func errorsInsidePartialsPointIntoThePartialsFile() {
        let partials = PartialLibrary(provider: InMemoryPartialProvider(["row": "| {{名称}} |\n| {{数量}} |"]))
        let errors = templateErrors("{{#rows}}{{>row}}{{/rows}}", .map(["rows": .list([.map(["名称": .string("a")]), .map(["名称": .string("b")])])]), partials: partials)
        // Reported once although the partial renders twice.
        #expect(errors.map(\.description) == ["row:2:3: error: '数量' is not defined"])
    }

    @Test func filePartialProviderRefusesNamesThatCouldLeaveTheFolder() {
        let partials = PartialLibrary(provider: FilePartialProvider(directory: "templates/partials"))
        for name in ["../secret", "a/../../b", "/etc/passwd", "a\\b"] {
            let errors = templateErrors("{{>\(name)}}", .map([:]), partials: partials)
            #expect(errors.count == 1 && errors[0].message.contains("is not allowed"), "\(name): \(errors)")
        }
        // Refused even in non-strict mode, where a missing partial would be empty.
        #expect(throws: DiagnosticError.self) {
            try renderTemplate("{{>../x}}", .map([:]), partials: partials, strict: false)
        }
    }

    @Test func filePartialProviderReadsFromItsFolderAndCaches() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("huiwen-partials-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("tables"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "签发：{{签发人}}\n".write(to: folder.appendingPathComponent("sign.md"), atomically: true, encoding: .utf8)
        try "{{x}}".write(to: folder.appendingPathComponent("tables/row.md"), atomically: true, encoding: .utf8)
        let partials = PartialLibrary(provider: FilePartialProvider(directory: folder.path))
        let context = Value.map(["签发人": .string("张三"), "x": .string("1")])
        #expect(try renderTemplate("{{>sign}}{{>tables/row}}", context, partials: partials) == "签发：张三\n1")
        // A second render uses the compiled partial even after the file is gone.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("sign.md"))
        #expect(try renderTemplate("{{>sign}}", context, partials: partials) == "签发：张三\n")
    }

    @Test func dynamicPartialNameMustResolveWhenStrict() {
        let errors = templateErrors("{{>*kind}}", .map(["kinds": .string("a")]), partials: PartialLibrary(["a": "A"]))
        #expect(errors.map(\.message) == ["'kind' is not defined; did you mean 'kinds'?"])
    }

    @Test func standalonePartialIsIndentedLineByLineButItsValuesAreNot() throws {
        let partials = PartialLibrary(["list": "- {{a}}\n- {{b}}\n"])
        let text = try renderTemplate("条目：\n    {{>list}}\n完", .map(["a": .string("甲\n乙"), "b": .string("丙")]), partials: partials)
        #expect(text == "条目：\n    - 甲\n乙\n    - 丙\n完")
    }
}

@Suite struct RenderLimitTests {
    @Test func partialsThatDoubleAtEveryLevelStopAtTheOutputLimit() {
        // 40 levels of doubling stay under the depth bound but would print 2^40 lines.
        var partials: [String: String] = ["p40": "line\n"]
        for level in 0..<40 { partials["p\(level)"] = "{{>p\(level + 1)}}{{>p\(level + 1)}}" }
        do {
            _ = try Template("{{>p0}}", path: "t.md").render(
                .map([:]), options: RenderOptions(escaper: PlainEscaper(), partials: PartialLibrary(partials), maxOutputBytes: 1 << 16))
            Issue.record("expected the output limit to stop the render")
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics.first?.message.contains("the merged text grew past 65536 bytes here") == true)
        }
    }
}

extension RenderLimitTests {
    @Test func partialsThatDoubleButPrintNothingStopAtTheExpansionLimit() {
        var partials: [String: String] = ["p40": ""]
        for level in 0..<40 { partials["p\(level)"] = "{{>p\(level + 1)}}{{>p\(level + 1)}}" }
        let errors = templateErrors("{{>p0}}", .map([:]), partials: PartialLibrary(partials))
        #expect(errors.map(\.message) == ["more than 1000000 partials and blocks expanded; rendering stopped"])
    }
}
