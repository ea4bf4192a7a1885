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

    @Test(arguments: ["FuzzTemplate", "FuzzFrontMatter"])
    func templatesFoundByFuzzingCompileOrFailAtAPosition(target: String) throws {
        for (name, bytes) in try FuzzRegressions.inputs(of: target) {
            let source = String(decoding: bytes, as: UTF8.self)
            do {
                if target == "FuzzTemplate" {
                    _ = try Template(source, path: "templates/fuzz.md").render(.map([:]), options: RenderOptions(escaper: MarkdownEscaper(), strict: false))
                } else {
                    _ = try DocumentTemplate(source: source, path: "templates/fuzz.md")
                }
            } catch {
                #expect(error.diagnostics.allSatisfy { $0.location?.path.isEmpty == false }, "\(name): \(error)")
            }
        }
    }
}
