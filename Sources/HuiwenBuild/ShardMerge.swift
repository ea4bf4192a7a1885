import Foundation
import HuiwenDiagnostics
import HuiwenLayout

/// What a shard build leaves beside its files, `.huiwen-shard`: which shard it is, the
/// project's inputs it was built from and the formats asked for. The merge joins only shards
/// of one split, built from the project it runs in.
struct ShardMarker: Equatable {
    static let fileName = ".huiwen-shard"

    var shard: Shard
    /// `ProjectFingerprint` of the project the shard was built from.
    var inputs: String
    /// `--to`, or `-`.
    var formats: String

    init(shard: Shard, inputs: String, formats: [OutputFormat]?) {
        self.shard = shard
        self.inputs = inputs
        self.formats = formats?.map(\.rawValue).joined(separator: ",") ?? "-"
    }

    init?(_ text: String) {
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        guard let shard = fields["shard"].flatMap(Shard.init), let inputs = fields["inputs"], let formats = fields["formats"] else {
            return nil
        }
        self.shard = shard
        self.inputs = inputs
        self.formats = formats
    }

    var text: String { "shard \(shard)\ninputs \(inputs)\nformats \(formats)\n" }
}

/// A hash of every file of the project a build reads (`templates/` and `data/`, each file by
/// its path and bytes) with the huiwen version: equal when two checkouts would build the same
/// documents.
enum ProjectFingerprint {
    static func of(_ project: Project) -> String {
        var hash = InputHash("huiwen \(HuiwenVersion.current)")
        for folder in ["templates", "data"] {
            let base = project.root.appendingPathComponent(folder)
            guard let paths = try? FileManager.default.subpathsOfDirectory(atPath: base.path) else { continue }
            for path in paths.sorted() where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                var isDirectory: ObjCBool = false
                let url = base.appendingPathComponent(path)
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                hash.combine(folder + "/" + path)
                hash.combine((try? Data(contentsOf: url)).map { [UInt8]($0) } ?? [])
            }
        }
        return hash.hex
    }
}

/// `huiwen build --merge-shards DIR…`: the output folders of the shards of one split (each
/// made by `huiwen build --shard I/N`) joined into the output folder, with the index and the
/// manifest: the same files, byte for byte, as one build of the whole project. Every shard of
/// the split must be there, built from this project's templates and data; a file two shards
/// both wrote is an error. Nothing is written unless all of that holds.
struct ShardMerge {
    let project: Project
    let folders: [URL]

    func run() -> BuildReport {
        var report = BuildReport()
        let shards = read(&report)
        guard report.succeeded else { return report }
        var entries: [(entry: OutputManifest.Entry, folder: URL)] = []
        var owners: [String: URL] = [:]
        for (folder, manifest) in shards {
            for entry in manifest.entries.sorted(by: { $0.file < $1.file }) where !entry.template.isEmpty {
                if let other = owners[entry.file] {
                    report.diagnostics.append(Diagnostic(
                        path: shown(folder), "\(entry.file) is in two shards (\(shown(other)) too): two documents with one output name"))
                    continue
                }
                guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(entry.file).path) else {
                    report.diagnostics.append(Diagnostic(path: shown(folder), "\(entry.file) is in the shard's manifest but not in the folder"))
                    continue
                }
                owners[entry.file] = folder
                entries.append((entry, folder))
            }
        }
        guard report.succeeded else { return report }
        do {
            report.templates = try project.templatePaths()
        } catch {
            report.diagnostics.append(error)
            return report
        }
        report.rebuiltTemplates = Set(report.templates)
        _ = project.layouts(reportingInto: &report)

        var sink = OutputFolderSink(project: project)
        for (entry, folder) in entries {
            sink.copy(entry, from: folder, &report)
            report.pageEntries.append(entry)
            if !entry.layout.isEmpty { report.documentCount += 1 }
        }
        sink.finish(&report)
        // The files come from other huiwens: the next build here trusts none of their hashes.
        let writer = OutputWriter(directory: project.outputDirectory)
        for name in [BuildIdentity.fileName, ShardMarker.fileName] { _ = try? writer.remove(name) }
        return report
    }

    /// Each folder's manifest, once every folder has been found to be a shard of one split of
    /// this project, all of them there; otherwise the problems in `report`.
    private func read(_ report: inout BuildReport) -> [(URL, ManifestFile)] {
        guard !folders.isEmpty else {
            report.diagnostics.append(Diagnostic(path: "--merge-shards", "no shard folders given"))
            return []
        }
        let fingerprint = ProjectFingerprint.of(project)
        var markers: [(URL, ShardMarker)] = []
        for folder in folders {
            let place = shown(folder.appendingPathComponent(ShardMarker.fileName))
            guard let text = try? String(contentsOf: folder.appendingPathComponent(ShardMarker.fileName), encoding: .utf8) else {
                report.diagnostics.append(Diagnostic(
                    path: place, "missing: \(shown(folder)) is not the output folder of a shard build (huiwen build --shard I/N)"))
                continue
            }
            guard let marker = ShardMarker(text) else {
                report.diagnostics.append(Diagnostic(path: place, "not a shard marker huiwen wrote"))
                continue
            }
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(OutputManifest.journalName).path) {
                report.diagnostics.append(Diagnostic(path: place, "shard \(marker.shard)'s build did not finish (its journal is still there); build it again"))
            }
            if marker.inputs != fingerprint {
                report.diagnostics.append(Diagnostic(
                    path: place, "shard \(marker.shard) was built from other templates or data (or another huiwen version) than \(project.root.path)"))
            }
            if let (first, other) = markers.first {
                if other.shard.count != marker.shard.count {
                    report.diagnostics.append(Diagnostic(path: place, "shard \(marker.shard) is of another split than \(shown(first)) (\(other.shard))"))
                }
                if other.formats != marker.formats {
                    report.diagnostics.append(Diagnostic(
                        path: place, "shard \(marker.shard) was built --to \(marker.formats), \(shown(first)) --to \(other.formats)"))
                }
            }
            if let twin = markers.first(where: { $0.1.shard == marker.shard }) {
                report.diagnostics.append(Diagnostic(path: place, "shard \(marker.shard) is given twice (\(shown(twin.0)) too)"))
            }
            markers.append((folder, marker))
        }
        if let count = markers.first?.1.shard.count {
            let given = Set(markers.map(\.1.shard.index))
            for index in 1...count where !given.contains(index) {
                report.diagnostics.append(Diagnostic(path: "--merge-shards", "shard \(index)/\(count) is missing: give every shard's folder"))
            }
        }
        guard report.succeeded else { return [] }
        return markers.map { ($0.0, ManifestFile(reading: $0.0)) }
    }

    /// A folder as messages name it: relative to the current directory when inside it.
    private func shown(_ url: URL) -> String {
        let current = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(current) ? String(url.path.dropFirst(current.count)) : url.path
    }
}
