import Foundation
import HuiwenData
import HuiwenTemplate
import HuiwenTestSupport
import Testing

/// The official Mustache spec suite from `../shared/conformance/mustache/`, with the HTML
/// escaper and non-strict lookups as the spec expects. Lambdas are out of scope.
@Suite struct MustacheSpecTests {
    static let specFiles = [
        "comments", "delimiters", "interpolation", "inverted", "partials", "sections",
        "~inheritance", "~dynamic-names",
    ]

    @Test func passesEveryCaseOfTheOfficialSpecSuite() throws {
        guard let folder = SharedFixtures.folder("conformance/mustache", for: "Mustache spec") else { return }
        var passed = 0
        var total = 0
        var skipped = 0
        var failures: [String] = []
        for name in Self.specFiles {
            let url = folder.appendingPathComponent(name + ".json")
            guard let data = FileManager.default.contents(atPath: url.path) else {
                Issue.record("cannot read \(url.path)")
                continue
            }
            let spec = try SpecJSON.parse(String(decoding: data, as: UTF8.self))
            for test in spec["tests"]?.listItems ?? [] {
                total += 1
                let caseName = "\(name): \(test["name"]?.stringValue ?? "?")"
                // Data holding code (lambdas) cannot be expressed as a Value.
                if test["data"]?["lambda"] != nil {
                    skipped += 1
                    continue
                }
                if let failure = run(test, named: caseName) { failures.append(failure) } else { passed += 1 }
            }
        }
        print("Mustache spec: \(passed) of \(total - skipped) cases passed" + (skipped > 0 ? " (\(skipped) lambda cases skipped)" : ""))
        for failure in failures { Issue.record(Comment(rawValue: failure)) }
        #expect(passed == total - skipped)
        #expect(total - skipped == 184)
    }

    /// Nil when the case passes, else a description of the difference.
    private func run(_ test: Value, named name: String) -> String? {
        let template = test["template"]?.stringValue ?? ""
        let expected = test["expected"]?.stringValue ?? ""
        var partials: [String: String] = [:]
        for (key, value) in test["partials"]?.mapEntries ?? [:] { partials[key] = value.stringValue ?? "" }
        do {
            let compiled = try Template(template, path: "spec.mustache")
            let result = try compiled.render(
                test["data"] ?? .null,
                options: RenderOptions(escaper: HTMLEscaper(), partials: PartialLibrary(partials), strict: false))
            if result.text == expected { return nil }
            return "\(name)\n  template: \(template.debugDescription)\n  expected: \(expected.debugDescription)\n  actual:   \(result.text.debugDescription)"
        } catch {
            return "\(name): threw \(error)"
        }
    }
}
