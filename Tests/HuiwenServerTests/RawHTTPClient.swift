import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 client over a plain socket: it sends targets exactly as written (`/../`,
/// `%2e%2e`, any `Host`), which URLSession would normalise. Every read is bounded in time.
struct RawHTTPClient {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    let port: Int

    /// One request with `Connection: close`; the response is read to the end.
    func send(_ method: String = "GET", _ target: String, host: String? = nil, timeout: TimeInterval = 10) async throws -> Response {
        let port = self.port
        let hostHeader = host ?? "127.0.0.1:\(port)"
        return try await Self.offThread {
            let connection = try Connection(port: port)
            defer { connection.close() }
            try connection.write("\(method) \(target) HTTP/1.1\r\nHost: \(hostHeader)\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
            let raw = try connection.readToEnd(timeout: timeout)
            return try Self.parse(raw, method: method)
        }
    }

    static func parse(_ raw: Data, method: String) throws -> Response {
        let text = String(decoding: raw, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw ClientError("no header end in: \(text.prefix(200))") }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        guard let statusLine = lines.first, statusLine.count >= 12, let status = Int(statusLine.dropFirst(9).prefix(3)) else {
            throw ClientError("bad status line")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(text[split.upperBound...]))
    }

    /// Blocking socket calls stay off Swift concurrency's few threads.
    static func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}

struct ClientError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A connected socket to 127.0.0.1.
final class Connection: @unchecked Sendable {
    private let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ClientError("socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            Glibc.close(descriptor)
            throw ClientError("connect failed: \(errno)")
        }
        var interval = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
    }

    func write(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw ClientError("send failed") }
            sent += count
        }
    }

    /// Reads what arrives until `done` says so, the peer closes, or `timeout` passes.
    func read(timeout: TimeInterval, until done: (Data) -> Bool) throws -> Data {
        let deadline = Date().addingTimeInterval(timeout)
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
                if done(data) { return data }
            } else if count == 0 {
                return data
            } else if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
                throw ClientError("recv failed: \(errno)")
            }
        }
        throw ClientError("timed out after \(timeout) s; got: \(String(decoding: data.prefix(300), as: UTF8.self))")
    }

    func readToEnd(timeout: TimeInterval) throws -> Data {
        try read(timeout: timeout) { _ in false }
    }

    func close() {
        Glibc.close(descriptor)
    }
}
