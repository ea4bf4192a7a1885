import Foundation
import Testing

/// The workbooks the tests of the `.xlsx` reader read, made once per test run by
/// `scripts/make_test_workbooks.py` into a temporary folder: saved by openpyxl (Debian's
/// `python3-openpyxl`, under Debian's own /usr/bin/python3) and, for the `lo-*` ones, by
/// LibreOffice (`libreoffice-calc-nogui`, `python3-uno`). `make test` installs them all.
/// Without a writer a test prints why it is skipped; under `CI=true` it fails instead.
public enum TestWorkbooks {
    /// Debian's python, which sees Debian's python3-openpyxl (a python of its own on PATH may not).
    static let python = PrintTools.python

    struct Made: Sendable {
        var folder: URL?
        /// Why nothing was made.
        var failure: String?
        /// Writers that were missing, with why (`libreoffice`).
        var skipped: [String: String] = [:]
    }

    static let made: Made = make()

    /// The workbook `name` (`values.xlsx`, `lo-values.xlsx`), or nil when its writer is missing:
    /// then a run with `CI=true` records a failure and any other run prints why `test` is skipped.
    public static func url(
        _ name: String, for test: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> URL? {
        let reason: String
        if let folder = made.folder, FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) {
            return folder.appendingPathComponent(name)
        } else if let failure = made.failure {
            reason = failure
        } else if name.hasPrefix("lo-"), let why = made.skipped["libreoffice"] {
            reason = why
        } else {
            reason = "scripts/make_test_workbooks.py made no \(name)"
        }
        let message = "\(test): needs \(name): \(reason); run make test, which installs the writers"
        if environment["CI"] == "true" {
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        } else {
            print("\(message) (skipped)")
        }
        return nil
    }

    private static func make() -> Made {
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            return Made(failure: "\(python.path) is missing (Debian: python3)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("huiwen-workbooks-\(UUID().uuidString)")
        let script = PrintTools.repository.appendingPathComponent("scripts/make_test_workbooks.py")
        let result: ToolRunner.Result
        do {
            result = try ToolRunner.run(python, [script.path, folder.path], timeout: 600)
        } catch {
            return Made(failure: "cannot run \(script.path): \(error)")
        }
        guard result.status == 0 else {
            let output = String(decoding: result.standardOutput, as: UTF8.self) + result.standardError
            if output.contains("No module named 'openpyxl'") {
                return Made(failure: "openpyxl is missing (Debian: python3-openpyxl)")
            }
            return Made(failure: "scripts/make_test_workbooks.py failed (status \(result.status)): \(output)")
        }
        let manifest = folder.appendingPathComponent("manifest.json")
        let skipped = (try? Data(contentsOf: manifest))
            .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }?["skipped"] as? [String: String]
        // The folder goes when the test process ends.
        atexit {
            if let folder = TestWorkbooks.made.folder { try? FileManager.default.removeItem(at: folder) }
        }
        return Made(folder: folder, skipped: skipped ?? [:])
    }
}
