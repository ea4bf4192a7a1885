import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenText

/// A chart block's spec as written, every field at its type and position (positions count
/// lines of the spec: line 1 is the line after the opening fence).
///
/// ```yaml
/// type: grouped                  # bar | grouped | stacked | line | pie
/// title: 全省生产安全事故起数和死亡人数
/// data: statistics.byYear        # a path into the data, or the rows themselves
/// x: year                        # each row's category; or {key: year, label: 年份}
/// y:                             # one series or several: a key, or key + label (+ unit)
///   - {key: accidents, label: 事故起数, unit: 起}
///   - {key: deaths, label: 死亡人数, unit: 人}
/// unit: 起                       # after every value (a series' own unit wins)
/// sort: descending               # by the first series; ascending; none (the default)
/// limit: 10                      # the first rows only (after sorting); a pie sums the rest as 其他
/// note: 资料来源：省应急管理厅     # a line under the chart
/// ```
struct ChartSpec {
    enum DataSource {
        /// `data: statistics.byYear`: a dotted path into the project's data.
        case path(String, at: SourceLocation)
        /// `data:` followed by the rows.
        case rows([Value], at: SourceLocation)
    }

    /// A series as the spec names it.
    struct SeriesField {
        /// A dotted path inside each row: `deaths`, `事故起数.current`.
        var key: String
        var label: String
        var unit: String?
        var location: SourceLocation
    }

    enum Sort: String, CaseIterable {
        case none, ascending, descending
    }

    /// nil when the spec names no known type: its data is still checked.
    var kind: Chart.Kind?
    var title: String
    var data: DataSource
    var x: String
    /// What the categories are, for the Word chart's workbook (`x: {key: year, label: 年份}`);
    /// the key's last part by default.
    var xLabel: String
    var xLocation: SourceLocation
    var y: [SeriesField]
    var unit: String
    var sort: Sort
    var limit: Int?
    var note: String

    /// The keys a spec may hold.
    static let keys = ["type", "title", "data", "x", "y", "unit", "sort", "limit", "note"]
    /// The keys a series written as a map may hold.
    static let seriesKeys = ["key", "label", "unit"]
}

extension ChartSpec {
    /// The spec in `source` (the block's lines, YAML) and every problem found in it. The spec
    /// comes back whenever its data can still be checked (`data`, `x` and `y` readable), so
    /// that a wrong type and a wrong path are reported together. `path` names the spec in
    /// locations; the caller maps them to the document.
    static func parse(_ source: String, path: String) -> (spec: ChartSpec?, problems: ChartProblems) {
        let block = SourceLocation(path: path, line: 0, column: 1)
        let root: Value
        let keys: YAMLKeyLocations
        do throws(DiagnosticError) {
            (root, keys) = try YAMLReader(limits: limits).readWithKeyLocations(source, path: path)
        } catch {
            return (nil, ChartProblems(error.diagnostics.map { ChartProblem(at: $0.location ?? block, $0.message) }))
        }
        guard let entries = root.mapEntries else {
            let what = root.isNull ? "is empty" : "is a \(root.typeName)"
            return (nil, ChartProblems(ChartProblem(
                at: block, "the chart's spec \(what); it is a map with type, title, data, x and y (see README, “Charts”)")))
        }
        var problems = ChartProblems()
        let at = { (key: String) in keys.location(ofKey: key, in: root) ?? block }
        for key in entries.keys where !Self.keys.contains(key) {
            let hint = NameSuggester.closest(to: key, among: Self.keys).map { "; did you mean '\($0)'?" } ?? ""
            problems.append(at(key), "unknown chart key '\(key)'\(hint) (a chart has \(Self.keys.joined(separator: ", ")))")
        }

        func required(_ key: String) -> Value? {
            guard let value = entries[key], !value.isNull else {
                problems.append(block, "the chart has no '\(key)'")
                return nil
            }
            return value
        }
        func text(_ key: String, _ value: Value?) -> String? {
            guard let value else { return nil }
            switch value.kind {
            case .string, .number, .date, .bool: return value.text
            case .null: return ""
            default:
                problems.append(value.location ?? at(key), "'\(key)' is a \(value.typeName); it must be text")
                return nil
            }
        }

        let kind = required("type").flatMap { value -> Chart.Kind? in
            guard let name = text("type", value) else { return nil }
            if let kind = Chart.Kind(rawValue: name) { return kind }
            let names = Chart.Kind.allCases.map(\.rawValue)
            let hint = NameSuggester.closest(to: name, among: names).map { "did you mean '\($0)'? " } ?? ""
            problems.append(value.location ?? at("type"), "unknown chart type '\(name)'; \(hint)a chart is one of: \(names.joined(separator: ", "))")
            return nil
        }
        let title = text("title", required("title"))
        let data = required("data").flatMap { value -> DataSource? in
            let location = value.location ?? at("data")
            switch value.kind {
            case .string(let path): return .path(path, at: location)
            case .list(let rows): return .rows(rows, at: location)
            default:
                problems.append(location, "'data' is a \(value.typeName); it is a path into the data (statistics.byYear) or a list of rows")
                return nil
            }
        }
        let xValue = required("x")
        var x: String?
        var xLabel: String?
        if let xValue, let entries = xValue.mapEntries {
            for name in entries.keys where name != "key" && name != "label" {
                let hint = NameSuggester.closest(to: name, among: ["key", "label"]).map { "; did you mean '\($0)'?" } ?? ""
                problems.append(keys.location(ofKey: name, in: xValue) ?? at("x"), "unknown key '\(name)' in 'x'\(hint) (x has key and label)")
            }
            x = entries["key"]?.text
            xLabel = entries["label"]?.text
            if x?.isEmpty != false { problems.append(xValue.location ?? at("x"), "'x' needs its 'key': the name of each row's category") }
        } else {
            x = text("x", xValue)
        }
        let y = required("y").map { series(in: $0, keys: keys, problems: &problems) } ?? []
        let unit = text("unit", entries["unit"]) ?? ""
        let note = text("note", entries["note"]) ?? ""
        var sort = Sort.none
        if let value = entries["sort"], let name = text("sort", value) {
            if let order = Sort(rawValue: name) {
                sort = order
            } else {
                let names = Sort.allCases.map(\.rawValue)
                let hint = NameSuggester.closest(to: name, among: names).map { "did you mean '\($0)'? " } ?? ""
                problems.append(value.location ?? at("sort"), "unknown sort '\(name)'; \(hint)sort is one of: \(names.joined(separator: ", "))")
            }
        }
        var limit: Int?
        if let value = entries["limit"], !value.isNull {
            if let number = value.numberValue, number >= 1, number <= 1000,
                case let whole = NSDecimalNumber(decimal: number).intValue, Decimal(whole) == number
            {
                limit = whole
            } else {
                problems.append(value.location ?? at("limit"), "'limit' is \(value.description); it must be a whole number from 1 to 1000")
            }
        }

        if entries["y"] != nil, y.isEmpty, problems.isEmpty { problems.append(at("y"), "'y' names no series") }
        guard let data, let x, !y.isEmpty else { return (nil, problems) }
        let spec = ChartSpec(
            kind: kind, title: title ?? "", data: data, x: x, xLabel: xLabel ?? x.split(separator: ".").last.map(String.init) ?? x,
            xLocation: xValue?.location ?? at("x"), y: y, unit: unit, sort: sort, limit: limit, note: note)
        return (spec, problems)
    }

    /// A spec is a few lines: far smaller bounds than a data file's.
    private static let limits = DataLimits(maxFileSize: 1 << 20, maxDepth: 16, maxValues: 100_000)

    /// `y: deaths`, `y: [accidents, deaths]`, `y: {key: deaths, label: 死亡人数}` or a list of such maps.
    private static func series(in value: Value, keys: YAMLKeyLocations, problems: inout ChartProblems) -> [SeriesField] {
        let items = value.listItems ?? [value]
        var fields: [SeriesField] = []
        for item in items {
            let location = item.location ?? value.location ?? SourceLocation(path: "", line: 0, column: 1)
            switch item.kind {
            case .string, .number:
                let key = item.text ?? ""
                fields.append(SeriesField(key: key, label: key, unit: nil, location: location))
            case .map(let entries):
                for name in entries.keys where !seriesKeys.contains(name) {
                    let hint = NameSuggester.closest(to: name, among: seriesKeys).map { "; did you mean '\($0)'?" } ?? ""
                    problems.append(
                        keys.location(ofKey: name, in: item) ?? location,
                        "unknown series key '\(name)'\(hint) (a series has key, label and unit)")
                }
                guard let key = entries["key"]?.text, !key.isEmpty else {
                    problems.append(location, "a series needs its 'key': the name of its figure in each row")
                    continue
                }
                let label = entries["label"]?.text ?? key
                fields.append(SeriesField(key: key, label: label, unit: entries["unit"]?.text, location: location))
            default:
                problems.append(location, "a series is a key or a map with key, label and unit, not a \(item.typeName)")
            }
        }
        return fields
    }
}

/// One problem with a chart block, at its place in the spec (line 0: the opening fence).
struct ChartProblem: Hashable {
    var location: SourceLocation
    var message: String

    init(at location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }
}

/// The problems of one chart block, all of them, in the order found.
struct ChartProblems: Error {
    var all: [ChartProblem] = []

    init(_ problems: [ChartProblem] = []) {
        all = problems
    }

    init(_ problem: ChartProblem) {
        all = [problem]
    }

    var isEmpty: Bool { all.isEmpty }

    mutating func append(_ location: SourceLocation, _ message: String) {
        all.append(ChartProblem(at: location, message))
    }
}
