import Foundation
#if canImport(Glibc)
import Glibc
#endif
import HuiwenServer

/// A small project in a temporary folder: one document that reads `stats`, one that reads
/// `meeting`, and a partial.
struct TemporaryProject {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("huiwen-serve-\(UUID().uuidString)", isDirectory: true)
        try write("templates/report.md", Self.report)
        try write("templates/meeting.md", Self.meeting)
        try write("templates/partials/closing.md", "此致。\n")
        try write("data/stats.yaml", "accidents: 12\nnote: \"<b>x</b>\"\n")
        try write("data/meeting.yaml", "name: 全省安全生产电视电话会议\n")
    }

    static let report = """
        ---
        title: 事故情况
        layout: plain
        ---
        全省发生事故{{stats.accidents}}起。

        {{> closing}}

        """

    static let meeting = """
        ---
        title: 会议
        layout: plain
        ---
        召开{{meeting.name}}。

        """

    /// Writes through a temporary file and a rename, as editors do, so a reader never sees
    /// half a file.
    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(UUID().uuidString).tmp")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else { throw ClientError("rename failed: \(errno)") }
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// A preview server running in this process on a free port; `stop()` cancels it and waits.
struct RunningServer {
    let port: Int
    let task: Task<Void, Error>
    var client: RawHTTPClient { RawHTTPClient(port: port) }

    static func start(root: URL) async throws -> RunningServer {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let server = PreviewServer(configuration: .init(root: root, port: 0, pollInterval: .milliseconds(20)))
        let task = Task {
            defer { continuation.finish() }
            try await server.run(onReady: { ready in continuation.yield(ready.port) })
        }
        let port = try await withTimeout(seconds: 30) {
            for await port in ports { return port }
            throw ClientError("the server stopped before it was ready")
        }
        return RunningServer(port: port, task: task)
    }

    func stop() async throws {
        task.cancel()
        try await withTimeout(seconds: 10) { _ = await task.result }
    }

    /// Asks for `target` until `accept` holds (the watcher polls): bounded by `seconds`.
    func poll(_ target: String, seconds: Double = 10, until accept: (RawHTTPClient.Response) -> Bool) async throws -> RawHTTPClient.Response {
        let deadline = Date().addingTimeInterval(seconds)
        var last: RawHTTPClient.Response?
        while Date() < deadline {
            let response = try await client.send("GET", target)
            if accept(response) { return response }
            last = response
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ClientError("no acceptable response for \(target) in \(seconds) s; last: \(last.map { "\($0.status) \($0.body.prefix(400))" } ?? "none")")
    }
}

/// Runs `operation`, failing when it takes longer than `seconds`, so a broken server cannot
/// hang the test run.
func withTimeout<T: Sendable>(seconds: Double, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            throw ClientError("timed out after \(seconds) s")
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw ClientError("no result") }
        return first
    }
}
