import Foundation
import HuiwenBuild
import Testing

@testable import HuiwenServer

/// What serve's watcher sees in `data/`: every data format, a workbook saved by replacing the
/// file, and never the lock files spreadsheet programs leave beside an open workbook.
@Suite struct ProjectSnapshotTests {
    @Test func aWorkbookSavedByReplacingTheFileIsSeen() throws {
        try withFolder { root in
            let data = root.appendingPathComponent("data")
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
            let workbook = data.appendingPathComponent("cities.xlsx")
            try Data("PK first".utf8).write(to: workbook)
            let before = ProjectSnapshot.take(of: root)
            // As Excel, WPS and LibreOffice save: a new file of the same size, renamed over the old one.
            let replacement = data.appendingPathComponent("A1B2C3D4")
            try Data("PK again".utf8).write(to: replacement)
            #expect(rename(replacement.path, workbook.path) == 0)
            let changes = ProjectSnapshot.take(of: root).changes(since: before)
            #expect(changes.modified == ["data/cities.xlsx"])
            #expect(changes.added.isEmpty && changes.removed.isEmpty)
        }
    }

    @Test func lockFilesOfSpreadsheetProgramsAreNotWatched() throws {
        try withFolder { root in
            let data = root.appendingPathComponent("data")
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
            try Data("PK".utf8).write(to: data.appendingPathComponent("cities.xlsx"))
            let before = ProjectSnapshot.take(of: root)
            try Data("owner".utf8).write(to: data.appendingPathComponent("~$cities.xlsx"))
            try Data("user,host".utf8).write(to: data.appendingPathComponent(".~lock.cities.xlsx#"))
            #expect(ProjectSnapshot.take(of: root).changes(since: before) == ProjectChanges())
        }
        #expect(ProjectSnapshot.isWatched("data/cities.xlsx"))
        #expect(ProjectSnapshot.isWatched("data/sub/2026.XLSX"))
        #expect(!ProjectSnapshot.isWatched("data/~$cities.xlsx"))
        #expect(!ProjectSnapshot.isWatched("data/.~lock.cities.xlsx#"))
        #expect(!ProjectSnapshot.isWatched("data/cities.xls"))
    }

    private func withFolder(_ body: (URL) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("huiwen-snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try body(root)
    }
}
