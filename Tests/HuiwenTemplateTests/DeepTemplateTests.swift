import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenTemplate
import Testing

/// Nesting, on any thread: templates nested past `Template.maxNesting` are an error at the
/// first tag beyond it, and those within it compile, render and are freed on a thread with a
/// small stack (the renderer keeps its own stack of steps, so partials stacked on deep sections
/// do not add up). Long lines of tags take linear time.
@Suite struct DeepTemplateTests {
    /// Runs `work` on a thread with a 256 KiB stack (half of a secondary thread's on macOS).
    static func onSmallStack<Result: Sendable>(_ work: @escaping @Sendable () -> Result) -> Result {
        let box = ResultBox<Result>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = work()
            done.signal()
        }
        thread.stackSize = 256 << 10
        thread.start()
        done.wait()
        return box.value!
    }

    final class ResultBox<Value>: @unchecked Sendable {
        var value: Value?
    }

    static func nested(_ open: String, _ close: String, depth: Int, inner: String = "x") -> String {
        String(repeating: open, count: depth) + inner + String(repeating: close, count: depth)
    }

    static let tooDeep = "nested deeper than 256 levels of sections, blocks and parents; the rest of the template is not checked"

    @Test(arguments: [("{{#a}}", "{{/a}}"), ("{{^a}}", "{{/a}}"), ("{{$b}}", "{{/b}}"), ("{{<p}}{{$b}}", "{{/b}}{{/p}}")])
    func tenThousandLevelsAreOneErrorAtTheFirstTagPastTheLimit(open: String, close: String) {
        let source = Self.nested(open, close, depth: 10_000)
        let errors = Self.onSmallStack { templateErrors(source, .map(["a": .bool(true)])) }
        // A parent and its block are two levels: the 129th pair passes 256.
        let levels = open.components(separatedBy: "{{").count - 1
        let column = 256 / levels * open.count + 1
        #expect(errors.map(\.description) == ["t.md:1:\(column): error: " + Self.tooDeep])
    }

    @Test func theLimitCountsSectionsBlocksAndParentsTogether() {
        let source = Self.nested("{{#a}}{{^b}}{{$c}}{{<p}}{{$d}}", "{{/d}}{{/p}}{{/c}}{{/b}}{{/a}}", depth: 60)
        #expect(templateErrors(source, .map([:])).map(\.message) == [Self.tooDeep])
    }

    @Test func sectionsAtTheLimitRenderOnASmallStack() throws {
        let source = Self.nested("{{#a}}", "{{/a}}", depth: Template.maxNesting, inner: "{{a.b}}")
        let text = try Self.onSmallStack {
            Result { () throws(DiagnosticError) -> String in
                let context = Value.map(["a": .map(["b": .string("深")])])
                return try Template(source, path: "t.md").render(context, options: RenderOptions(escaper: PlainEscaper())).text
            }
        }.get()
        #expect(text == "深")
    }

    @Test func partialsStackedOnDeepSectionsRenderOnASmallStack() throws {
        // 60 partials, each 250 sections deep around the next: 15,000 levels in all, which
        // would take 45 MB of stack in a debug build if each level were a call.
        var partials: [String: String] = ["p60": "底"]
        for level in 0..<60 {
            partials["p\(level)"] = Self.nested("{{#a}}", "{{/a}}", depth: 250, inner: "{{> p\(level + 1)}}")
        }
        let library = PartialLibrary(partials)
        let text = try Self.onSmallStack {
            Result { () throws(DiagnosticError) -> String in
                try Template("{{> p0}}", path: "t.md")
                    .render(.map(["a": .bool(true)]), options: RenderOptions(escaper: PlainEscaper(), partials: library)).text
            }
        }.get()
        #expect(text == "底")
    }

    @Test func aLongLineOfTagsCompilesInLinearTime() throws {
        // 20,000 tags on one line: counting each tag's column from the line start took
        // quadratic time (90 s for nested blocks in a debug build).
        let clock = ContinuousClock()
        let start = clock.now
        let values = String(repeating: "{{a}}", count: 20_000)
        #expect(try renderTemplate(values, .map(["a": .string("x")])).count == 20_000)
        let blocks = String(repeating: "{{$b}}x{{/b}}", count: 20_000)
        #expect(try renderTemplate(blocks, .map([:])).count == 20_000)
        #expect(clock.now - start < .seconds(10))
        // Positions stay exact along the line.
        let errors = templateErrors(String(repeating: "甲{{a}}", count: 1_000) + "{{缺}}", .map(["a": .string("")]))
        #expect(errors.map(\.description) == ["t.md:1:6001: error: '缺' is not defined"])
    }

    @Test func aLargeValueInsertedManyTimesStopsAtTheOutputLimit() throws {
        let source = String(repeating: "{{v}}", count: 100)
        do {
            _ = try Template(source, path: "t.md").render(
                .map(["v": .string(String(repeating: "长", count: 1_000))]),
                options: RenderOptions(escaper: PlainEscaper(), maxOutputBytes: 100_000))
            Issue.record("expected the output limit to stop the render")
        } catch {
            // 3,000 bytes a value: the 34th passes 100,000 bytes.
            #expect(error.diagnostics.map(\.description) == [
                "t.md:1:166: error: the merged text grew past 100000 bytes here, the limit for one document; rendering stopped",
            ])
        }
    }
}
