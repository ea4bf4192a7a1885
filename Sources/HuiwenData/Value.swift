import Foundation
import HuiwenDiagnostics
import OrderedCollections

/// A calendar date as written in data (`2026-01-10`): no time, no time zone, so it prints the
/// same on every machine.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` strictly (a real day of a real month); nil otherwise.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

/// A value from the project's data: the tree every template reads.
///
/// Maps keep their file's key order (so output is deterministic); numbers are exact `Decimal`s
/// (27.85 rounds to 27.9, never to 27.8 as a binary double might); every value remembers the
/// `path:line:col` it came from, for error messages.
public struct Value: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case map(OrderedDictionary<String, Value>)
        case list([Value])
        case string(String)
        case number(Decimal)
        case bool(Bool)
        case date(CalendarDate)
        case null
    }

    public var kind: Kind
    /// Where it was read, in 16 bytes rather than an optional `SourceLocation`'s 32: a value is
    /// 48 bytes instead of 64, and a 20,000-row table holds some 320,000 of them.
    private var place: Place?

    /// The `path:line:col` it was read at.
    public var location: SourceLocation? {
        get { place?.location }
        set { place = newValue.map(Place.init) }
    }

    public init(_ kind: Kind, at location: SourceLocation? = nil) {
        self.kind = kind
        self.place = location.map(Place.init)
    }

    public static func == (lhs: Value, rhs: Value) -> Bool {
        lhs.kind == rhs.kind && lhs.location == rhs.location
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(location)
    }

    public static func map(_ entries: OrderedDictionary<String, Value>, at location: SourceLocation? = nil) -> Value {
        Value(.map(entries), at: location)
    }

    public static func list(_ items: [Value], at location: SourceLocation? = nil) -> Value {
        Value(.list(items), at: location)
    }

    public static func string(_ text: String, at location: SourceLocation? = nil) -> Value {
        Value(.string(text), at: location)
    }

    public static func number(_ number: Decimal, at location: SourceLocation? = nil) -> Value {
        Value(.number(number), at: location)
    }

    public static func bool(_ flag: Bool, at location: SourceLocation? = nil) -> Value {
        Value(.bool(flag), at: location)
    }

    public static func date(_ date: CalendarDate, at location: SourceLocation? = nil) -> Value {
        Value(.date(date), at: location)
    }

    public static let null = Value(.null)

    /// The entry `key` of a map; nil for a missing key or a value that is not a map.
    public subscript(key: String) -> Value? {
        if case .map(let entries) = kind { return entries[key] }
        return nil
    }

    /// The value at a dotted path of keys (`statistics.accidents.current`); list items are
    /// reached by their 0-based index (`actions.0.title`).
    public func value(at path: some Sequence<String>) -> Value? {
        var current = self
        for key in path {
            switch current.kind {
            case .map(let entries):
                guard let next = entries[key] else { return nil }
                current = next
            case .list(let items):
                guard let index = Int(key), items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }

    public var mapEntries: OrderedDictionary<String, Value>? {
        if case .map(let entries) = kind { return entries }
        return nil
    }

    public var listItems: [Value]? {
        if case .list(let items) = kind { return items }
        return nil
    }

    public var stringValue: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    public var numberValue: Decimal? {
        if case .number(let number) = kind { return number }
        return nil
    }

    public var isNull: Bool {
        if case .null = kind { return true }
        return false
    }

    /// A short name of the value's type for messages: "map", "list", "string", …
    public var typeName: String {
        switch kind {
        case .map: "map"
        case .list: "list"
        case .string: "string"
        case .number: "number"
        case .bool: "bool"
        case .date: "date"
        case .null: "null"
        }
    }

    /// The text a value prints as in a template: numbers in plain decimal notation
    /// (`12133`, `0.279`), dates as `YYYY-MM-DD`, null as empty; maps and lists have no text.
    public var text: String? {
        switch kind {
        case .string(let text): text
        case .number(let number): Self.plainText(of: number)
        case .bool(let flag): flag ? "true" : "false"
        case .date(let date): date.description
        case .null: ""
        case .map, .list: nil
        }
    }

    public var description: String {
        switch kind {
        case .map(let entries):
            "{" + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        case .list(let items):
            "[" + items.map(\.description).joined(separator: ", ") + "]"
        default:
            text ?? ""
        }
    }

    /// Decimal's own description is plain decimal notation with no exponent and no grouping,
    /// the same on every locale.
    public static func plainText(of number: Decimal) -> String {
        number.description
    }
}

extension Value {
    /// A `SourceLocation` in 16 bytes: its path as an object every value of one file shares
    /// (`SharedPath`), its line and column as 32-bit numbers. A location whose line or column
    /// does not fit (no data file is that large) is kept whole in an object of its own.
    struct Place: Sendable {
        private let path: SharedPath
        private let line: Int32
        private let column: Int32

        init(_ location: SourceLocation) {
            if let line = Int32(exactly: location.line), let column = Int32(exactly: location.column) {
                path = SharedPath.of(location.path)
                self.line = line
                self.column = column
            } else {
                path = SharedPath(location.path, whole: location)
                line = 0
                column = 0
            }
        }

        var location: SourceLocation {
            path.whole ?? SourceLocation(path: path.path, line: Int(line), column: Int(column))
        }
    }

    /// A file's path, as one object for the values read from the file.
    final class SharedPath: Sendable {
        let path: String
        /// The whole location, for one that `Place` cannot hold in its numbers.
        let whole: SourceLocation?

        init(_ path: String, whole: SourceLocation? = nil) {
            self.path = path
            self.whole = whole
        }

        /// The path last asked for: a reader makes the values of one file one after the other,
        /// so they share one object; values of files read side by side may get several, which
        /// costs only their few bytes.
        private nonisolated(unsafe) static var last = SharedPath("")
        private static let lock = NSLock()

        static func of(_ path: String) -> SharedPath {
            lock.lock()
            defer { lock.unlock() }
            if last.path == path { return last }
            last = SharedPath(path)
            return last
        }
    }
}
