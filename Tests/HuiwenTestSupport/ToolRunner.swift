import Foundation

/// Runs a command-line tool the print tests need (LibreOffice, poppler, python3), with a time
/// limit; output goes through files, so nothing blocks however much the tool prints.
public enum ToolRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var standardOutput: Data
        public var standardError: String
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// The first of `names` found on PATH (or given as an absolute path), else nil.
    public static func find(_ names: String...) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            if name.hasPrefix("/") {
                if FileManager.default.isExecutableFile(atPath: name) { return URL(fileURLWithPath: name) }
                continue
            }
            for folder in path.split(separator: ":") {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    /// Runs `executable` with `arguments`; the environment gets `environment` on top of this
    /// process's. Fails when the tool does not end within `timeout` seconds (it is killed).
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 300
    ) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("huiwen-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out")
        let err = scratch.appendingPathComponent("err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out)
        let errHandle = try FileHandle(forWritingTo: err)
        defer {
            try? outHandle.close()
            try? errHandle.close()
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = done.wait(timeout: .now() + 5)
            throw Failure(description: "\(executable.lastPathComponent) did not finish within \(Int(timeout)) s")
        }
        return Result(
            status: process.terminationStatus,
            standardOutput: (try? Data(contentsOf: out)) ?? Data(),
            standardError: String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self))
    }
}
