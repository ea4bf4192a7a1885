import Foundation

/// DNS-rebinding protection: a request is answered only when its `Host` names this server as
/// the browser reached it on this machine (`127.0.0.1:PORT`, `localhost:PORT`, `[::1]:PORT`) or
/// as the `--host` given. A page on another site whose name was rebound to 127.0.0.1 sends its
/// own name, and is refused.
struct HostPolicy: Sendable {
    let allowed: Set<String>

    init(host: String, port: Int) {
        var names: Set<String> = ["127.0.0.1", "localhost", "[::1]"]
        let given = host.lowercased()
        names.insert(given.contains(":") && !given.hasPrefix("[") ? "[\(given)]" : given)
        var allowed: Set<String> = []
        for name in names {
            allowed.insert("\(name):\(port)")
            // Browsers leave out the default port.
            if port == 80 { allowed.insert(name) }
        }
        self.allowed = allowed
    }

    func allows(_ hostHeader: String?) -> Bool {
        guard let hostHeader else { return false }
        return allowed.contains(hostHeader.lowercased())
    }
}

/// The policy in force; set once the server knows the port it is bound to. Until then
/// every request is refused.
final class HostPolicyBox: @unchecked Sendable {
    private let lock = NSLock()
    private var policy: HostPolicy?

    func set(_ policy: HostPolicy) {
        lock.withLock { self.policy = policy }
    }

    func allows(_ hostHeader: String?) -> Bool {
        lock.withLock { policy }?.allows(hostHeader) ?? false
    }
}
