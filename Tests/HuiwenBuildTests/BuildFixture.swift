import Foundation
import HuiwenBuild
import HuiwenDiagnostics

/// A small document project in a temporary folder, built in memory by the real build loop.
struct BuildFixture {
    let root: URL

    /// The example data of these tests, one file per top-level key.
    static let data: [String: String] = [
        "data/name.yaml": "全省\n",
        "data/meeting.yaml": """
            year: 2026
            title: 全省安全生产电视电话会议
            issuer: 湖南省安全生产委员会办公室

            """,
        "data/cities.yaml": """
            - name: 长沙市
              government: 长沙市人民政府
            - name: 株洲市
              government: 株洲市人民政府
            - name: 湘潭市
              government: 湘潭市人民政府

            """,
    ]

    /// A project with `files` (root-relative path → text) on top of the example data.
    init(_ files: [String: String], data: [String: String] = BuildFixture.data) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("huiwen-build-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, contents) in data.merging(files, uniquingKeysWith: { $1 }) { try write(path, contents) }
    }

    func write(_ path: String, _ contents: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    var builder: Builder { Builder(project: Project(root: root)) }

    /// Renders every document in memory.
    func render() -> BuildReport {
        builder.render()
    }

    /// `path:line:col` of a diagnostic.
    static func place(_ diagnostic: Diagnostic?) -> String {
        guard let location = diagnostic?.location else { return "nowhere" }
        return "\(location.path):\(location.line):\(location.column)"
    }
}
