import HuiwenData
import HuiwenDiagnostics
import HuiwenTemplate
import HuiwenText

/// The documents one template makes: one, or one per item of its `each` list (each item a
/// map whose keys sit on top of the data), with what the batch rules find wrong.
enum Batch {
    /// The items to merge: `[nil]` for a single document.
    static func items(of template: DocumentTemplate, in data: Value) throws(DiagnosticError) -> [Value?] {
        guard let path = template.frontMatter.each else { return [nil] }
        let location = template.frontMatter.locations[.each]
        let name = path.joined(separator: ".")
        guard let list = data.value(at: path) else {
            let hint = suggestion(for: path, in: data).map { "; did you mean '\($0)'?" } ?? ""
            throw DiagnosticError(Diagnostic(at: location, "'each' names '\(name)', which is not in the data\(hint)"))
        }
        guard let items = list.listItems else {
            throw DiagnosticError(Diagnostic(at: location, "'each' needs a list, but '\(name)' is a \(list.typeName)"))
        }
        return items
    }

    /// The item's problem when it cannot be merged (it is not a map).
    static func check(_ item: Value?, of template: DocumentTemplate) -> Diagnostic? {
        guard let item, item.mapEntries == nil else { return nil }
        let name = template.frontMatter.each?.joined(separator: ".") ?? ""
        return Diagnostic(at: item.location ?? template.frontMatter.locations[.each], "each item of '\(name)' must be a map, got a \(item.typeName)")
    }

    /// The data a batch item's document reads outside its template (a chart's `data:`): the
    /// project's data with the item's keys on top, as the merge sees them.
    static func context(_ data: Value, item: Value?) -> Value {
        guard let entries = item?.mapEntries, var root = data.mapEntries else { return data }
        for (key, value) in entries { root[key] = value }
        return .map(root, at: data.location)
    }

    /// "did you mean" for an `each` path: the nearest key at the first segment that is missing.
    static func suggestion(for path: [String], in data: Value) -> String? {
        var current = data
        for (position, key) in path.enumerated() {
            if let next = current[key] {
                current = next
                continue
            }
            guard let keys = current.mapEntries?.keys, let near = NameSuggester.closest(to: key, among: keys) else {
                return nil
            }
            return (path[..<position] + [near]).joined(separator: ".")
        }
        return nil
    }

    /// The same error in a batch of 14 items is one message, not 14. A tag that fails for
    /// several items with messages that differ by the item's value (`percent: expects a number,
    /// got string "长沙市"`) is one message too: the first item's, with how many more failed there.
    static func collapsed(_ perItem: [[Diagnostic]]) -> [Diagnostic] {
        guard perItem.count > 1 else { return perItem.first ?? [] }
        struct Place: Hashable {
            var location: SourceLocation?
            var message: String?
        }
        var order: [Place] = []
        var first: [Place: Diagnostic] = [:]
        var items: [Place: Set<Int>] = [:]
        var differs: Set<Place> = []
        for (index, problems) in perItem.enumerated() {
            for problem in problems {
                // Diagnostics without a position are only the same when their messages are.
                let place = Place(location: problem.location, message: problem.location == nil ? problem.message : nil)
                if let earlier = first[place] {
                    if earlier.message != problem.message { differs.insert(place) }
                } else {
                    first[place] = problem
                    order.append(place)
                }
                items[place, default: []].insert(index)
            }
        }
        return order.map { place in
            var diagnostic = first[place]!
            let more = (items[place]?.count ?? 1) - 1
            if differs.contains(place), more > 0 {
                diagnostic.message += " (and \(more) more item\(more == 1 ? "" : "s"))"
            }
            return diagnostic
        }
    }
}
