import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Faults while `huiwen build` writes, with the real binary: killed at several moments of a
/// large batch, a full or read-only output folder, and two builds at once. Nothing already
/// built is lost: every file is its old or its new version, the manifest and its journal
/// account for every file, and the next build gives exactly what a clean build gives.
@Suite(.serialized) struct OutputFaultTests {
    typealias Project = BuildErrorTests.TemporaryProject

    /// A batch of `count` notices named from `first` on; `edition` changes every page's text.
    static func batch(first: Int, count: Int, edition: String) -> [String: String] {
        let items = (first..<(first + count)).map { "{\"name\": \"县\(String(format: "%04d", $0))\", \"n\": \($0)}" }
        return [
            "data/counties.json": "[" + items.joined(separator: ",\n") + "]\n",
            "templates/notice.md": """
                ---
                layout: notice
                each: counties
                output: notice-{{name}}
                title: 关于{{name}}安全生产工作的通知（\(edition)）
                ---
                ## 总体情况

                {{name}}共检查企业{{n}}家（\(edition)）。

                | 地区 | 企业 |
                |---|---|
                | {{name}} | {{n}} |

                """,
        ]
    }

    /// Every file of a folder, hidden ones too, with its bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    static func write(_ files: [String: String], into project: Project) throws {
        for (path, text) in files { try project.write(text, to: path) }
    }

    /// Starts `huiwen build` without waiting for it.
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func aBuildKilledAtAnyMomentLeavesEveryFileOldOrNewAndTheNextBuildCompletesIt() throws {
        let project = try Project([:])
        defer { project.remove() }
        let output = project.root.appendingPathComponent("output")
        // The old output: counties 0–239. The new data: 120–359, every page changed, so a build
        // rewrites 120 pages, writes 120 new ones and removes 120.
        try Self.write(Self.batch(first: 0, count: 240, edition: "旧"), into: project)
        #expect(try project.build().status == 0)
        let old = try Self.snapshot(output)

        try Self.write(Self.batch(first: 120, count: 240, edition: "新"), into: project)
        let reference = project.root.appendingPathComponent("reference")
        let clock = ContinuousClock()
        let start = clock.now
        #expect(try project.build(["--output", reference.path]).status == 0)
        let duration = clock.now - start
        let new = try Self.snapshot(reference)
        try FileManager.default.removeItem(at: reference)

        var mixed = 0
        let fractions = [0.15, 0.4, 0.65, 0.9]
        for fraction in fractions {
            try? FileManager.default.removeItem(at: output)
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            for (name, data) in old { try data.write(to: output.appendingPathComponent(name)) }

            let process = try Self.start(["build", "--root", project.root.path])
            Thread.sleep(forTimeInterval: (duration * fraction).seconds)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let after = try Self.snapshot(output)
            var oldCount = 0
            var newCount = 0
            for (name, data) in after {
                if name.hasPrefix(".") && name.hasSuffix(".huiwen-tmp") { continue }  // removed by the next build
                if name == ".huiwen-journal" {
                    Self.expectJournalLines(data, "killed at \(fraction)")
                    continue
                }
                let isOld = old[name] == data
                let isNew = new[name] == data
                #expect(isOld || isNew, "killed at \(fraction): \(name) is neither its old nor its new version")
                if name.hasPrefix("notice-") {
                    if isNew && !isOld { newCount += 1 }
                    if isOld && !isNew { oldCount += 1 }
                }
            }
            // Every file huiwen wrote is listed in the manifest or the journal.
            let listed = Self.listedFiles(after)
            for name in after.keys where !name.hasPrefix(".") {
                #expect(listed.contains(name), "killed at \(fraction): \(name) is in no manifest or journal")
            }
            if oldCount > 0 && newCount > 0 { mixed += 1 }

            let rebuild = try project.build()
            #expect(rebuild.status == 0, "\(rebuild.standardError)")
            let rebuilt = try Self.snapshot(output)
            #expect(Set(rebuilt.keys) == Set(new.keys), "after the kill at \(fraction): \(Set(rebuilt.keys).symmetricDifference(new.keys).sorted().prefix(5))")
            #expect(rebuilt == new, "after the kill at \(fraction) the output differs from a clean build")
        }
        print("killed builds: \(mixed) of \(fractions.count) stopped between old and new pages (the build takes \(duration))")
        #expect(mixed >= 1, "no kill landed in the middle of the batch")
    }

    static func expectJournalLines(_ data: Data, _ context: String) {
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        // Each line has the manifest's five fields (nine on a document's first file, with its
        // cache record); a kill may cut off only the last one.
        for line in lines.dropLast() {
            #expect([5, 9].contains(line.split(separator: "\t", omittingEmptySubsequences: false).count), "\(context): journal line \(line)")
        }
    }

    /// The files the manifest and the journal list.
    static func listedFiles(_ folder: [String: Data]) -> Set<String> {
        var listed: Set<String> = []
        for name in [".huiwen-manifest", ".huiwen-journal"] {
            guard let data = folder[name] else { continue }
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                if fields.count == 5 || fields.count == 9 { listed.insert(String(fields[0])) }
            }
        }
        return listed
    }

    // MARK: Full and read-only folders

    static let pages = [
        "templates/small.md": "---\ntitle: 小\n---\n短文。\n",
        "templates/large.md": "---\ntitle: 大\n---\n" + String(repeating: "长文字。", count: 2_000) + "\n",
    ]

    /// The project built once, then `large` edited to need more room than there will be.
    static func projectWithOldOutput(output: URL? = nil) throws -> (Project, [String: Data]) {
        let project = try Project(pages)
        let extra = output.map { ["--output", $0.path] } ?? []
        let first = try project.build(extra)
        #expect(first.status == 0, "\(first.standardError)")
        let old = try snapshot(output ?? project.root.appendingPathComponent("output"))
        try project.write("---\ntitle: 大（新）\n---\n" + String(repeating: "新的长文字。", count: 8_000) + "\n", to: "templates/large.md")
        try project.write("---\ntitle: 小（新）\n---\n短文（新）。\n", to: "templates/small.md")
        return (project, old)
    }

    /// What a full folder leaves: exit 1, the large page's error at its file, the large page
    /// as it was, no temporary file.
    static func expectNothingLost(_ result: CLIRunner.Result, in folder: URL, old: [String: Data], reason: String) throws {
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardError.contains("large.html: error: cannot write file (\(reason))"), "\(result.standardError)")
        let after = try snapshot(folder)
        #expect(after["large.html"] == old["large.html"])
        #expect(after["large.md"] == old["large.md"])
        #expect(!after.keys.contains { $0.hasSuffix(".huiwen-tmp") }, "\(after.keys.sorted())")
        // The manifest still lists every file there is.
        let listed = listedFiles(after)
        for name in after.keys where !name.hasPrefix(".") { #expect(listed.contains(name), "\(name) is listed nowhere") }
    }

    @Test func aFileSizeLimitGivesAClearErrorAndLosesNothing() throws {
        let (project, old) = try Self.projectWithOldOutput()
        defer { project.remove() }
        // dash and bash count `ulimit -f` in blocks of 512 and 1024 bytes: 100 blocks stop the
        // large page (over 130 KB) in either, and let the small ones through.
        let result = try CLIRunner.run(["-c", "ulimit -f 100 && exec \"$0\" build --root \"$1\"", CLIRunner.executable.path, project.root.path],
                                       executable: URL(fileURLWithPath: "/bin/sh"))
        let output = project.root.appendingPathComponent("output")
        try Self.expectNothingLost(result, in: output, old: old, reason: "File too large")
        #expect(String(decoding: try project.read("output/small.md"), as: UTF8.self).contains("短文（新）"))
        #expect(try project.build().status == 0)
        // The page that could not be written is written by the next build (the cache does not
        // take the old file for the new one).
        #expect(String(decoding: try project.read("output/large.html"), as: UTF8.self).contains("新的长文字"))
    }

    /// Mounts a tmpfs of `size` at a new folder (as root, where mounting is allowed); nil otherwise.
    static func mountTemporaryFileSystem(size: String) throws -> URL? {
        guard geteuid() == 0 else { return nil }
        let folder = try CLIRunner.temporaryDirectory()
        let result = try CLIRunner.run(["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", folder.path], executable: URL(fileURLWithPath: "/bin/mount"))
        guard result.status == 0 else {
            try? FileManager.default.removeItem(at: folder)
            return nil
        }
        return folder
    }

    static func unmount(_ folder: URL) {
        _ = try? CLIRunner.run([folder.path], executable: URL(fileURLWithPath: "/bin/umount"))
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func aFullFolderGivesAClearErrorAndLosesNothing() throws {
        guard let folder = try Self.mountTemporaryFileSystem(size: "2m") else {
            print("skipped: mounting a small tmpfs needs root (the file size limit test covers a full disk)")
            return
        }
        defer { Self.unmount(folder) }
        let (project, old) = try Self.projectWithOldOutput(output: folder)
        defer { project.remove() }
        // Fill what is left but 40 KB: the new large page (over 130 KB) cannot fit.
        let free = try FileManager.default.attributesOfFileSystem(forPath: folder.path)[.systemFreeSize] as? Int ?? 0
        let filler = folder.appendingPathComponent(".filler")
        try Data(count: max(0, free - 40_000)).write(to: filler)
        let result = try project.build(["--output", folder.path])
        try Self.expectNothingLost(result, in: folder, old: old, reason: "No space left on device")
        try FileManager.default.removeItem(at: filler)
        let rebuild = try project.build(["--output", folder.path])
        #expect(rebuild.status == 0, "\(rebuild.standardError)")
    }

    @Test func aReadOnlyFolderGivesAClearErrorAndLosesNothing() throws {
        if geteuid() != 0 {
            let (project, old) = try Self.projectWithOldOutput()
            defer { project.remove() }
            let output = project.root.appendingPathComponent("output")
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: output.path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: output.path) }
            let result = try project.build()
            try Self.expectNothingLost(result, in: output, old: old, reason: "Permission denied")
            return
        }
        // Root writes into any folder whatever its mode: a tmpfs remounted read-only stops it.
        guard let folder = try Self.mountTemporaryFileSystem(size: "1m") else {
            print("skipped: as root, a read-only folder needs a mount, which is not allowed here")
            return
        }
        defer { Self.unmount(folder) }
        let (project, old) = try Self.projectWithOldOutput(output: folder)
        defer { project.remove() }
        #expect(try CLIRunner.run(["-o", "remount,ro", folder.path], executable: URL(fileURLWithPath: "/bin/mount")).status == 0)
        let result = try project.build(["--output", folder.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains(": error: cannot write file (Read-only file system)"), "\(result.standardError)")
        #expect(try Self.snapshot(folder) == old)
    }

    // MARK: Two builds at once

    @Test func aSecondBuildOnTheSameFolderStopsWithAClearMessage() throws {
        let project = try Project(Self.pages)
        defer { project.remove() }
        #expect(try project.build().status == 0)
        let output = project.root.appendingPathComponent("output")
        let old = try Self.snapshot(output)
        try project.write("---\ntitle: 小（新）\n---\n新。\n", to: "templates/small.md")

        // Another build holds the folder: here, this test process.
        let descriptor = open(output.path, O_RDONLY)
        #expect(descriptor >= 0)
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let refused = try project.build()
        close(descriptor)
        #expect(refused.status == 1)
        #expect(BuildErrorTests.errorLines(refused) == [
            "output: error: another huiwen build is writing to this folder; wait until it has finished, then build again",
        ])
        #expect(try Self.snapshot(output) == old)
        #expect(try project.build().status == 0)
    }

    @Test func twoBuildsStartedTogetherNeverInterleave() throws {
        let project = try Project([:])
        defer { project.remove() }
        try Self.write(Self.batch(first: 0, count: 300, edition: "旧"), into: project)
        #expect(try project.build().status == 0)
        try Self.write(Self.batch(first: 100, count: 300, edition: "新"), into: project)
        let reference = project.root.appendingPathComponent("reference")
        #expect(try project.build(["--output", reference.path]).status == 0)
        let new = try Self.snapshot(reference)

        let builds = try (0..<2).map { _ in try Self.start(["build", "--root", project.root.path]) }
        for build in builds { build.waitUntilExit() }
        let statuses = builds.map(\.terminationStatus).sorted()
        // Either one ran while the other was refused, or they ran one after the other.
        #expect(statuses == [0, 1] || statuses == [0, 0], "\(statuses)")
        #expect(try Self.snapshot(project.root.appendingPathComponent("output")) == new)
    }
}

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
