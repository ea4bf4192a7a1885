import HuiwenData
import HuiwenDiagnostics
import HuiwenTemplate
import Testing

@Suite struct HostileTemplateTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let fragments = [
        "{{", "}}", "{{{", "}}}", "{{#a}}", "{{/a}}", "{{^a}}", "{{>p}}", "{{<p}}", "{{/p}}", "{{$b}}", "{{/b}}",
        "{{=<% %>=}}", "<%={{ }}=%>", "{{=", "=}}", "<%", "%>", "{{!c}}", "{{&a}}", "{{.}}", "{{a.b}}", "{{a..b}}",
        "{{cn(a)}}", "{{cn(}}", "{{(a)}}", "{{@cn}}", "{{@x}}", "{{>*a}}", "{{>*}}", "{{地区}}", "\n", "\r\n", "  ",
        "\t", "文字", "x", "{{#list}}", "{{/list}}", "{{ }}", "{{#}}", "{{/}}", "\u{0}", "😀", "{{a b}}",
    ]

    @Test func randomTagSoupNeverCrashesAndErrorsCarryPositions() {
        var generator = SplitMix(state: 2026)
        let partials = PartialLibrary(["p": "{{>p}}{{$b}}{{a}}{{/b}}\n", "a": "{{#list}}{{>a}}{{/list}}"])
        let context = Value.map([
            "a": .string("p"), "list": .list([.map(["a": .string("a")]), .bool(false)]), "地区": .string("湖南"),
        ])
        let helpers: HelperTable = ["cn": { value, _ throws(Diagnostic) in value }]
        for _ in 0..<3000 {
            let count = Int.random(in: 1...12, using: &generator)
            let source = (0..<count).map { _ in Self.fragments.randomElement(using: &generator)! }.joined()
            for strict in [false, true] {
                do {
                    let template = try Template(source, path: "fuzz.md", startLine: 3)
                    _ = try template.render(
                        context,
                        options: RenderOptions(escaper: HTMLEscaper(), partials: partials, helpers: helpers, strict: strict, maxPartialDepth: 8))
                } catch {
                    #expect(!error.diagnostics.isEmpty)
                    #expect(error.diagnostics.allSatisfy { ($0.location?.line ?? 0) >= 1 }, "\(source.debugDescription): \(error)")
                }
            }
        }
    }
}
