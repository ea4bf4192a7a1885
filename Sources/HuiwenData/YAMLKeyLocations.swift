import HuiwenDiagnostics

/// Where the keys of a YAML file's maps were written. `Value` remembers where each value
/// starts; a message about a key itself (an unknown field, say) points at the key.
///
/// ```swift
/// let (value, keys) = try YAMLReader().readWithKeyLocations("title: 通知\n", path: "a.yaml")
/// keys.location(ofKey: "title", in: value)  // a.yaml:1:1
/// ```
public struct YAMLKeyLocations: Sendable, Hashable {
    /// Map location → key → where the key starts. Two maps never start at one place.
    private var table: [SourceLocation: [String: SourceLocation]] = [:]

    public init() {}

    mutating func record(_ keys: [String: SourceLocation], ofMapAt location: SourceLocation) {
        table[location] = keys
    }

    /// Where `key` was written in the map `map`; nil when the map or the key is unknown.
    public func location(ofKey key: String, in map: Value) -> SourceLocation? {
        guard let mapLocation = map.location else { return nil }
        return table[mapLocation]?[key]
    }
}
