/// One problem found in a user's input, with where it is.
///
/// `sourceLine` is the text of the offending line when the stage that found the problem had it,
/// so a terminal can show it with a caret under `location.column`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
        case note
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    public var sourceLine: String?

    public init(
        _ severity: Severity = .error,
        at location: SourceLocation?,
        _ message: String,
        sourceLine: String? = nil
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.sourceLine = sourceLine
    }

    /// A diagnostic about a whole file (no line): `path: error: message`.
    public init(_ severity: Severity = .error, path: String, _ message: String) {
        self.init(severity, at: SourceLocation(path: path, line: 0, column: 0), message)
    }

    /// One line: `path:line:col: error: message`, or `path: error: message` for a whole file.
    public var description: String {
        guard let location else { return "\(severity.rawValue): \(message)" }
        if location.line == 0 { return "\(location.path): \(severity.rawValue): \(message)" }
        return "\(location): \(severity.rawValue): \(message)"
    }
}

/// Several diagnostics thrown together: a stage collects every problem it can find before it
/// gives up, so the user sees them all at once.
public struct DiagnosticError: Error, Sendable, Hashable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

extension Diagnostic {
    /// Fills `sourceLine` from the file's text when it is missing.
    public func withSourceLine(from text: String) -> Diagnostic {
        guard sourceLine == nil, let line = location?.line, line > 0 else { return self }
        var copy = self
        copy.sourceLine = SourceLines(text).line(line)
        return copy
    }
}
