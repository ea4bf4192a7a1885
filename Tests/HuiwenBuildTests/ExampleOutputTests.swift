import Foundation
import HuiwenBuild
import Testing

/// The committed `output/` is what the code makes of the example project, byte for byte: every
/// change to the pipeline that alters a page shows up here (and in CI's `build --check`).
@Suite struct ExampleOutputTests {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    @Test func buildingTheExampleProjectGivesTheCommittedOutputByteForByte() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("huiwen-example-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let report = Builder(project: Project(root: Self.packageRoot, outputDirectory: scratch)).build()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.documentCount == 16)

        let committed = Self.packageRoot.appendingPathComponent("output")
        let expected = try FileManager.default.contentsOfDirectory(atPath: committed.path).filter { $0 != ".huiwen-cache" }.sorted()
        // `.huiwen-cache` names the huiwen that built the folder: it differs from machine to
        // machine and is not committed.
        let built = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0 != ".huiwen-cache" }.sorted()
        #expect(built == expected)
        #expect(expected.count == 36, "16 pages, 16 Markdown files, 2 Word files, the index and the manifest")
        for file in expected {
            let old = try Data(contentsOf: committed.appendingPathComponent(file))
            let new = try? Data(contentsOf: scratch.appendingPathComponent(file))
            #expect(new == old, "output/\(file) differs")
        }
    }

    @Test func checkFindsTheCommittedOutputCurrent() {
        let report = Builder(project: Project(root: Self.packageRoot)).check()
        #expect(report.succeeded)
        #expect(report.written.isEmpty && report.deleted.isEmpty, "stale: \(report.written), removed: \(report.deleted)")
    }
}
