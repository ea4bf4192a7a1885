import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HuiwenBuild
import HuiwenData

/// What the watched files of a project look like at one moment: for every input under
/// `templates/` and `data/`, its modification time, size and inode. Two snapshots differ
/// when a file was saved (in place or by rename: Excel, WPS and LibreOffice save a workbook by
/// writing a new file and renaming it over the old one, which the inode shows), added or removed.
struct ProjectSnapshot: Equatable, Sendable {
    struct Stamp: Equatable, Sendable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int64
        var inode: UInt64
        var isDirectory: Bool
    }

    /// Root-relative path → stamp. The folders `templates` and `data` themselves are in it too,
    /// so replacing one with a file is seen.
    private(set) var entries: [String: Stamp] = [:]

    /// Bounds a walk through a huge or looping tree; past it the rest is not watched.
    static let maxEntries = 20_000

    /// Takes a snapshot of `root`; missing folders are simply absent.
    static func take(of root: URL) -> ProjectSnapshot {
        var snapshot = ProjectSnapshot()
        for folder in ["templates", "data"] {
            snapshot.walk(root: root.path, relative: folder, depth: 0)
        }
        return snapshot
    }

    private mutating func walk(root: String, relative: String, depth: Int) {
        guard entries.count < Self.maxEntries, depth < 32, let stamp = Self.stamp(atPath: root + "/" + relative) else { return }
        guard stamp.isDirectory else {
            if Self.isWatched(relative) { entries[relative] = stamp }
            return
        }
        if depth == 0 { entries[relative] = stamp }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root + "/" + relative) else { return }
        for name in names where !name.hasPrefix(".") {
            walk(root: root, relative: relative + "/" + name, depth: depth + 1)
        }
    }

    /// Inputs the build reads; editor leftovers (`x.md~`, `.x.swp`, `4913`) and the lock files
    /// of spreadsheet programs (`~$cities.xlsx`) are not.
    static func isWatched(_ path: String) -> Bool {
        let fileExtension = (path as NSString).pathExtension.lowercased()
        if path.hasPrefix("data/") {
            return DataFormat(fileExtension: fileExtension) != nil && !DataFormat.isLockFile((path as NSString).lastPathComponent)
        }
        if path.hasPrefix("templates/partials/") { return !path.hasSuffix("~") && fileExtension != "swp" }
        if path.hasPrefix("templates/layouts/") { return fileExtension == "html" }
        return fileExtension == "md"
    }

    /// lstat first, so links to folders cannot lead the walk in circles.
    private static func stamp(atPath path: String) -> Stamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            // A link to a file is read through: watch the file it points to. Links to folders
            // are not followed (the data loader does not follow them either).
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { return nil }
        }
        let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Stamp(
            seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec), size: Int64(info.st_size),
            inode: UInt64(info.st_ino), isDirectory: isDirectory)
    }

    /// The files that differ from `older` to `self`.
    func changes(since older: ProjectSnapshot) -> ProjectChanges {
        var changes = ProjectChanges()
        for (path, stamp) in entries {
            if let previous = older.entries[path] {
                if previous != stamp {
                    // A top folder's own time changes whenever a file in it is added; that is
                    // seen through the files. Only its replacement matters.
                    if stamp.isDirectory && previous.isDirectory { continue }
                    changes.modified.insert(path)
                }
            } else {
                changes.added.insert(path)
            }
        }
        for path in older.entries.keys where entries[path] == nil {
            changes.removed.insert(path)
        }
        return changes
    }
}
