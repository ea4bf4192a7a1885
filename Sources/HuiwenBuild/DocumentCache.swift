import Foundation
import HuiwenData
import HuiwenDiagnostics

/// The input-hash cache of `huiwen build`: each document's inputs hashed into its line of the
/// manifest, so that a document whose inputs are unchanged (and whose files are all there) is
/// neither rendered nor read back.
///
/// A document's inputs: its template's text, the batch item it was merged with, every
/// top-level name it looked up in the data (namespaces such as `meeting`, also those not found:
/// adding one changes the output), the data its charts read, the partials it included, its
/// layout, and the build's options and huiwen version. Its key, which finds its line again,
/// is the template and the item: one changed row of a batch's data gives that row's document
/// a new key (it is built again) and leaves every other document's key and hash alone.
///
/// The previous build's lines are trusted only when they were written by this very huiwen
/// (`BuildIdentity`): a huiwen built from other code may write other bytes from the same
/// inputs, so it builds everything once.
final class DocumentCache: @unchecked Sendable {
    /// What the manifest keeps of one document, on the line of its first file.
    struct Record: Sendable, Hashable {
        /// The template and the item.
        var key: String
        /// Everything the document read, with `key` and the build's options.
        var hash: String
        /// What the document read, each tagged: `d:NAME` data, `p:PATH` partial, `l:NAME` layout.
        var inputs: [String]
        /// Its files, in the order they were written.
        var files: [String] = []
    }

    private let project: Project
    private let folder: String
    private let data: Value
    private let layouts: [String: String]
    /// The options and version every document's hash starts with.
    private let base: String
    /// The previous build's documents by key (empty when it was another huiwen's).
    private let previous: [String: [OutputManifest.Entry]]
    private let lock = NSLock()
    private var memo: [String: String] = [:]

    /// `formats`: the command line's `--to`, which every document's files depend on.
    init(project: Project, data: Value, layouts: [String: String], formats: [OutputFormat]?, previous manifest: OutputManifest?) {
        self.project = project
        folder = project.outputDirectory.path
        self.data = data
        self.layouts = layouts
        base = "huiwen \(HuiwenVersion.current) --to \(formats?.map(\.rawValue).joined(separator: ",") ?? "-")"
        var documents: [String: [OutputManifest.Entry]] = [:]
        for entry in manifest?.entries.values ?? [:].values {
            guard let record = entry.cache else { continue }
            let files = record.files.compactMap { manifest?.entries[$0] }
            if files.count == record.files.count { documents[record.key] = files }
        }
        previous = documents
    }

    /// What a template contributes to its documents' keys: its path and text.
    static func fingerprint(template path: String, text: String) -> String {
        InputHash(path, text).hex
    }

    /// The key of the document a template (by its `fingerprint`) makes of `item` (nil for a
    /// single document).
    func key(template fingerprint: String, item: Value?) -> String {
        var hash = InputHash(fingerprint)
        if let item { hash.combine(item) } else { hash.combine("-") }
        return hash.hex
    }

    /// The hash of a document's inputs now.
    func hash(key: String, inputs: [String], item: Value?) -> String {
        var hash = InputHash(base, key)
        for input in inputs {
            hash.combine(input)
            hash.combine(current(input, item: item))
        }
        return hash.hex
    }

    /// The manifest lines of the document at `key` when nothing it read has changed and its
    /// files are all there; nil: it must be built. (A file's bytes are not read back: that is
    /// what the cache saves. `build --check` compares them.)
    func unchanged(key: String, item: Value?) -> [OutputManifest.Entry]? {
        guard let entries = previous[key], let record = entries.first?.cache,
            record.hash == hash(key: key, inputs: record.inputs, item: item)
        else { return nil }
        for file in record.files {
            guard access(folder + "/" + file, F_OK) == 0 else { return nil }
        }
        return entries
    }

    /// What the input is now: a hash of its value or text (memoised: every document of a batch
    /// reads the same namespaces), `item` when the batch item gives it, `absent` when missing.
    private func current(_ input: String, item: Value?) -> String {
        let name = String(input.dropFirst(2))
        if input.hasPrefix("d:"), item?[name] != nil { return "item" }
        lock.lock()
        if let known = memo[input] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let value: String
        switch input.prefix(2) {
        case "d:":
            if name == "*" {
                var hash = InputHash()
                hash.combine(data)
                value = hash.hex
            } else {
                value = data[name].map { entry in
                    var hash = InputHash()
                    hash.combine(entry)
                    return hash.hex
                } ?? "absent"
            }
        case "p:": value = (try? project.read(name)).map { InputHash($0).hex } ?? "absent"
        case "l:": value = layouts[name].map { InputHash($0).hex } ?? "built-in"
        default: value = "unknown"
        }
        lock.lock()
        memo[input] = value
        lock.unlock()
        return value
    }

    /// The tagged inputs of a document, sorted.
    static func inputs(dataNames: Set<String>, partials: Set<String>, layout: String) -> [String] {
        (dataNames.map { "d:" + $0 } + partials.map { "p:" + $0 } + ["l:" + layout]).sorted()
    }
}

/// Which huiwen built the output folder: its version and its executable's size and time, in
/// `output/.huiwen-cache`. The manifest's hashes are the same on every machine (so `build
/// --check` and shards compare them); this file, which differs from machine to machine, says
/// whether they may be trusted here.
enum BuildIdentity {
    static let fileName = ".huiwen-cache"

    static let current: String = {
        var text = "huiwen \(HuiwenVersion.current)\n"
        if let path = Bundle.main.executablePath,
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        {
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
            let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            text += "\(path) \(size) \(String(format: "%.6f", time))\n"
        }
        return text
    }()

    /// Notes that this huiwen built the output folder (when a build wrote anything there). Not
    /// among the files a build reports: it is the build's own note, as the journal is.
    static func record(in directory: URL, _ report: inout BuildReport) {
        guard FileManager.default.fileExists(atPath: directory.path) else { return }
        do {
            try OutputWriter(directory: directory).write(Array(current.utf8), to: fileName)
        } catch {
            report.diagnostics.append(error)
        }
    }

    /// Whether the output folder was last built by this huiwen.
    static func matches(in directory: URL) -> Bool {
        (try? String(contentsOf: directory.appendingPathComponent(fileName), encoding: .utf8)) == current
    }
}
