import Foundation

/// A small document project in a temporary folder, written file by file.
struct ProjectFixture {
    let root: URL

    init(_ files: [String: String]) throws {
        root = try CLIRunner.temporaryDirectory()
        for (path, contents) in files { try write(path, contents) }
    }

    func write(_ path: String, _ contents: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    @discardableResult
    func huiwen(_ arguments: String...) throws -> CLIRunner.Result {
        try huiwen(arguments)
    }

    @discardableResult
    func huiwen(_ arguments: [String]) throws -> CLIRunner.Result {
        try CLIRunner.run(arguments + ["--root", root.path])
    }
}
