import Foundation
import Testing

/// Large inputs and names from data, through the real binary: each ends in seconds, with an
/// exit code and a message at its place.
@Suite struct LargeInputTests {
    typealias Project = BuildErrorTests.TemporaryProject

    @Test func aFiftyMegabyteDataFileLoadsInSeconds() throws {
        let project = try Project(["templates/x.md": "共{{count(big)}}行，末行{{big.301203.name}}。\n"])
        defer { project.remove() }
        // 301,204 rows of 166 bytes: under the 64 MiB file limit and the million-value limit.
        let row = Array(("长沙市" + String(repeating: "x", count: 150) + ",12345\n").utf8)
        var bytes = Array("name,n\n".utf8)
        bytes.reserveCapacity(50_000_000)
        while bytes.count + row.count <= 50_000_000 { bytes += row }
        try FileManager.default.createDirectory(at: project.root.appendingPathComponent("data"), withIntermediateDirectories: true)
        try Data(bytes).write(to: project.root.appendingPathComponent("data/big.csv"))
        let clock = ContinuousClock()
        let start = clock.now
        let result = try project.build()
        print("50 MB CSV built in \(clock.now - start)")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(String(decoding: try project.read("output/x.md"), as: UTF8.self).hasPrefix("共301204行，末行长沙市xxx"))
        #expect(clock.now - start < .seconds(30))
    }

    @Test func aDataFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        let project = try Project(["templates/x.md": "x\n"])
        defer { project.remove() }
        let url = project.root.appendingPathComponent("data/huge.json")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // A sparse file: 65 MiB without writing them.
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 65 << 20)
        try handle.close()
        let result = try project.build()
        #expect(result.status == 1)
        #expect(BuildErrorTests.errorLines(result) == [
            "data/huge.json: error: file is 68157440 bytes, over the limit of 67108864 bytes",
        ])
    }

    @Test func aTemplateThatWouldProduceAHundredMegabytesStopsAtTheLimit() throws {
        let project = try Project([
            "data/s.yaml": "x: " + String(repeating: "a", count: 1_000_000) + "\n",
            "templates/x.md": String(repeating: "{{s.x}}", count: 100) + "\n",
        ])
        defer { project.remove() }
        let clock = ContinuousClock()
        let start = clock.now
        let result = try project.build()
        #expect(clock.now - start < .seconds(30))
        #expect(result.status == 1)
        // 1 MB a value: the 68th passes 64 MiB, at column 67 × 7 + 1.
        #expect(BuildErrorTests.errorLines(result) == [
            "templates/x.md:1:470: error: the merged text grew past 64 MiB (67108864 bytes) here, the limit for one document; rendering stopped",
        ])
        #expect(!project.exists("output/x.html"))
    }

    @Test func outputNamesFromDataBecomePlainFileNamesInsideTheOutputFolder() throws {
        let names = ["../evil", "/etc/passwd", "a\u{0}b", "c\u{1}d\u{1B}e", "CON", "nul.v2", "index", ".huiwen-manifest", "f: g?", "  h. "]
        let items = try JSONSerialization.data(withJSONObject: names.map { ["name": $0] })
        let project = try Project(["templates/n.md": "---\neach: items\noutput: \"{{name}}\"\n---\n{{name}}\n"])
        defer { project.remove() }
        try project.write(String(decoding: items, as: UTF8.self), to: "data/items.json")
        let result = try project.build()
        #expect(result.status == 0, "\(result.standardError)")
        let files = try FileManager.default.contentsOfDirectory(atPath: project.root.appendingPathComponent("output").path)
        let pages = files.filter { $0.hasSuffix(".html") && $0 != "index.html" }.sorted()
        #expect(pages == [
            "CON-document.html", "ab.html", "cde.html", "etc-passwd.html", "evil.html", "f--g.html", "h.html",
            "huiwen-manifest.html", "index-document.html", "nul-document.v2.html",
        ])
        let outside = try FileManager.default.contentsOfDirectory(atPath: project.root.path).sorted()
        #expect(outside == ["data", "output", "templates"])
    }
}
