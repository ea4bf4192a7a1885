import Foundation
@testable import HuiwenBuild
import Testing

/// The output folder's lock ends with its build, even while another copy of its descriptor
/// lives on: a child process forked by another thread holds one until it execs.
struct OutputLockTests {
    /// This process's descriptors open on `directory` (from /proc/self/fd).
    static func descriptors(on directory: URL) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return entries.compactMap { entry in
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(entry)"),
                  target == directory.path
            else { return nil }
            return Int32(entry)
        }
    }

    @Test func aSecondBuildLocksOnceTheFirstHasEndedThoughACopyOfItsDescriptorLives() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("huiwen-lock-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var first: OutputLock? = try OutputLock(directory: folder, name: "output")
        #expect(throws: (any Error).self) { try OutputLock(directory: folder, name: "output") }
        // A copy of the first build's descriptor, as a forked child that has not yet exec'd has.
        let copies = Self.descriptors(on: folder).map { dup($0) }
        defer { copies.forEach { close($0) } }
        #expect(copies.count == 1)
        first = nil
        _ = first
        #expect(throws: Never.self) { _ = try OutputLock(directory: folder, name: "output") }
    }
}
