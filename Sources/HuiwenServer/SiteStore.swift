import Foundation

/// Holds the current `ServedSite` for request handlers and tells event streams when it
/// changes. Readers take the current value under a lock; writers are the watch loop only.
final class SiteStore: @unchecked Sendable {
    enum Event: Sendable {
        case changed(ServedSite)
        /// Sent now and then so a stream notices a client that went away.
        case heartbeat
    }

    private let lock = NSLock()
    private var site: ServedSite
    private var subscribers: [UInt64: AsyncStream<Event>.Continuation] = [:]
    private var nextID: UInt64 = 0
    private var closed = false

    init(site: ServedSite) {
        self.site = site
    }

    var current: ServedSite { lock.withLock { site } }

    /// Makes `site` current and tells every subscriber.
    func publish(_ site: ServedSite) {
        let continuations = lock.withLock {
            self.site = site
            return Array(subscribers.values)
        }
        for continuation in continuations { continuation.yield(.changed(site)) }
    }

    func heartbeat() {
        let continuations = lock.withLock { Array(subscribers.values) }
        for continuation in continuations { continuation.yield(.heartbeat) }
    }

    /// Events from now on; the stream ends when the store closes (server shutdown).
    func subscribe() -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .bufferingNewest(8))
        let id: UInt64? = lock.withLock {
            guard !closed else { return nil }
            nextID += 1
            subscribers[nextID] = continuation
            return nextID
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            self?.unsubscribe(id)
        }
        return stream
    }

    var subscriberCount: Int { lock.withLock { subscribers.count } }

    private func unsubscribe(_ id: UInt64) {
        _ = lock.withLock { subscribers.removeValue(forKey: id) }
    }

    /// Ends every stream, now and for later subscribers: open event streams must end for the
    /// server to shut down.
    func close() {
        let continuations = lock.withLock {
            closed = true
            defer { subscribers = [:] }
            return Array(subscribers.values)
        }
        for continuation in continuations { continuation.finish() }
    }
}
