import HuiwenDiagnostics

/// The text of a partial and the file it came from (for positions in its diagnostics).
public struct PartialSource: Sendable, Hashable {
    public var text: String
    public var path: String

    public init(text: String, path: String) {
        self.text = text
        self.path = path
    }
}

/// Why a partial could not be provided (a refused name, an unreadable file); the renderer
/// reports it at `location` when the problem is inside the partial's file (a byte that is
/// not UTF-8), else at the tag that asked for the partial.
public struct PartialLookupError: Error, Sendable, Hashable {
    public var message: String
    public var location: SourceLocation?

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }
}

/// Finds partials by name: returns nil for a partial that does not exist.
public protocol PartialProvider: Sendable {
    func partialSource(named name: String) throws(PartialLookupError) -> PartialSource?
}

/// Partials held in memory, e.g. for tests or built-in layouts; the path is the name.
public struct InMemoryPartialProvider: PartialProvider {
    public var partials: [String: String]

    public init(_ partials: [String: String]) {
        self.partials = partials
    }

    public func partialSource(named name: String) throws(PartialLookupError) -> PartialSource? {
        partials[name].map { PartialSource(text: $0, path: name) }
    }
}
