/// Bounds on what a data file may hold, so that no input (a huge file, a deeply nested list,
/// a YAML alias bomb, a zip bomb) can exhaust memory or the stack. Exceeding one is an ordinary error.
public struct DataLimits: Sendable, Hashable {
    /// Largest file read, in bytes (64 MiB by default); a larger file is refused before reading.
    public var maxFileSize: Int
    /// Deepest nesting of lists and maps (256 by default). The readers recurse once per
    /// level, so keep it in the thousands at most; YAML is also capped by libyaml at 1,000.
    public var maxDepth: Int
    /// Most values in one file, counting every value an alias expands to (1,000,000 by default).
    public var maxValues: Int
    /// Most bytes inflated from one Excel workbook, all its parts together (256 MiB by default);
    /// a part that would pass it is refused before it is inflated.
    public var maxUncompressedSize: Int
    /// Highest ratio of a workbook part's inflated size to its compressed size (200 by default;
    /// real sheets stay under 20), checked for parts over 1 MiB: a zip bomb is refused.
    public var maxCompressionRatio: Int

    public init(
        maxFileSize: Int = 64 << 20, maxDepth: Int = 256, maxValues: Int = 1_000_000,
        maxUncompressedSize: Int = 256 << 20, maxCompressionRatio: Int = 200
    ) {
        self.maxFileSize = maxFileSize
        self.maxDepth = maxDepth
        self.maxValues = maxValues
        self.maxUncompressedSize = maxUncompressedSize
        self.maxCompressionRatio = maxCompressionRatio
    }
}
