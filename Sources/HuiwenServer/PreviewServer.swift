import Foundation
import Hummingbird
import HuiwenBuild
import HuiwenDiagnostics
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// `huiwen serve`: builds a project in memory, serves its pages and an index over HTTP on the
/// loopback address, watches `templates/` and `data/`, renders again only what a change
/// affects and reloads open pages through server-sent events.
///
/// ```swift
/// let server = PreviewServer(configuration: .init(root: projectRoot, port: 0))
/// try await server.run { ready in print("serving \(ready.url)") }
/// ```
public struct PreviewServer: Sendable {
    /// How to serve.
    public struct Configuration: Sendable {
        public var root: URL
        /// The address to bind; anything but loopback exposes the documents to the network.
        public var host: String
        /// 0 picks a free port (see `Ready.port`).
        public var port: Int
        /// How often the files are looked at.
        public var pollInterval: Duration
        /// Stop gracefully on SIGINT and SIGTERM (the command line); tests cancel instead.
        public var stopsOnSignals: Bool

        public init(
            root: URL, host: String = "127.0.0.1", port: Int = 8000, pollInterval: Duration = .milliseconds(30),
            stopsOnSignals: Bool = false
        ) {
            self.root = root
            self.host = host
            self.port = port
            self.pollInterval = pollInterval
            self.stopsOnSignals = stopsOnSignals
        }
    }

    /// The server is listening: where, and what the first build gave.
    public struct Ready: Sendable {
        public var url: URL
        public var port: Int
        public var documentCount: Int
        public var diagnostics: [Diagnostic]
    }

    public let configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// True for the addresses that only this machine can reach.
    public static func isLoopback(_ host: String) -> Bool {
        let lowered = host.lowercased()
        return lowered == "localhost" || lowered == "::1" || lowered == "[::1]" || lowered.hasPrefix("127.")
    }

    /// Builds, then serves until a graceful shutdown: a signal (when `stopsOnSignals`) or the
    /// calling task's cancellation.
    public func run(
        onReady: @escaping @Sendable (Ready) async -> Void = { _ in },
        onRebuild: @escaping @Sendable (RebuildEvent) -> Void = { _ in }
    ) async throws {
        // A directory URL, so paths of the project resolve inside it, not beside it.
        let project = Project(root: URL(fileURLWithPath: configuration.root.path, isDirectory: true))
        let projectName = project.root.lastPathComponent
        // The snapshot comes first: a file saved during the first build is seen as changed.
        let snapshot = ProjectSnapshot.take(of: project.root)
        let builder = IncrementalBuilder(project: project)
        let report = builder.buildAll()
        let store = SiteStore(site: ServedSite(report: report, indexHTML: builder.indexPage(of: report), projectName: projectName, generation: 0))
        let watcher = WatchLoop(
            builder: builder, snapshot: snapshot, generation: 0, store: store, interval: configuration.pollInterval,
            projectName: projectName, onRebuild: onRebuild)

        var logger = Logger(label: "huiwen.serve")
        logger.logLevel = .warning
        let bindHost = configuration.host.hasPrefix("[") && configuration.host.hasSuffix("]")
            ? String(configuration.host.dropFirst().dropLast()) : configuration.host
        let requestedPort = configuration.port
        let urlHost = bindHost.contains(":") ? "[\(bindHost)]" : bindHost
        // The Host check needs the real port, known only once bound: the responder reads it.
        let hostPolicy = HostPolicyBox()
        if requestedPort != 0 { hostPolicy.set(HostPolicy(host: bindHost, port: requestedPort)) }
        let documents = report.pages.count
        let diagnostics = report.diagnostics
        let app = Application(
            responder: SiteResponder(store: store, hosts: hostPolicy),
            configuration: ApplicationConfiguration(address: .hostname(bindHost, port: requestedPort), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? requestedPort
                hostPolicy.set(HostPolicy(host: bindHost, port: port))
                let url = URL(string: "http://\(urlHost):\(port)/") ?? URL(fileURLWithPath: "/")
                await onReady(Ready(url: url, port: port, documentCount: documents, diagnostics: diagnostics))
            },
            logger: logger
        )
        // Reverse order on shutdown: the watcher stops first and ends the event streams, then
        // the HTTP server, which waits for open requests, can finish.
        let group = ServiceGroup(
            services: [app, watcher],
            gracefulShutdownSignals: configuration.stopsOnSignals ? [.sigint, .sigterm] : [],
            logger: logger
        )
        // Cancelling the caller (tests, embedding code) stops the server gracefully, as a
        // signal would: the group runs in its own task so cancellation does not tear
        // connections down mid-response.
        let running = Task { try await group.run() }
        try await withTaskCancellationHandler {
            try await running.value
        } onCancel: {
            Task { await group.triggerGracefulShutdown() }
        }
    }
}
