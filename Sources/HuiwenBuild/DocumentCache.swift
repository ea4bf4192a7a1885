import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenTemplate

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
        /// What the document read, each tagged — `i:NAME` a name the batch item gave, `d:NAME`
        /// data, `p:PATH` a partial, `l:NAME` the layout — as the manifest writes them: one
        /// comma-separated field (a batch's documents share it, so it is kept whole and its
        /// hash is worked out once).
        var inputList: String
        /// Its files, in the order they were written.
        var files: [String] = []

    }

    private let project: Project
    private let folder: String
    private let data: Value
    private let layouts: [String: String]
    /// The options and version every document's hash starts with.
    private let base: String
    /// The previous build's manifest (nil when it was another huiwen's), its documents by key.
    private let previous: ManifestFile?
    private let lock = NSLock()
    /// Digests of input lists.
    private var memo: [String: String] = [:]

    /// `formats`: the command line's `--to`, which every document's files depend on.
    init(project: Project, data: Value, layouts: [String: String], formats: [OutputFormat]?, previous manifest: ManifestFile?) {
        self.project = project
        folder = project.outputDirectory.path
        self.data = data
        self.layouts = layouts
        base = "huiwen \(HuiwenVersion.current) --to \(formats?.map(\.rawValue).joined(separator: ",") ?? "-")"
        previous = manifest
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

    /// The hash of a document's inputs now, its inputs given as the manifest writes them.
    func hash(key: String, inputList: String) -> String {
        InputHash(base, key, digest(of: inputList)).hex
    }

    /// Where the manifest lines of the document at `key` are, when nothing it read has changed and its
    /// files are all there; nil: it must be built. (A file's bytes are not read back: that is
    /// what the cache saves. `build --check` compares them.)
    func unchanged(key: String) -> ManifestFile.Document? {
        guard let (document, record) = previous?.document(key: key),
            record.hash == hash(key: key, inputList: record.inputList)
        else { return nil }
        for file in record.files {
            guard access(folder + "/" + file, F_OK) == 0 else { return nil }
        }
        return document
    }

    /// The previous build's manifest lines of a document `unchanged(key:)` found.
    func entries(of document: ManifestFile.Document) -> [OutputManifest.Entry] {
        previous?.entries(of: document) ?? []
    }

    /// What a list of inputs is now: the hash of what each one is (a hash of its value or
    /// text, `absent` when missing). Needs no item: a name the item gave is tagged `i:`, and
    /// the item is in the document's key. Memoised by the list: a batch's documents share it.
    private func digest(of inputList: String) -> String {
        lock.lock()
        if let known = memo[inputList] {
            lock.unlock()
            return known
        }
        lock.unlock()
        var hash = InputHash()
        for input in OutputManifest.list(inputList) {
            hash.combine(input)
            hash.combine(current(input))
        }
        let digest = hash.hex
        lock.lock()
        memo[inputList] = digest
        lock.unlock()
        return digest
    }

    /// What one input is now.
    private func current(_ input: String) -> String {
        let name = String(input.dropFirst(2))
        switch input.prefix(2) {
        case "i:":
            return "item"
        case "d:":
            var hash = InputHash()
            if name == TemplateInputs.wholeContext {
                hash.combine(data)
            } else if let value = data[name] {
                hash.combine(value)
            } else {
                return "absent"
            }
            return hash.hex
        case "p:": return (try? project.read(name)).map { InputHash($0).hex } ?? "absent"
        case "l:": return layouts[name].map { InputHash($0).hex } ?? "built-in"
        default: return "unknown"
        }
    }

    /// The tagged inputs of a document, sorted: `item` gave the names it has.
    static func inputs(dataNames: Set<String>, item: Value?, partials: Set<String>, layout: String) -> [String] {
        (dataNames.map { (item?[$0] != nil ? "i:" : "d:") + $0 } + partials.map { "p:" + $0 } + ["l:" + layout]).sorted()
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
