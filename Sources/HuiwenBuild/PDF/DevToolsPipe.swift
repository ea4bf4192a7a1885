import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A headless Chromium driven over the DevTools protocol through a pipe (`--remote-debugging-pipe`:
/// the browser reads commands on its file descriptor 3 and writes answers and events on 4, each
/// message JSON ended by a NUL byte). No WebSocket, no port: the browser is this process's own.
///
/// Commands may be sent from any thread; one reader thread hands each answer to the command that
/// waits for it and each event to whoever waits for it.
final class DevToolsPipe: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let process: pid_t
    private let commands: Int32
    private let answers: Int32
    private let lock = NSLock()
    private var nextID = 1
    private var pending: [Int: (Result<[String: Any], Failure>) -> Void] = [:]
    /// Events waited for, by session and method: `Page.loadEventFired` of one tab.
    private var eventWaiters: [String: [() -> Void]] = [:]
    private var closed: Failure?
    private var isShutDown = false
    private let profile: URL

    /// Starts `browser` headless, with a fresh profile in a temporary folder.
    init(browser: URL) throws {
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("huiwen-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        var toBrowser: [Int32] = [0, 0]
        var fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else { throw Failure(description: "cannot make a pipe") }
        var arguments = [
            browser.path, "--headless", "--remote-debugging-pipe", "--disable-gpu", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--disable-sync", "--mute-audio", "--hide-scrollbars", "--user-data-dir=\(profile.path)",
        ]
        // Chromium refuses to run as root with its sandbox (CI runs as root).
        if geteuid() == 0 { arguments.append("--no-sandbox") }
        arguments.append("about:blank")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let devNull = open("/dev/null", O_RDWR)
        defer { close(devNull) }
        posix_spawn_file_actions_adddup2(&actions, devNull, 0)
        posix_spawn_file_actions_adddup2(&actions, devNull, 1)
        posix_spawn_file_actions_adddup2(&actions, devNull, 2)
        posix_spawn_file_actions_adddup2(&actions, toBrowser[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromBrowser[1], 4)
        Self.closeOthers(in: &actions)
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let status = posix_spawn(&pid, browser.path, &actions, nil, argv, environ)
        close(toBrowser[0])
        close(fromBrowser[1])
        guard status == 0 else {
            close(toBrowser[1])
            close(fromBrowser[0])
            throw Failure(description: "cannot start \(browser.path): \(String(cString: strerror(status)))")
        }
        process = pid
        commands = toBrowser[1]
        answers = fromBrowser[0]
        // A browser that dies must not kill this process with SIGPIPE on the next command.
        signal(SIGPIPE, SIG_IGN)
        let reader = Thread { [self] in readLoop() }
        reader.stackSize = 1 << 20
        reader.start()
    }

    /// Only descriptors 0–4 reach the browser. Any other this process holds (an output
    /// folder's lock, the descriptor a parent watches to see this process end) would otherwise
    /// stay open in a browser that outlives it: a test waiting for `huiwen build --to pdf` to
    /// end waited for ever. glibc 2.34 has `posix_spawn_file_actions_addclosefrom_np`; Swift's
    /// Glibc does not import it, so it is looked up.
    private static func closeOthers(in actions: inout posix_spawn_file_actions_t) {
        #if os(Linux)
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 5)
        #endif
    }

    /// Ends the browser and removes its profile; calls after it fail. The owner calls it when
    /// printing is done: the reading thread holds this object until the browser's end of the
    /// pipe closes, so `deinit` alone would come only after the browser had gone.
    func shutDown() {
        let running = lock.withLock { () -> Bool in
            defer { isShutDown = true }
            return !isShutDown
        }
        guard running else { return }
        close(commands)
        kill(process, SIGKILL)
        var status: Int32 = 0
        waitpid(process, &status, 0)
        try? FileManager.default.removeItem(at: profile)
    }

    deinit {
        shutDown()
        close(answers)
    }

    /// Sends `method` with `parameters` (to a tab's session when given) and waits for the
    /// answer's `result`, at most `timeout` seconds.
    func call(
        _ method: String, _ parameters: [String: Any] = [:], session: String? = nil, timeout: TimeInterval = 60
    ) throws -> [String: Any] {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox()
        let id: Int = try lock.withLock {
            if let closed { throw closed }
            let id = nextID
            nextID += 1
            pending[id] = { result in
                box.result = result
                done.signal()
            }
            return id
        }
        var message: [String: Any] = ["id": id, "method": method, "params": parameters]
        if let session { message["sessionId"] = session }
        var bytes = Array(try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        let written = bytes.withUnsafeBytes { buffer in writeAll(commands, buffer) }
        guard written else {
            _ = lock.withLock { pending.removeValue(forKey: id) }
            throw Failure(description: "the browser stopped reading (\(method))")
        }
        guard done.wait(timeout: .now() + timeout) == .success else {
            _ = lock.withLock { pending.removeValue(forKey: id) }
            throw Failure(description: "the browser did not answer \(method) within \(Int(timeout)) s")
        }
        return try box.result!.get()
    }

    /// Runs `send` and then waits for the event `method` of `session` (registered before, so it
    /// cannot be missed).
    func waitForEvent(_ method: String, session: String, timeout: TimeInterval = 60, after send: () throws -> Void) throws {
        let done = DispatchSemaphore(value: 0)
        let key = session + " " + method
        lock.withLock { eventWaiters[key, default: []].append { done.signal() } }
        try send()
        guard done.wait(timeout: .now() + timeout) == .success else {
            throw Failure(description: "the page did not finish loading within \(Int(timeout)) s")
        }
    }

    private final class ResultBox: @unchecked Sendable {
        var result: Result<[String: Any], Failure>?
    }

    // MARK: Reading

    private func readLoop() {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(answers, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            buffer.append(contentsOf: chunk[..<count])
            var start = 0
            while let end = buffer[start...].firstIndex(of: 0) {
                dispatch(buffer[start..<end])
                start = end + 1
            }
            buffer.removeFirst(start)
        }
        let waiting = lock.withLock { () -> [(Result<[String: Any], Failure>) -> Void] in
            closed = Failure(description: "the browser quit")
            defer { pending = [:] }
            return Array(pending.values)
        }
        for handler in waiting { handler(.failure(Failure(description: "the browser quit"))) }
    }

    private func dispatch(_ bytes: ArraySlice<UInt8>) {
        guard let message = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else { return }
        if let id = message["id"] as? Int {
            let handler = lock.withLock { pending.removeValue(forKey: id) }
            if let error = message["error"] as? [String: Any] {
                handler?(.failure(Failure(description: "\(error["message"] ?? error)")))
            } else {
                handler?(.success(message["result"] as? [String: Any] ?? [:]))
            }
        } else if let method = message["method"] as? String, let session = message["sessionId"] as? String {
            let waiters = lock.withLock { eventWaiters.removeValue(forKey: session + " " + method) ?? [] }
            for waiter in waiters { waiter() }
        }
    }
}

/// Writes all of `buffer` to `descriptor`; false when the other end is gone.
private func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
    var offset = 0
    while offset < buffer.count {
        let result = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if result < 0 {
            if errno == EINTR { continue }
            return false
        }
        offset += result
    }
    return true
}
