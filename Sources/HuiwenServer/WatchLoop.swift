import Foundation
import HuiwenBuild
import HuiwenDiagnostics
import Logging
import ServiceLifecycle

/// Polls the project's inputs and, when they change, renders again what they affect and
/// publishes the new site. Runs until graceful shutdown; then closes the event streams so
/// the HTTP server can finish its open requests.
final class WatchLoop: Service, @unchecked Sendable {
    // Mutable state is touched only by `run()`, which the service group calls once.
    private let builder: IncrementalBuilder
    private var snapshot: ProjectSnapshot
    private var generation: Int
    private let store: SiteStore
    private let interval: Duration
    private let projectName: String
    private let onRebuild: @Sendable (RebuildEvent) -> Void
    private let lock = NSLock()
    private var running = false

    init(
        builder: IncrementalBuilder, snapshot: ProjectSnapshot, generation: Int, store: SiteStore, interval: Duration,
        projectName: String, onRebuild: @escaping @Sendable (RebuildEvent) -> Void
    ) {
        self.builder = builder
        self.snapshot = snapshot
        self.generation = generation
        self.store = store
        self.interval = interval
        self.projectName = projectName
        self.onRebuild = onRebuild
    }

    func run() async throws {
        let first = lock.withLock {
            defer { running = true }
            return !running
        }
        guard first else { return }
        defer { store.close() }
        await cancelWhenGracefulShutdown {
            var sinceHeartbeat = Duration.zero
            while !Task.isCancelled {
                do {
                    try await Task.sleep(for: self.interval)
                } catch {
                    return
                }
                self.check()
                sinceHeartbeat += self.interval
                if sinceHeartbeat >= .seconds(15) {
                    sinceHeartbeat = .zero
                    self.store.heartbeat()
                }
            }
        }
    }

    /// One look at the files; a rebuild when they changed.
    func check() {
        let now = ProjectSnapshot.take(of: builder.project.root)
        let changes = now.changes(since: snapshot)
        guard !changes.isEmpty else { return }
        snapshot = now
        let start = ContinuousClock.now
        let (report, rendered) = builder.update(changes)
        generation += 1
        store.publish(ServedSite(report: report, indexHTML: builder.indexPage(of: report), projectName: projectName, generation: generation))
        onRebuild(RebuildEvent(
            changes: changes, renderedTemplates: rendered, diagnostics: report.diagnostics,
            duration: ContinuousClock.now - start, generation: generation))
    }
}

/// What one rebuild did, for the command line's log.
public struct RebuildEvent: Sendable {
    public var changes: ProjectChanges
    public var renderedTemplates: [String]
    public var diagnostics: [Diagnostic]
    public var duration: Duration
    public var generation: Int
}
