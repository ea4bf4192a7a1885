import Foundation
import Hummingbird
import NIOCore

/// Answers every request from memory: host check, then method, then the route. No request
/// ever reaches the file system.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let store: SiteStore
    let hosts: HostPolicyBox

    func respond(to request: Request, context: Context) async throws -> Response {
        // HTTP/1's `Host` header arrives as the authority.
        guard hosts.allows(request.head.authority) else {
            return Self.plain(.forbidden, "403 forbidden: this preview server answers only to its own address (127.0.0.1, localhost)\n")
        }
        guard request.method == .get || request.method == .head else {
            var response = Self.plain(.methodNotAllowed, "405 method not allowed: GET and HEAD only\n")
            response.headers[.allow] = "GET, HEAD"
            return response
        }
        let response: Response
        switch Route.parse(request.head.path ?? "") {
        case .failure(.badRequest(let reason)):
            response = Self.plain(.badRequest, "400 bad request: \(reason)\n")
        case .failure(.notFound):
            response = notFound()
        case .success(.events(let page, let token)):
            // A stream has no end to send to a HEAD request.
            guard request.method == .get else { return Self.eventStreamHead() }
            return events(key: page ?? Route.indexKey, token: token)
        case .success(.index):
            response = document(forKey: Route.indexKey)
        case .success(.page(let name)):
            response = document(forKey: name)
        case .success(.word(let name)):
            response = wordFile(forKey: name)
        }
        return request.method == .head ? response.createHeadResponse() : response
    }

    private func document(forKey key: String) -> Response {
        let site = store.current
        if let failure = site.failureDocument(forKey: key) {
            return Self.html(failure.body, status: .internalServerError)
        }
        let document = key == Route.indexKey ? site.index : site.pages[key]
        guard let document else { return notFound() }
        return Self.html(document.body, status: .ok)
    }

    /// The document's `.docx`, written from its model now (a failed build answers with its
    /// errors page, as the document's page does).
    private func wordFile(forKey key: String) -> Response {
        let site = store.current
        if let failure = site.failureDocument(forKey: key) {
            return Self.html(failure.body, status: .internalServerError)
        }
        guard let page = site.builtPages[key] else { return notFound() }
        let bytes: [UInt8]
        do {
            bytes = try page.wordFile()
        } catch {
            return Self.plain(.internalServerError, "500: the Word file could not be written:\n\(error)\n")
        }
        var headers = Self.headers(contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        // RFC 6266: a plain ASCII fallback and the UTF-8 name (Chinese names are common).
        let encoded = (key + ".docx").addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "document.docx"
        headers[.contentDisposition] = "attachment; filename=\"document.docx\"; filename*=UTF-8''\(encoded)"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private func notFound() -> Response {
        Self.plain(.notFound, "404 not found: see / for the documents of this project\n")
    }

    /// Server-sent events: `event: reload` whenever the page open under `key` is no longer
    /// the version `token` (or, without a token, no longer what it was at connection).
    private func events(key: String, token: String?) -> Response {
        let stream = store.subscribe()
        let initial = token ?? store.current.token(forKey: key)
        let store = self.store
        let body = ResponseBody { writer in
            var shown = initial
            try await writer.write(ByteBuffer(string: "retry: 1000\n: huiwen serve\n\n"))
            let now = store.current.token(forKey: key)
            if now != shown {
                try await writer.write(ByteBuffer(string: Self.reloadEvent(now)))
                shown = now
            }
            for await event in stream {
                switch event {
                case .changed(let site):
                    let now = site.token(forKey: key)
                    guard now != shown else { continue }
                    shown = now
                    try await writer.write(ByteBuffer(string: Self.reloadEvent(now)))
                case .heartbeat:
                    try await writer.write(ByteBuffer(string: ": ping\n\n"))
                }
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: Self.eventStreamHeaders, body: body)
    }

    private static func reloadEvent(_ token: String?) -> String {
        "event: reload\ndata: \(token ?? "gone")\n\n"
    }

    private static let eventStreamHeaders: HTTPFields = [
        .contentType: "text/event-stream; charset=utf-8",
        .cacheControl: "no-cache",
    ]

    private static func eventStreamHead() -> Response {
        Response(status: .ok, headers: eventStreamHeaders)
    }

    private static func html(_ body: ByteBuffer, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: headers(contentType: "text/html; charset=utf-8"), body: ResponseBody(byteBuffer: body))
    }

    private static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: headers(contentType: "text/plain; charset=utf-8"), body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    private static func headers(contentType: String) -> HTTPFields {
        [.contentType: contentType, .cacheControl: "no-store"]
    }
}
