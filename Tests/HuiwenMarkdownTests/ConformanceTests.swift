import Foundation
import HuiwenMarkdown
import HuiwenTestSupport
import Testing

/// Every GFM spec, extension and regression example, rendered by our renderer and by the `cmark-gfm`
/// command with the same options, must give the same bytes.
@Suite struct ConformanceTests {
    struct Example {
        var file: String
        var line: Int
        var markdown: String
    }

    static func examples(in file: String, folder: URL) throws -> [Example] {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var current: [Substring]?
        var startLine = 0
        var inMarkdown = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if current == nil, line.hasPrefix(fence + " example") {
                current = []
                startLine = index + 1
                inMarkdown = true
            } else if current != nil, line == fence {
                examples.append(Example(file: file, line: startLine, markdown: current!.map { $0 + "\n" }.joined()))
                current = nil
            } else if current != nil, inMarkdown {
                if line == "." {
                    inMarkdown = false
                } else {
                    current!.append(Substring(line.replacing("→", with: "\t")))
                }
            }
        }
        return examples
    }

    static var cmarkCommand: URL? {
        for folder in ["/usr/bin", "/usr/local/bin"] {
            let url = URL(fileURLWithPath: folder).appendingPathComponent("cmark-gfm")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    static func oracle(_ command: URL, _ markdown: String, arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = command
        process.arguments = arguments
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // Examples are small (well under a pipe buffer), so writing first cannot deadlock.
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func everyExampleMatchesTheCmarkGFMCommand() throws {
        guard let folder = SharedFixtures.folder("conformance", for: "GFM conformance") else { return }
        guard let command = Self.cmarkCommand else {
            Issue.record("the cmark-gfm command is missing: run `make deps` (Debian package cmark-gfm)")
            return
        }
        let examples = try ["spec.txt", "extensions.txt", "regression.txt"].flatMap { try Self.examples(in: $0, folder: folder) }
        #expect(examples.count > 650)
        let modes: [(String, MarkdownOptions)] = [
            ("plain CommonMark", MarkdownOptions(extensions: [], footnotes: false)),
            ("documents' defaults", MarkdownOptions()),
            ("unsafe HTML", MarkdownOptions(allowsRawHTML: true)),
        ]
        var compared = 0
        var mismatches = 0
        for (modeName, options) in modes {
            let renderer = MarkdownRenderer(options: options)
            for example in examples {
                let expected = try Self.oracle(command, example.markdown, arguments: options.commandLineArguments)
                let actual = renderer.html(from: example.markdown)
                compared += 1
                if actual != expected {
                    mismatches += 1
                    Issue.record("\(example.file):\(example.line) (\(modeName)) differs from cmark-gfm:\n\(actual)\nvs\n\(expected)")
                }
            }
        }
        print("GFM conformance: \(compared - mismatches) of \(compared) renders byte-identical to cmark-gfm (\(examples.count) examples × \(modes.count) option sets)")
        #expect(mismatches == 0)
    }

    /// Without ../shared the suite is skipped with a printed reason, but never under CI.
    @Test func aMissingSuiteIsSkippedButFailsUnderCI() {
        let absent = URL(fileURLWithPath: "/nonexistent/shared/conformance")
        #expect(SharedFixtures.availability(of: absent, environment: [:]) == .skipped("\(absent.path) is absent"))
        #expect(SharedFixtures.availability(of: absent, environment: ["CI": "false"]) == .skipped("\(absent.path) is absent"))
        #expect(SharedFixtures.availability(of: absent, environment: ["CI": "true"])
            == .failed("\(absent.path) is absent, and CI=true does not allow skipping"))
        let present = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        #expect(SharedFixtures.availability(of: present, environment: ["CI": "true"]) == .present)
    }
}
