import Foundation
import HuiwenDiagnostics

/// One part of a build split across machines (`huiwen build --shard I/N`, a CI matrix): the
/// documents whose place in the build's order (templates by name, then items) leaves `index -
/// 1` when divided by `count`. Every shard builds the same number of documents, give or take
/// one, and the shards together build each document once.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1 to `count`.
    public let index: Int
    public let count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// `I/N`, as the command line and the shard's marker file write it.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether the document at `ordinal` (0-based, in build order) is this shard's.
    func contains(_ ordinal: Int) -> Bool {
        ordinal % count == index - 1
    }
}
