import Foundation

/// The inputs fuzzing found (`Tests/FuzzRegressions/TARGET/`), replayed by the normal suite
/// after their fix: see the README there.
public enum FuzzRegressions {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("FuzzRegressions")

    /// The inputs of one fuzz target, by file name, in name order.
    public static func inputs(of target: String) throws -> [(name: String, bytes: [UInt8])] {
        let folder = root.appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return try names.sorted().map { ($0, Array(try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }
}
