import Foundation

/// What a request target asks for. Only the site's own names exist: `/`, `/index.html`,
/// `/NAME.html`, `/NAME.docx` (the document's Word file) and the event stream. Nothing is ever looked up on disk, and targets that try
/// to climb (`..`, encoded or not), hide separators (`%2f`, `%5c`, `\`) or carry control
/// characters are refused before any name is looked at.
enum Route: Equatable {
    case index
    case page(String)
    case word(String)
    case events(page: String?, token: String?)

    enum Refusal: Error, Equatable {
        /// Malformed or hostile: 400.
        case badRequest(String)
        /// Well formed, but not a name of the site: 404.
        case notFound
    }

    static let indexKey = "index"

    /// Parses a raw request target such as `/notice-%E9%95%BF.html?x=1`.
    static func parse(_ target: String) -> Result<Route, Refusal> {
        guard target.hasPrefix("/") else { return .failure(.badRequest("the target must be a path")) }
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let rawPath = String(parts[0])
        let query = parts.count > 1 ? String(parts[1]) : ""
        let lowered = rawPath.lowercased()
        for hidden in ["%2f", "%5c", "%00", "\\"] where lowered.contains(hidden) {
            return .failure(.badRequest("encoded separators are not allowed"))
        }
        guard let path = rawPath.removingPercentEncoding else {
            return .failure(.badRequest("bad percent-encoding"))
        }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }) {
            return .failure(.badRequest("control characters are not allowed"))
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if segments.contains(where: { $0 == ".." || $0 == "." }) {
            return .failure(.badRequest("'..' is not allowed"))
        }
        switch path {
        case "/", "/index.html":
            return .success(.index)
        case ReloadScript.eventsPath:
            let fields = parseQuery(query)
            return .success(.events(page: fields["page"], token: fields["v"]))
        default:
            break
        }
        guard segments.count == 1, let name = segments.first else { return .failure(.notFound) }
        for (suffix, route) in [(".html", Route.page), (".docx", Route.word)] where name.hasSuffix(suffix) {
            let base = String(name.dropLast(suffix.count))
            guard !base.isEmpty, !base.hasPrefix(".") else { return .failure(.notFound) }
            return .success(route(base))
        }
        return .failure(.notFound)
    }

    /// `a=1&b=%E4` → ["a": "1", "b": "…"]; the first value of a name wins; broken pairs are dropped.
    static func parseQuery(_ query: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = halves.first.flatMap({ String($0).removingPercentEncoding }), fields[name] == nil else { continue }
            let value = halves.count > 1 ? String(halves[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding : ""
            if let value { fields[name] = value }
        }
        return fields
    }

    /// The URL path of a document: `/NAME.html`, percent-encoded.
    static func path(ofPage name: String) -> String {
        "/" + (name.addingPercentEncoding(withAllowedCharacters: pathCharacters) ?? name) + ".html"
    }

    /// The URL path of a document's Word file: `/NAME.docx`, percent-encoded.
    static func path(ofWordFile name: String) -> String {
        "/" + (name.addingPercentEncoding(withAllowedCharacters: pathCharacters) ?? name) + ".docx"
    }

    private static let pathCharacters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
}
