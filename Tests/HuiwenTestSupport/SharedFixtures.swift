import Foundation
import Testing

/// The conformance suites in `../shared/` beside the package (`../shared/conformance/...`),
/// which tests read offline. Away from it a test is skipped, except under CI, where it fails.
public enum SharedFixtures {
    /// `<package root>/../shared`: the package root is three levels above this file
    /// (Tests/HuiwenTestSupport/SharedFixtures.swift).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")

    /// `../shared/<relative>` when it is there. When it is not, a run with `CI=true` records a
    /// failure (a CI that cannot see the suite must not pass as if it had run it); any other
    /// run prints why `test` is skipped. nil means: return without testing.
    public static func folder(
        _ relative: String, for test: String,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> URL? {
        require(root.appendingPathComponent(relative), for: test, environment: environment, sourceLocation: sourceLocation)
    }

    /// What to do about a suite folder: run it, skip it (with why), or fail (under `CI=true`).
    public enum Availability: Equatable {
        case present
        case skipped(String)
        case failed(String)
    }

    /// Whether `folder` can be read, and what its absence means in `environment`.
    public static func availability(of folder: URL, environment: [String: String]) -> Availability {
        if FileManager.default.fileExists(atPath: folder.path) { return .present }
        if environment["CI"] == "true" { return .failed("\(folder.path) is absent, and CI=true does not allow skipping") }
        return .skipped("\(folder.path) is absent")
    }

    /// `folder` when it exists; otherwise a failure under `CI=true`, a printed skip elsewhere.
    public static func require(
        _ folder: URL, for test: String,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> URL? {
        switch availability(of: folder, environment: environment) {
        case .present:
            return folder
        case .failed(let reason):
            Issue.record("\(test): \(reason)", sourceLocation: sourceLocation)
        case .skipped(let reason):
            print("\(test): skipped, \(reason)")
        }
        return nil
    }
}
