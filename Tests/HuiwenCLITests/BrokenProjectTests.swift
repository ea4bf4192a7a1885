import Foundation
import Testing

/// The corpus of broken projects: each run through the real binary ends with its exit code and
/// its first error at an exact `path:line:col` (or `path:` for a whole file), never a crash or
/// a hang, and every message names its file.
@Suite struct BrokenProjectTests {
    /// One broken project: its files (root-relative path → bytes) and what `huiwen build` says.
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var files: [String: [UInt8]]
        var status: Int32 = 1
        /// The first error line: its place and the start of its message.
        var place: String
        var message: String
        /// How many errors in all.
        var errors = 1

        var description: String { name }

        init(_ name: String, _ files: [String: Contents], status: Int32 = 1, _ place: String, _ message: String, errors: Int = 1) {
            self.name = name
            self.files = files.mapValues(\.bytes)
            self.status = status
            self.place = place
            self.message = message
            self.errors = errors
        }
    }

    /// A file's contents: text, or bytes that are not UTF-8.
    enum Contents: ExpressibleByStringLiteral {
        case text(String)
        case bytes([UInt8])

        init(stringLiteral text: String) { self = .text(text) }

        var bytes: [UInt8] {
            switch self {
            case .text(let text): Array(text.utf8)
            case .bytes(let bytes): bytes
            }
        }
    }

    static let meeting: Contents = "year: 2026\ntitle: 全省安全生产电视电话会议\nshare: 0.2789\n"
    static let plain: Contents = "x\n"
    static let deep = 10_000

    static let aliasBomb: Contents = {
        var text = "lol0: &lol0 lol\n"
        for level in 1...9 {
            text += "lol\(level): &lol\(level) [" + Array(repeating: "*lol\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return .text(text)
    }()

    static let partialChain: [String: Contents] = {
        var files: [String: Contents] = ["templates/x.md": "{{> p0}}\n"]
        for level in 0..<200 { files["templates/partials/p\(level).md"] = .text("{{> p\(level + 1)}}\n") }
        return files
    }()

    static func repeated(_ text: String, _ count: Int = deep) -> String { String(repeating: text, count: count) }

    static let deepNesting = "nested deeper than 256 levels of sections, blocks and parents; the rest of the template is not checked"

    static let cases: [Case] = [
        // Data that does not parse.
        Case("YAML: an unclosed flow list", ["data/meeting.yaml": "year: 2026\ntitle: [全省, 会议\nshare: 1\n", "templates/x.md": "{{meeting.year}}\n"],
             "data/meeting.yaml:3:6", "did not find expected ',' or ']'"),
        Case("YAML: a map inside a scalar", ["data/meeting.yaml": "year: 2026\n  title: x\n", "templates/x.md": plain],
             "data/meeting.yaml:2:8", "mapping values are not allowed in this context"),
        Case("YAML: a key twice", ["data/meeting.yaml": "year: 2026\nyear: 2027\n", "templates/x.md": plain],
             "data/meeting.yaml:2:1", "duplicate key \"year\" (first at line 1, column 1)"),
        Case("JSON: a trailing comma", ["data/m.json": "{\"a\": 1,\n \"b\": 2,}\n", "templates/x.md": plain],
             "data/m.json:2:9", "expected a key in double quotes"),
        Case("JSON: a misspelled literal", ["data/m.json": "{\"a\": tru}\n", "templates/x.md": plain],
             "data/m.json:1:7", "expected a value, found an unknown word"),
        Case("CSV: an unterminated quote", ["data/c.csv": "地区,起数\n\"长沙,12\n", "templates/x.md": plain],
             "data/c.csv:2:1", "unterminated quoted field"),
        Case("CSV: a short row", ["data/c.csv": "地区,起数\n长沙,12\n株洲\n", "templates/x.md": plain],
             "data/c.csv:3:1", "row has 1 fields, the header has 2"),
        Case("CSV: a column twice", ["data/c.csv": "地区,地区\n长沙,12\n", "templates/x.md": plain],
             "data/c.csv:1:4", "duplicate column name \"地区\" (first at line 1, column 1)"),
        // Invalid UTF-8, at its byte.
        Case("invalid UTF-8 in YAML", ["data/m.yaml": .bytes(Array("a: \"".utf8) + [0xFF, 0x22, 0x0A]), "templates/x.md": plain],
             "data/m.yaml:1:5", "invalid UTF-8 at byte 4"),
        Case("invalid UTF-8 in CSV", ["data/c.csv": .bytes(Array("a,b\n".utf8) + [0xE9, 0x95] + Array(",1\n".utf8)), "templates/x.md": plain],
             "data/c.csv:2:1", "invalid UTF-8 at byte 4"),
        Case("invalid UTF-8 in JSON", ["data/m.json": .bytes(Array("{\"a\": \"".utf8) + [0xC0, 0xAF] + Array("\"}".utf8)), "templates/x.md": plain],
             "data/m.json:1:8", "invalid UTF-8 at byte 7"),
        Case("invalid UTF-8 in a template", ["templates/x.md": .bytes(Array("---\ntitle: t\n---\n长".utf8) + [0xE6, 0x0A])],
             "templates/x.md:4:2", "invalid UTF-8 at byte 20"),
        Case("invalid UTF-8 in a partial", ["templates/x.md": "a\n{{> p}}\n", "templates/partials/p.md": .bytes([0x62, 0xFF, 0x63, 0x0A])],
             "templates/partials/p.md:1:2", "invalid UTF-8 at byte 1"),
        Case("invalid UTF-8 in a layout",
             ["templates/x.md": "---\nlayout: mine\n---\nx\n", "templates/layouts/mine.html": .bytes(Array("<p>".utf8) + [0xFE] + Array("</p>{{{body}}}".utf8))],
             "templates/layouts/mine.html:1:4", "invalid UTF-8 at byte 3", errors: 2),
        // Bombs and depth.
        Case("a YAML alias bomb", ["data/bomb.yaml": aliasBomb, "templates/x.md": plain],
             "data/bomb.yaml:7:7", "more than 1000000 values once aliases are expanded"),
        Case("JSON lists 10,000 deep", ["data/d.json": .text(repeated("[") + repeated("]")), "templates/x.md": plain],
             "data/d.json:1:257", "nesting deeper than 256 levels"),
        Case("YAML flow lists 10,000 deep", ["data/d.yaml": .text("a: " + repeated("[") + repeated("]") + "\n"), "templates/x.md": plain],
             "data/d.yaml:1:275", "nesting deeper than 256 levels"),
        Case("YAML block lists 10,000 deep", ["data/d.yaml": .text(repeated("- ") + "x\n"), "templates/x.md": plain],
             "data/d.yaml:1:545", "nesting deeper than 256 levels"),
        Case("a CSV header nesting 10,000 deep", ["data/d.csv": .text(Array(repeating: "a", count: deep).joined(separator: ".") + "\n1\n"), "templates/x.md": plain],
             "data/d.csv:1:1", "column name has 10000 parts between dots: nesting deeper than 256 levels"),
        Case("sections 10,000 deep", ["templates/x.md": .text(repeated("{{#a}}") + "x" + repeated("{{/a}}") + "\n")],
             "templates/x.md:1:1537", deepNesting),
        Case("inverted sections 10,000 deep", ["templates/x.md": .text(repeated("{{^a}}") + "x" + repeated("{{/a}}") + "\n")],
             "templates/x.md:1:1537", deepNesting),
        Case("blocks 10,000 deep", ["templates/x.md": .text(repeated("{{$b}}") + "x" + repeated("{{/b}}") + "\n")],
             "templates/x.md:1:1537", deepNesting),
        Case("parents 10,000 deep",
             ["templates/x.md": .text(repeated("{{<p}}{{$b}}") + "x" + repeated("{{/b}}{{/p}}") + "\n"), "templates/partials/p.md": "p\n"],
             "templates/x.md:1:1537", deepNesting),
        Case("sections 10,000 deep, never closed", ["templates/x.md": .text(repeated("{{#a}}") + "\n")],
             "templates/x.md:1:1537", deepNesting),
        Case("a chain of 200 partials", partialChain, "templates/partials/p63.md:1:1", "partial recursion deeper than 64: p0 > p1 > p2"),
        // Template mistakes.
        Case("an unclosed section", ["data/meeting.yaml": meeting, "templates/x.md": "a\n{{#meeting}}\nb\n"],
             "templates/x.md:2:1", "'meeting' is never closed: expected {{/meeting}}"),
        Case("a mismatched section", ["data/meeting.yaml": meeting, "templates/x.md": "{{#meeting}}\n{{/meting}}\n"],
             "templates/x.md:2:1", "{{/meting}} does not match {{#meeting}} opened at line 1, column 1"),
        Case("a close without an open", ["templates/x.md": "a {{/b}}\n"], "templates/x.md:1:3", "{{/b}} closes nothing: no section is open"),
        Case("an unclosed tag", ["templates/x.md": "a {{meeting.year\n"], "templates/x.md:1:3", "unclosed tag: expected '}}'"),
        Case("a misspelled variable", ["data/meeting.yaml": meeting, "templates/x.md": "会议于{{meeting.yeer}}年召开。\n"],
             "templates/x.md:1:4", "'meeting.yeer' is not defined; did you mean 'meeting.year'?"),
        Case("an unknown helper", ["data/meeting.yaml": meeting, "templates/x.md": "占{{pct(meeting.share)}}。\n"],
             "templates/x.md:1:2", "unknown helper 'pct'"),
        Case("a partial that includes itself", ["templates/x.md": "{{> p}}\n", "templates/partials/p.md": "a{{> p}}\n"],
             "templates/partials/p.md:1:2", "partial recursion deeper than 64: p > p > p"),
        Case("a cycle of two partials",
             ["templates/x.md": "{{> a}}\n", "templates/partials/a.md": "甲{{> b}}\n", "templates/partials/b.md": "乙\n{{> a}}\n"],
             "templates/partials/b.md:2:1", "partial recursion deeper than 64: a > b > a > b"),
        // Names that could leave their folder.
        Case("a partial named ../secret", ["templates/x.md": "前\n{{> ../secret}}\n", "secret.md": "机密\n"],
             "templates/x.md:2:1", "partial name '../secret' is not allowed: '..' could leave the partials folder"),
        Case("a partial named /etc/passwd", ["templates/x.md": "{{> /etc/passwd}}\n"],
             "templates/x.md:1:1", "partial name '/etc/passwd' is not allowed: names are relative to the partials folder"),
        Case("an attachment's partial named ../../etc/passwd",
             ["templates/x.md": "---\nlayout: notice\nattachments:\n  - title: 表\n    partial: ../../etc/passwd\n---\nx\n"],
             "templates/x.md:5:14", "partial name '../../etc/passwd' is not allowed"),
        Case("a layout named ../x", ["templates/x.md": "---\nlayout: ../x\n---\nx\n", "x.html": "{{{body}}}"],
             "templates/x.md:2:9", "unknown layout '../x' (layouts: notice, outline, plain)"),
        Case("a layout named /etc/passwd", ["templates/x.md": "---\nlayout: /etc/passwd\n---\nx\n"],
             "templates/x.md:2:9", "unknown layout '/etc/passwd'"),
        // Batches and output names.
        Case("two items with one output name",
             ["data/cities.yaml": "- name: 长沙\n- name: 株洲\n- name: 长沙\n", "templates/n.md": "---\neach: cities\noutput: n-{{name}}\n---\n{{name}}\n"],
             "data/cities.yaml:3:3",
             "templates/n.md would write two documents to 'n-长沙': the item at data/cities.yaml:1:3 and the item at data/cities.yaml:3:3"),
        Case("two output names equal but for letter case",
             ["data/cities.yaml": "- name: Changsha\n- name: CHANGSHA\n", "templates/n.md": "---\neach: cities\noutput: n-{{name}}\n---\n{{name}}\n"],
             "data/cities.yaml:2:3", "templates/n.md would write two documents to 'n-Changsha' and 'n-CHANGSHA'"),
        Case("an output name of nothing but ../",
             ["data/cities.yaml": "- name: \"../\"\n", "templates/n.md": "---\neach: cities\noutput: \"{{name}}\"\n---\n{{name}}\n"],
             "templates/n.md:3:9", "'output' gives an empty file name for the item at data/cities.yaml:1:3"),
        Case("two templates with one output name",
             ["templates/a.md": "---\noutput: same\n---\na\n", "templates/b.md": "---\noutput: Same\n---\nb\n"],
             "templates/b.md:2:9", "'Same' is also the output of templates/a.md (as 'same'"),
        // Front matter and project shape.
        Case("front matter that is a list", ["templates/x.md": "---\n- a\n- b\n---\nx\n"],
             "templates/x.md:2:1", "front matter must be a map of fields (key: value), got a list"),
        Case("front matter that is a string", ["templates/x.md": "---\njust text\n---\nx\n"],
             "templates/x.md:2:1", "front matter must be a map of fields (key: value), got a string"),
        Case("front matter never closed", ["templates/x.md": "---\ntitle: x\nbody\n"],
             "templates/x.md:1:1", "front matter starts with '---' but has no closing '---' line"),
        Case("a misspelled front matter field", ["templates/x.md": "---\ntitle: x\nrecipents: y\n---\nx\n"],
             "templates/x.md:3:1", "unknown front matter field 'recipents'; did you mean 'recipients'?"),
        Case("a data file named page", ["data/page.yaml": "a: 1\n", "templates/x.md": plain],
             "data/page.yaml", "\"page\" is reserved for a document's front matter; rename this data"),
        Case("an empty project", [:], "templates", "no templates folder in "),
        Case("a file named templates", ["templates": "x\n"], "templates", "no templates folder in "),
    ]

    @Test(arguments: cases)
    func brokenProjectFailsAtItsPosition(_ broken: Case) throws {
        let project = try BuildErrorTests.TemporaryProject([:])
        defer { project.remove() }
        for (path, bytes) in broken.files {
            let url = project.root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        let clock = ContinuousClock()
        let start = clock.now
        let result = try project.build()
        #expect(clock.now - start < .seconds(20), "\(broken) took \(clock.now - start)")
        #expect(result.status == broken.status, "\(broken): \(result.standardError)")
        let errors = BuildErrorTests.errorLines(result)
        #expect(errors.count == broken.errors, "\(broken): \(errors)")
        let first = errors.first ?? ""
        #expect(first.hasPrefix(broken.place + ": error: " + broken.message), "\(broken): \(first)")
        Self.expectEveryMessageNamesItsFile(result)
        // Nothing is ever written outside the output folder.
        let given = Set(broken.files.keys.compactMap { $0.split(separator: "/").first.map(String.init) })
        let outside = try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0 != "output" && !given.contains($0) }
        #expect(outside.isEmpty, "\(broken) wrote \(outside)")
    }

    /// Every line of standard error is a diagnostic that names a file, or the source line and
    /// caret under one.
    static func expectEveryMessageNamesItsFile(_ result: CLIRunner.Result) {
        let lines = result.standardError.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        var index = lines.startIndex
        while index < lines.endIndex {
            let line = lines[index]
            #expect(line.contains(": error: ") && !line.hasPrefix("error:") && !line.hasPrefix(": "), "not a positioned message: \(line)")
            index += 1
            // A message with a column is followed by its source line and a caret.
            if line.range(of: #"^[^:]+:\d+:\d+: error: "#, options: .regularExpression) != nil, index + 1 < lines.endIndex,
                lines[index + 1].trimmingCharacters(in: .whitespaces) == "^"
            {
                index += 2
            }
        }
    }
}

/// Diagnostics as a CI log shows them: standard error is a file there, not a terminal.
@Suite struct DiagnosticLogTests {
    @Test func theSourceLineAndCaretFollowEachMessageWithoutColour() throws {
        let project = try BuildErrorTests.TemporaryProject([
            "data/meeting.yaml": "year: 2026\n",
            "templates/x.md": "第一行\n会议于{{meeting.yeer}}年\u{1B}[31m召开。\n",
        ])
        defer { project.remove() }
        let result = try project.build()
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("""
            templates/x.md:2:4: error: 'meeting.yeer' is not defined; did you mean 'meeting.year'?
            会议于{{meeting.yeer}}年␛[31m召开。
                  ^

            """), "\(result.standardError.debugDescription)")
        // No colour and no escape sequence from the file reach a log.
        #expect(!result.standardError.contains("\u{1B}"))
    }

    @Test func aVeryLongLineIsShownAroundTheColumn() throws {
        let project = try BuildErrorTests.TemporaryProject([
            "templates/x.md": String(repeating: "甲", count: 5_000) + "{{缺失}}" + String(repeating: "乙", count: 5_000) + "\n",
        ])
        defer { project.remove() }
        let lines = try project.build().standardError.split(separator: "\n").map(String.init)
        #expect(lines.first == "templates/x.md:1:5001: error: '缺失' is not defined")
        #expect(lines.count >= 3)
        // 120 columns: 60 before the tag, the tag and 54 after.
        #expect(lines[1] == "…" + String(repeating: "甲", count: 60) + "{{缺失}}" + String(repeating: "乙", count: 54) + "…")
        // Each 甲 takes two cells, "…" one: the caret under the tag.
        #expect(lines[2] == String(repeating: " ", count: 1 + 60 * 2) + "^")
    }
}
