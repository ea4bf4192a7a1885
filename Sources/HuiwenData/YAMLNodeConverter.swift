import Foundation
import HuiwenDiagnostics
import OrderedCollections
import Yams

/// Turns a Yams node tree into `Value`s, applying our scalar rules and limits.
///
/// Yams shares an anchored node among its aliases, so the tree is small even when its
/// expansion is huge. `checkExpandedSize` measures the expansion first, remembering the size
/// of each anchored node, so a billion-laughs file costs one pass over what is written.
struct YAMLNodeConverter {
    let source: SourceText
    let limits: DataLimits
    var diagnostics: DiagnosticList
    /// Where each key was written, by the location of its map; filled only when asked for.
    var keyLocations: YAMLKeyLocations?
    private var anchoredSizes: [String: Int] = [:]

    init(source: SourceText, limits: DataLimits) {
        self.source = source
        self.limits = limits
        self.diagnostics = DiagnosticList(path: source.path)
    }

    private func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(path: source.path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private func diagnostic(at node: Node, _ message: String) -> Diagnostic {
        source.diagnostic(at: location(of: node), message)
    }

    /// nil when the fully expanded tree stays within `maxValues` and `maxDepth`.
    mutating func checkExpandedSize(of root: Node) -> Diagnostic? {
        switch expandedSize(of: root, depth: 1) {
        case .success: return nil
        case .failure(let problem): return problem
        }
    }

    private mutating func expandedSize(of node: Node, depth: Int) -> Result<Int, Diagnostic> {
        let key = node.anchor.map { "\($0.rawValue)@\(location(of: node))" }
        if let key, let known = anchoredSizes[key] { return .success(known) }
        var size = 1
        var children: [Node] = []
        switch node {
        case .mapping(let mapping): children = mapping.map(\.value)
        case .sequence(let sequence): children = Array(sequence)
        case .scalar, .alias: break
        }
        if !children.isEmpty, depth > limits.maxDepth {
            return .failure(diagnostic(at: node, "nesting deeper than \(limits.maxDepth) levels"))
        }
        for child in children {
            switch expandedSize(of: child, depth: depth + 1) {
            case .success(let childSize): size += childSize
            case .failure(let problem): return .failure(problem)
            }
            if size > limits.maxValues {
                let anchored = node.anchor.map { " (aliases of \"&\($0.rawValue)\" expand too far)" } ?? ""
                return .failure(diagnostic(
                    at: node, "more than \(limits.maxValues) values once aliases are expanded\(anchored)"))
            }
        }
        if let key { anchoredSizes[key] = size }
        return .success(size)
    }

    /// The value of `node`; problems go to `diagnostics`. Depth and size were checked by
    /// `checkExpandedSize`, so the recursion is bounded.
    mutating func value(of node: Node, depth: Int) -> Value {
        let location = location(of: node)
        switch node {
        case .scalar(let scalar):
            return Self.scalarValue(scalar, at: location)
        case .sequence(let sequence):
            return .list(sequence.map { value(of: $0, depth: depth + 1) }, at: location)
        case .mapping(let mapping):
            var entries: OrderedDictionary<String, Value> = [:]
            var keyLocations: [String: SourceLocation] = [:]
            for (keyNode, valueNode) in mapping {
                guard case .scalar(let keyScalar) = keyNode else {
                    let problem = diagnostic(at: keyNode, "a map key must be a scalar, not a list or a map")
                    diagnostics.append(problem)
                    continue
                }
                let key = keyScalar.string
                let keyLocation = self.location(of: keyNode)
                if key == "<<", keyScalar.style == .plain {
                    diagnostics.append(source.diagnostic(at: keyLocation, "merge keys (\"<<\") are not supported"))
                    continue
                }
                if let first = keyLocations[key] {
                    // Yams only catches keys equal as YAML nodes; `1` and `"1"` collide here too.
                    diagnostics.append(source.diagnostic(
                        at: keyLocation,
                        "duplicate key \"\(key)\" (first at line \(first.line), column \(first.column))"))
                    continue
                }
                keyLocations[key] = keyLocation
                entries[key] = value(of: valueNode, depth: depth + 1)
            }
            self.keyLocations?.record(keyLocations, ofMapAt: location)
            return .map(entries, at: location)
        case .alias:
            let problem = diagnostic(at: node, "unresolved alias")
            diagnostics.append(problem)
            return Value(.null, at: location)
        }
    }

    /// Quoted and block scalars, and an explicit `!!str`, are text; plain ones are resolved.
    static func scalarValue(_ scalar: Node.Scalar, at location: SourceLocation) -> Value {
        guard scalar.style == .plain || scalar.style == .any, scalar.tag.rawValue != Tag.Name.str.rawValue else {
            return .string(scalar.string, at: location)
        }
        return plainValue(scalar.string, at: location)
    }

    /// The YAML 1.2 core schema's plain scalars, with exact numbers and dates.
    static func plainValue(_ text: String, at location: SourceLocation) -> Value {
        switch text {
        case "", "~", "null", "Null", "NULL": return Value(.null, at: location)
        case "true", "True", "TRUE": return .bool(true, at: location)
        case "false", "False", "FALSE": return .bool(false, at: location)
        default: break
        }
        if let number = DecimalNumeral.parse(text) { return .number(number, at: location) }
        if text.utf8.count == 10, let date = CalendarDate(iso: text) { return .date(date, at: location) }
        return .string(text, at: location)
    }
}
