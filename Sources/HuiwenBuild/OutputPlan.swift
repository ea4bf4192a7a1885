import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenLayout
import HuiwenTemplate

/// What a build does to the output folder once the documents are written: the index to
/// write, the files to delete, and the manifest to write last. `build` carries it out; `build
/// --check` compares it with the disk.
///
/// The manifest's bytes are made only when asked for (`manifestBytes()`), once the index has
/// been written and let go: at 20,000 documents each is several megabytes, and the peak memory
/// of a build is what it holds at once.
struct OutputPlan: Sendable {
    /// The index page (`index.html`), when it is to be written: nil when there is none or the
    /// one in the folder is current.
    var index: [UInt8]?
    var deletions: [String] = []
    /// The manifest's entries of the documents (without the index's own line), and every
    /// file name it lists in order (`index.html` among them when there is an index).
    private var manifest = OutputManifest()
    private var sortedFiles: [String] = []
    /// The index's own line, when there is an index.
    private var indexEntry: OutputManifest.Entry?

    /// The plan for the pages of `report` given the output folder's `previous` manifest; nil
    /// (with the problem in `report`) when the index cannot be made, or when the build found
    /// no templates and failed. Takes the report's `pageEntries` (they go into the plan).
    /// `folder`: the output folder, whose index is left as it is when the manifest shows it current.
    static func make(for report: inout BuildReport, previous: ManifestFile, folder: URL) -> OutputPlan? {
        guard !report.templates.isEmpty || report.succeeded else { return nil }
        let pageEntries = report.pageEntries
        report.pageEntries = []
        do {
            return try make(
                pageEntries: pageEntries,
                previous: previous,
                rebuiltTemplates: report.rebuiltTemplates,
                existingTemplates: Set(report.templates),
                indexLayout: report.indexLayout, indexFingerprint: report.indexFingerprint,
                reusingIndexIn: report.reusesIndex ? folder : nil)
        } catch {
            report.diagnostics += error.diagnostics
            return nil
        }
    }

    /// `rebuiltTemplates`: templates whose documents were all built; `existingTemplates`: the
    /// templates of the project now. Documents of other templates keep their files.
    ///
    /// The index is a function of what the manifest's lines show of the documents, its layout
    /// and huiwen's version: the index's own line carries a hash of all of that. When it is the
    /// hash the index's line in `reusingIndexIn`'s manifest carries and the index is there, the
    /// index is current and is not made again (an unchanged rebuild of 2,000 documents spent a
    /// third of its time on it; a changed row whose title stays spends nothing).
    static func make(
        pageEntries: consuming [OutputManifest.Entry],
        previous: ManifestFile,
        rebuiltTemplates: Set<String>,
        existingTemplates: Set<String>,
        indexLayout: Template?,
        indexFingerprint: String = "",
        reusingIndexIn folder: URL? = nil
    ) throws(DiagnosticError) -> OutputPlan {
        var plan = OutputPlan()
        let kept = previous.entries(keepingTemplates: {
            !$0.isEmpty && existingTemplates.contains($0) && !rebuiltTemplates.contains($0)
        })
        // Sized once: growing a dictionary of 40,000 entries holds the old storage and the new.
        plan.manifest.entries.reserveCapacity(kept.count + pageEntries.count)
        for entry in kept { plan.manifest.entries[entry.file] = entry }
        for entry in pageEntries { plan.manifest.entries[entry.file] = entry }
        pageEntries = []
        // Sorted once, for the index's hash and the manifest's text ("index.html" in its place).
        plan.sortedFiles = plan.manifest.sortedFiles
        var indexIsCurrent = false
        if indexLayout != nil {
            // What the index shows: every line's file, template, layout, title and recipients.
            var shown = InputHash(indexFingerprint)
            for file in plan.sortedFiles {
                let entry = plan.manifest.entries[file]!
                for field in [entry.file, entry.template, entry.layout, entry.title, entry.recipients] { shown.combine(field) }
            }
            let record = DocumentCache.Record(key: "index", hash: shown.hex, inputList: "", files: ["index.html"])
            if plan.manifest.entries["index.html"] == nil {
                plan.sortedFiles.insert("index.html", at: plan.sortedFiles.firstIndex { $0 > "index.html" } ?? plan.sortedFiles.endIndex)
            }
            plan.indexEntry = .init(file: "index.html", template: "", layout: "", title: "", cache: record)
            indexIsCurrent = folder.map {
                previous.entry("index.html")?.cache?.hash == record.hash && access($0.appendingPathComponent("index.html").path, F_OK) == 0
            } ?? false
        }
        if let indexLayout, !indexIsCurrent { plan.index = Array(try indexPage(plan.manifest, layout: indexLayout).utf8) }
        plan.deletions = previous.files.filter {
            plan.manifest.entries[$0] == nil && !($0 == "index.html" && plan.indexEntry != nil)
        }.sorted()
        return plan
    }

    /// The manifest's bytes.
    func manifestBytes() -> [UInt8] {
        manifest.bytes(of: sortedFiles) { file in file == "index.html" ? indexEntry : nil }
    }

    /// What a build does besides writing the documents: the index, then the manifest.
    func files() -> [(name: String, contents: [UInt8])] {
        (index.map { [("index.html", $0)] } ?? []) + [(OutputManifest.fileName, manifestBytes())]
    }

    /// The index of the documents a manifest lists: each by its first file (the one whose line
    /// carries its layout), with its Word file when it has one (or when `offersWord`: `serve`
    /// makes one for every document on request).
    /// What the index depends on besides the documents: its layout (the project's own, else
    /// the built-in one of this huiwen) and huiwen's version.
    static func indexFingerprint(_ sources: [LayoutLibrary.Source]) -> String {
        InputHash("huiwen \(HuiwenVersion.current)", sources.first { $0.name == "index" }?.text ?? "built-in").hex
    }

    static func indexPage(_ manifest: OutputManifest, layout: Template, offersWord: Bool = false) throws(DiagnosticError) -> String {
        let entries = manifest.entries.values.filter { !$0.layout.isEmpty && !$0.template.isEmpty }.map { entry in
            let base = entry.file.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
            let word = base + ".docx"
            return IndexPageWriter.Entry(
                file: entry.file, title: entry.title, recipients: entry.recipients, layout: entry.layout,
                word: entry.file != word && (offersWord || manifest.entries[word] != nil) ? word : nil)
        }
        return try IndexPageWriter.page(entries, layout: layout)
    }
}
