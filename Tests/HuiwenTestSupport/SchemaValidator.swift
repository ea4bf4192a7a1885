import Foundation
import Testing

/// XML Schema (XSD 1.0) validation with xmllint (Debian's `libxml2-utils`, which `make test`
/// installs), for the tests that hold written XML against the hand-written schema subsets in
/// `Tests/OOXMLSchemas/`.
public enum SchemaValidator {
    /// `Tests/OOXMLSchemas/`: the subset of the Office Open XML schemas the Word writer emits.
    public static let ooxmlSchemas = PrintTools.repository.appendingPathComponent("Tests/OOXMLSchemas")

    /// xmllint's command, when installed.
    public static var xmllint: URL? { ToolRunner.find("xmllint") }

    /// Whether xmllint is here. When it is not, a test run with `CI=true` fails (CI installs it
    /// through `make test`), any other run prints why the test is skipped.
    public static func available(
        for test: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Bool {
        guard xmllint == nil else { return true }
        let reason = "\(test): needs xmllint (libxml2-utils); run make test, which installs it"
        if environment["CI"] == "true" {
            Issue.record(Comment(rawValue: reason), sourceLocation: sourceLocation)
        } else {
            print("\(reason) (skipped)")
        }
        return false
    }

    /// What xmllint said about each file of one run.
    public struct Report: Sendable {
        /// The files xmllint reported as valid ("FILE validates").
        public var valid: [URL]
        /// The files it refused, each with its messages (the violations, one a line).
        public var invalid: [(file: URL, messages: [String])]
        /// Everything it printed, for a failure's description.
        public var output: String
    }

    /// Validates `files` against `schema` in one xmllint run. Throws when xmllint cannot run or
    /// cannot compile the schema; a file that does not validate is in the report, not thrown.
    public static func validate(_ files: [URL], against schema: URL) throws -> Report {
        guard let xmllint else { throw ToolRunner.Failure(description: "xmllint is not installed") }
        let result = try ToolRunner.run(xmllint, ["--noout", "--nonet", "--schema", schema.path] + files.map(\.path), timeout: 120)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        // Status 5: the schema did not compile; anything but 0 and 3 (invalid) is xmllint's own trouble.
        guard result.status == 0 || result.status == 3 else {
            throw ToolRunner.Failure(description: "xmllint failed (status \(result.status)) with \(schema.lastPathComponent): \(result.standardError)")
        }
        var report = Report(valid: [], invalid: [], output: result.standardError)
        for file in files {
            if lines.contains(file.path + " validates") {
                report.valid.append(file)
            } else {
                report.invalid.append((file, lines.filter { $0.hasPrefix(file.path + ":") }))
            }
        }
        return report
    }
}
