import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenText

extension ChartSpec {
    /// The chart the spec draws from `data` (the project's data, a batch item's keys on top), or
    /// every problem: a missing path (with a did-you-mean), rows that are not maps, a missing
    /// key, a value that is not a number, no rows at all, series the type cannot draw.
    ///
    /// A problem with a value written in the spec (inline rows) is reported at that value; one
    /// with a value from a data file at the spec's field, naming the file's position. (A spec
    /// without a known type is checked all the same; its chart is never drawn.)
    func chart(in data: Value) -> Result<Chart, ChartProblems> {
        var problems = ChartProblems()
        let rows: [Value]
        let dataLocation: SourceLocation
        let dataName: String
        switch self.data {
        case .rows(let inline, let location):
            (rows, dataLocation, dataName) = (inline, location, "data")
        case .path(let path, let location):
            dataLocation = location
            dataName = "'\(path)'"
            switch Self.resolve(path, in: data) {
            case .missing(let message):
                return .failure(ChartProblems(ChartProblem(at: location, message)))
            case .found(let value):
                guard let items = value.listItems else {
                    return .failure(ChartProblems(ChartProblem(
                        at: location, "'\(path)' is a \(value.typeName)\(Self.origin(value)); a chart's data is a list of rows (maps)")))
                }
                rows = items
            }
        }
        guard !rows.isEmpty else {
            return .failure(ChartProblems(ChartProblem(at: dataLocation, "\(dataName) has no rows: the chart has nothing to draw")))
        }

        var categories: [String] = []
        var values = [[Decimal]](repeating: [], count: y.count)
        var reported: Set<String> = []
        func report(_ location: SourceLocation, _ kind: String, _ message: String) {
            // One problem of a kind per field: a column missing from 300 rows is one mistake.
            if reported.insert(kind).inserted { problems.append(location, message) }
        }
        let xPath = x.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let yPaths = y.map { $0.key.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }
        for (index, row) in rows.enumerated() {
            let rowName = "row \(index + 1)\(Self.origin(row))"
            guard let entries = row.mapEntries else {
                report(inSpec(row) ?? dataLocation, "row", "\(rowName) of \(dataName) is a \(row.typeName); rows are maps (key: value)")
                continue
            }
            if let category = row.value(at: xPath), let text = category.text, !category.isNull {
                categories.append(text)
            } else if let category = row.value(at: xPath) {
                report(inSpec(category) ?? xLocation, "x", "'\(x)' of \(rowName) is a \(category.typeName); a category is text, a number or a date")
            } else {
                let hint = NameSuggester.closest(to: xPath.last ?? x, among: entries.keys).map { "; did you mean '\($0)'?" } ?? ""
                report(xLocation, "x", "\(rowName) of \(dataName) has no '\(x)'\(hint)")
            }
            for (position, field) in y.enumerated() {
                let path = yPaths[position]
                guard let value = row.value(at: path) else {
                    let hint = NameSuggester.closest(to: path.last ?? field.key, among: entries.keys).map { "; did you mean '\($0)'?" } ?? ""
                    report(field.location, "y\(position)", "\(rowName) of \(dataName) has no '\(field.key)'\(hint)")
                    continue
                }
                guard let number = value.numberValue else {
                    let shown = value.isNull ? "empty" : value.stringValue.map { "\"\($0)\"" } ?? "a \(value.typeName)"
                    report(
                        inSpec(value) ?? field.location, "y\(position)",
                        "'\(field.key)' of \(rowName) is \(shown)\(Self.origin(value)), not a number")
                    continue
                }
                values[position].append(number)
            }
        }
        guard problems.isEmpty else { return .failure(problems) }

        var order = Array(categories.indices)
        if sort != .none {
            // Stable: equal values keep the data's order.
            order = order.enumerated().sorted { a, b in
                let (left, right) = (values[0][a.element], values[0][b.element])
                if left == right { return a.offset < b.offset }
                return sort == .ascending ? left < right : left > right
            }.map(\.element)
        }
        // A pie shows a whole: the rows a limit leaves out are one more slice, 其他.
        var rest: [Int] = []
        if let limit, limit < order.count {
            if kind == .pie { rest = Array(order[limit...]) }
            order = Array(order.prefix(limit))
        }
        let series = y.enumerated().map { position, field in
            var figures = order.map { values[position][$0] }
            if !rest.isEmpty { figures.append(rest.reduce(0) { $0 + values[position][$1] }) }
            return Chart.Series(label: field.label, unit: field.unit ?? unit, values: figures)
        }
        let chart = Chart(
            kind: kind ?? .bar, title: title, categoryName: xLabel,
            categories: order.map { categories[$0] } + (rest.isEmpty ? [] : [Self.otherSlice]), series: series, note: note)
        if kind != nil, let problem = Self.check(chart, series: y, data: dataLocation) { return .failure(ChartProblems(problem)) }
        return .success(chart)
    }

    /// The slice a pie's limit leaves for the rows it does not show.
    static let otherSlice = "其他"

    /// What the chart's type cannot draw: several series in a bar or a pie, negative parts.
    private static func check(_ chart: Chart, series fields: [SeriesField], data: SourceLocation) -> ChartProblem? {
        let second = fields.count > 1 ? fields[1].location : data
        switch chart.kind {
        case .bar where chart.series.count > 1:
            return ChartProblem(at: second, "a bar chart draws one series; for \(chart.series.count) use type: grouped (side by side) or stacked")
        case .pie where chart.series.count > 1:
            return ChartProblem(at: second, "a pie draws one series, not \(chart.series.count)")
        case .pie, .stacked:
            for (index, series) in chart.series.enumerated() {
                if let negative = series.values.firstIndex(where: { $0 < 0 }) {
                    return ChartProblem(
                        at: fields[index].location,
                        "'\(fields[index].key)' is \(series.values[negative]) for \(chart.categories[negative]): a \(chart.kind.rawValue) chart draws parts, which cannot be negative")
                }
            }
            if chart.kind == .pie, chart.series[0].values.allSatisfy({ $0 == 0 }) {
                return ChartProblem(at: fields[0].location, "every value of '\(fields[0].key)' is 0: a pie has no whole to divide")
            }
        default:
            break
        }
        return nil
    }

    /// The location of a value written in the spec itself (inline rows); nil for data files.
    private func inSpec(_ value: Value) -> SourceLocation? {
        guard case .rows(_, let at) = data, let location = value.location, location.path == at.path else { return nil }
        return location
    }

    /// ` (data/statistics.yaml:12:5)` for a value from a data file; "" for one in the spec.
    private static func origin(_ value: Value) -> String {
        guard let location = value.location, location.path != ChartBlock.specPath else { return "" }
        return " (\(location))"
    }

    enum Lookup {
        case found(Value)
        case missing(String)
    }

    /// The value at a dotted path of the data, or why there is none, with the nearest key
    /// where the path goes wrong.
    static func resolve(_ path: String, in data: Value) -> Lookup {
        let keys = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.isEmpty, !keys.contains(where: \.isEmpty) else {
            return .missing("'\(path)' is not a path: keys separated by dots, such as statistics.byYear")
        }
        var current = data
        for (index, key) in keys.enumerated() {
            let walked = keys[..<index].joined(separator: ".")
            switch current.kind {
            case .map(let entries):
                guard let next = entries[key] else {
                    let hint = NameSuggester.closest(to: key, among: entries.keys).map { "; did you mean '\($0)'?" } ?? ""
                    let place = walked.isEmpty ? "in the data" : "in '\(walked)'"
                    return .missing("no '\(key)' \(place)\(hint)")
                }
                current = next
            case .list(let items):
                guard let position = Int(key), items.indices.contains(position) else {
                    return .missing("'\(walked)' is a list of \(items.count); '\(key)' is not one of its indexes (0 to \(items.count - 1))")
                }
                current = items[position]
            default:
                return .missing("'\(walked)' is a \(current.typeName); it has no '\(key)'")
            }
        }
        return .found(current)
    }
}
