import HuiwenData
import HuiwenDiagnostics
import HuiwenTemplate
import HuiwenTestSupport
import Testing

/// Inputs fuzzing found (Tests/FuzzRegressions), replayed with the property their fuzz target
/// checks.
@Suite struct FuzzRegressionTests {
    @Test func escapedValuesFoundByFuzzingRenderAsTheirText() throws {
        for (name, bytes) in try FuzzRegressions.inputs(of: "FuzzMarkdownEscaper") {
            let value = String(decoding: bytes, as: UTF8.self)
            for placement in MarkdownEscapingTests.Placement.all {
                let problems = MarkdownEscapingTests.problems(value, in: placement)
                #expect(problems.isEmpty, "\(name) in \(placement): \(problems.joined(separator: "; "))")
            }
        }
    }

    /// The partials FuzzTemplate renders with (Fuzz/Sources/FuzzTemplate/main.swift): one that
    /// includes itself, a list that recurses, a parent with blocks, a child of it, a broken one.
    static let fuzzPartials = PartialLibrary([
        "p": "{{>p}}{{$b}}{{a}}{{/b}}\n",
        "items": "{{#list}}- {{.}}\n{{>items}}{{/list}}",
        "parent": "[{{$b}}默认{{/b}}]\n  {{$c}}\n  缩进\n  {{/c}}\n",
        "child": "{{<parent}}{{$b}}{{地区}}{{/b}}{{/parent}}",
        "broken": "{{#a}}",
    ])

    /// Rendered strict and not with FuzzTemplate's partials: done within seconds, with text or
    /// errors at a position.
    @Test(arguments: ["FuzzTemplate", "FuzzFrontMatter"])
    func templatesFoundByFuzzingCompileOrFailAtAPosition(target: String) throws {
        for (name, bytes) in try FuzzRegressions.inputs(of: target) {
            let source = String(decoding: bytes, as: UTF8.self)
            let clock = ContinuousClock()
            let start = clock.now
            for strict in [false, true] {
                do {
                    if target == "FuzzTemplate" {
                        let options = RenderOptions(
                            escaper: MarkdownEscaper(), partials: Self.fuzzPartials, strict: strict, maxPartialDepth: 16, maxOutputBytes: 1 << 20)
                        _ = try Template(source, path: "templates/fuzz.md").render(.map(["a": .string("p")]), options: options)
                    } else {
                        _ = try DocumentTemplate(source: source, path: "templates/fuzz.md")
                    }
                } catch {
                    #expect(error.diagnostics.allSatisfy { $0.location?.path.isEmpty == false }, "\(name): \(error)")
                }
            }
            #expect(clock.now - start < .seconds(10), "\(name) took \(clock.now - start)")
        }
    }
}
