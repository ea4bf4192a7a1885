import HuiwenDiagnostics
import OrderedCollections

/// The rule CSV files and Excel sheets share for the keys a header gives its columns.
///
/// A column's name is kept exactly as written, except that a dot nests: the columns
/// `accidents.current` and `accidents.previous` put a map `accidents: {current, previous}` in
/// each row, the shape the `change` helper reads. A name may not be empty, have an empty part
/// between dots, appear twice, or also be the map of a dotted name. Rows are built from a
/// `RowTemplate` of the header.
enum ColumnKeys {
    /// One named column of a header and where its name is written.
    struct Column {
        var name: String
        var location: SourceLocation
    }

    /// The key path of each name: `accidents.current` → `["accidents", "current"]`.
    static func keyPaths(_ names: [String]) -> [[String]] {
        names.map { $0.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The key path of each name, as `keyPaths(_:)`, but empty (no column in the rows) for a
    /// name with more parts than `maxParts(maxDepth)`: `problems` reports it, and rows nested
    /// that deep would exhaust the stack when they are built, compared or freed.
    static func keyPaths(_ names: [String], maxDepth: Int) -> [[String]] {
        keyPaths(names).map { $0.count > maxParts(maxDepth) ? [] : $0 }
    }

    /// The most parts a name may have: rows sit in a list, and the lists of a workbook's sheets
    /// in a map, so a name of `maxDepth - 2` parts nests a value `maxDepth` levels deep.
    static func maxParts(_ maxDepth: Int) -> Int {
        max(1, maxDepth - 2)
    }

    /// Every problem of the header's names. `place` words a location for a message
    /// ("line 1, column 4" in CSV, "各市州!B2" in a workbook); `diagnostic` makes the
    /// diagnostic at a name's location.
    static func problems(
        _ columns: [Column], maxDepth: Int, place: (SourceLocation) -> String,
        diagnostic: (SourceLocation, String) -> Diagnostic
    ) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var seen: [String: SourceLocation] = [:]
        // Every proper prefix of a dotted name is a map, so it cannot also be a column.
        var prefixes: [String: SourceLocation] = [:]
        for column in columns {
            let segments = column.name.split(separator: ".", omittingEmptySubsequences: false)
            guard segments.count <= maxParts(maxDepth) else { continue }
            for end in 1..<max(1, segments.count) {
                let prefix = segments[..<end].joined(separator: ".")
                if prefixes[prefix] == nil { prefixes[prefix] = column.location }
            }
        }
        for column in columns {
            let parts = column.name.split(separator: ".", omittingEmptySubsequences: false).count
            if column.name.isEmpty {
                problems.append(diagnostic(column.location, "empty column name in the header"))
            } else if parts > maxParts(maxDepth) {
                problems.append(diagnostic(
                    column.location, "column name has \(parts) parts between dots: nesting deeper than \(maxDepth) levels"))
            } else if column.name.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
                problems.append(diagnostic(column.location, "column name \"\(column.name)\" has an empty part between dots"))
            } else if let nested = prefixes[column.name] {
                problems.append(diagnostic(
                    column.location, "column \"\(column.name)\" is also the map of the dotted column at \(place(nested))"))
            } else if let first = seen[column.name] {
                problems.append(diagnostic(
                    column.location, "duplicate column name \"\(column.name)\" (first at \(place(first)))"))
            } else {
                seen[column.name] = column.location
            }
        }
        return problems
    }

    /// The maps of one row, arranged once from the header: every row starts as a copy of the
    /// same template, so all rows share their keys' storage and only their values are new.
    /// Columns `name, accidents.current, accidents.previous` give rows
    /// `{name, accidents: {current, previous}}`; a later column replaces an earlier one with the
    /// same key (a header with such a clash is an error anyway).
    struct RowTemplate {
        private indirect enum Slot {
            case column(Int)
            case map(OrderedDictionary<String, Value>, [Slot])
        }

        private let template: OrderedDictionary<String, Value>
        private let slots: [Slot]

        init(keyPaths: [[String]]) {
            final class Node {
                var keys: [String] = []
                var entries: [String: Entry] = [:]
                enum Entry {
                    case column(Int)
                    case map(Node)
                }
            }
            let root = Node()
            for (column, keyPath) in keyPaths.enumerated() where !keyPath.isEmpty {
                var node = root
                for (depth, key) in keyPath.enumerated() {
                    if node.entries[key] == nil { node.keys.append(key) }
                    if depth == keyPath.count - 1 {
                        node.entries[key] = .column(column)
                    } else if case .map(let child)? = node.entries[key] {
                        node = child
                    } else {
                        let child = Node()
                        node.entries[key] = .map(child)
                        node = child
                    }
                }
            }
            func build(_ node: Node) -> (OrderedDictionary<String, Value>, [Slot]) {
                var slots: [Slot] = []
                for key in node.keys {
                    switch node.entries[key]! {
                    case .column(let column):
                        slots.append(.column(column))
                    case .map(let child):
                        let (template, childSlots) = build(child)
                        slots.append(.map(template, childSlots))
                    }
                }
                let template = OrderedDictionary(uniqueKeys: node.keys, values: Array(repeating: Value.null, count: node.keys.count))
                return (template, slots)
            }
            (template, slots) = build(root)
        }

        /// The row whose column `i` holds `value(i)`; a nested map is at its first value.
        func row(at location: SourceLocation, _ value: (Int) -> Value) -> Value {
            .map(Self.fill(template, slots, value), at: location)
        }

        private static func fill(
            _ template: OrderedDictionary<String, Value>, _ slots: [Slot], _ value: (Int) -> Value
        ) -> OrderedDictionary<String, Value> {
            var entries = template
            for (index, slot) in slots.enumerated() {
                switch slot {
                case .column(let column):
                    entries.values[index] = value(column)
                case .map(let nestedTemplate, let nestedSlots):
                    let nested = fill(nestedTemplate, nestedSlots, value)
                    entries.values[index] = .map(nested, at: nested.values.first?.location)
                }
            }
            return entries
        }
    }
}
