import Foundation
import HuiwenDiagnostics
import Yams

/// Reads YAML through Yams into a positioned `Value`.
///
/// Plain scalars resolve like the YAML 1.2 core schema, but with exact numbers: a plain
/// decimal numeral (`DecimalNumeral`: `27.85`, `-3`; not `0731`, `1e5`, `.inf`) is a `Decimal`,
/// `true`/`false` are bools, `null`/`~`/empty are null, a real `YYYY-MM-DD` is a date, and
/// anything else is text. Quoted and block scalars, and `!!str`, are always text.
///
/// Refused with an error: duplicate keys (at the second key), keys that are not scalars,
/// merge keys (`<<`), more than one document, and anything over `limits`, including aliases
/// that would expand past `maxValues` (a "billion laughs" file is measured, never expanded).
/// Throws `DiagnosticError`.
public struct YAMLReader: Sendable {
    public var limits: DataLimits

    public init(limits: DataLimits = DataLimits()) {
        self.limits = limits
    }

    /// Reads `bytes` (the file's content); `path` names the file in every location.
    public func read(_ bytes: [UInt8], path: String) throws(DiagnosticError) -> Value {
        try read(bytes, path: path, recordingKeys: false).value
    }

    /// Reads YAML text like `read(_:path:)` and also tells where each map key was written,
    /// for messages about keys (an unknown front matter field is reported at its key).
    public func readWithKeyLocations(_ text: String, path: String) throws(DiagnosticError) -> (value: Value, keys: YAMLKeyLocations) {
        let result = try read(Array(text.utf8), path: path, recordingKeys: true)
        return (result.value, result.keys ?? YAMLKeyLocations())
    }

    private func read(_ bytes: [UInt8], path: String, recordingKeys: Bool) throws(DiagnosticError) -> (value: Value, keys: YAMLKeyLocations?) {
        let source = try SourceText(bytes, path: path, limits: limits)
        let depth: Int
        switch YAMLPrescan(source: source, limits: limits).check() {
        case .success(let deepest): depth = deepest
        case .failure(let problem): throw DiagnosticError(problem)
        }
        // Composing, converting and freeing Yams's tree all recurse. A shallow file (every
        // ordinary data file) is safe on any stack; a deep one runs on a large stack, which
        // costs a thread.
        guard depth > Self.depthOnCallerStack else { return try compose(source, recordingKeys: recordingKeys) }
        let result = LargeStack.run { [self] in
            Result { () throws(DiagnosticError) -> (value: Value, keys: YAMLKeyLocations?) in
                try compose(source, recordingKeys: recordingKeys)
            }
        }
        return try result.get()
    }

    /// Nesting the caller's stack takes without help, even a 512 KiB worker stack in a debug
    /// build. Inputs the prescan misjudges as shallow would need crafting, and libyaml still
    /// stops them at 1,000 levels.
    static let depthOnCallerStack = 64

    private func compose(_ source: SourceText, recordingKeys: Bool) throws(DiagnosticError) -> (value: Value, keys: YAMLKeyLocations?) {
        let path = source.path
        let text = source.text
        let root: Node?
        do {
            // The encoding is given so Yams does not consult (and print about) its
            // environment variable.
            root = try Parser(yaml: text, encoding: .utf8).singleRoot()
        } catch let error as YamlError {
            throw DiagnosticError(diagnostic(for: error, in: source, text: text))
        } catch {
            throw DiagnosticError(Diagnostic(path: path, "\(error)"))
        }
        guard let root else {
            return (Value(.null, at: SourceLocation(path: path, line: 1, column: 1)), recordingKeys ? YAMLKeyLocations() : nil)
        }
        var converter = YAMLNodeConverter(source: source, limits: limits)
        if recordingKeys { converter.keyLocations = YAMLKeyLocations() }
        if let problem = converter.checkExpandedSize(of: root) {
            throw DiagnosticError(problem)
        }
        let value = converter.value(of: root, depth: 1)
        guard converter.diagnostics.isEmpty else { throw DiagnosticError(converter.diagnostics.all) }
        return (value, converter.keyLocations)
    }

    /// Reads YAML text; the same as `read(_:path:)` on its UTF-8 bytes.
    public func read(_ text: String, path: String) throws(DiagnosticError) -> Value {
        try read(Array(text.utf8), path: path)
    }

    /// Yams's error as our diagnostic. Yams marks are 1-based and count Unicode scalars, as
    /// ours do; its duplicate-key error names the first key, so the second is looked up.
    private func diagnostic(for error: YamlError, in source: SourceText, text: String) -> Diagnostic {
        func at(_ mark: Mark, _ message: String) -> Diagnostic {
            source.diagnostic(at: SourceLocation(path: source.path, line: mark.line, column: mark.column), message)
        }
        func withContext(_ problem: String, _ context: YamlError.Context?) -> String {
            guard let context else { return problem }
            // Yams's own composer errors are one sentence in two halves ("expected a single
            // document in the stream" / "but found another document").
            if problem.hasPrefix("but ") { return "\(context.text), \(problem)" }
            return "\(problem) (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return at(mark, withContext(problem, context))
        case .reader(let problem, let offset, _, _):
            // Yams gives the offset in characters of the text it was handed.
            let prefix = text.prefix(offset ?? 0)
            let location = SourceLocation(path: source.path, line: 1, column: 1).advanced(over: prefix[...])
            return source.diagnostic(at: location, problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.sorted().first ?? ""
            let first = context.mark
            let second = YAMLDuplicateKeyLocator(source: source).secondOccurrence(of: key, after: first)
            let location = second ?? SourceLocation(path: source.path, line: first.line, column: first.column)
            return source.diagnostic(
                at: location, "duplicate key \"\(key)\" (first at line \(first.line), column \(first.column))")
        default:
            return Diagnostic(path: source.path, "\(error)")
        }
    }
}
