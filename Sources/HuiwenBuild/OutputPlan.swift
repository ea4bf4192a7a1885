import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenLayout
import HuiwenTemplate

/// What a build does to the output folder once the documents are written: the index and the
/// manifest to write (with their contents) and the files to delete. `build` carries it out;
/// `build --check` compares it with the disk.
struct OutputPlan: Sendable {
    var files: [String: String] = [:]
    var deletions: [String] = []

    /// The plan for the pages of `report` given the output folder's `previous` manifest; nil
    /// (with the problem in `report`) when the index cannot be made, or when the build found
    /// no templates and failed.
    /// `folder`: the output folder, whose index is left as it is when the manifest shows it current.
    static func make(for report: inout BuildReport, previous: OutputManifest, folder: URL) -> OutputPlan? {
        guard !report.templates.isEmpty || report.succeeded else { return nil }
        do {
            return try make(
                pageEntries: report.pageEntries,
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
        pageEntries: [OutputManifest.Entry],
        previous: OutputManifest,
        rebuiltTemplates: Set<String>,
        existingTemplates: Set<String>,
        indexLayout: Template?,
        indexFingerprint: String = "",
        reusingIndexIn folder: URL? = nil
    ) throws(DiagnosticError) -> OutputPlan {
        var plan = OutputPlan()
        var manifest = OutputManifest()
        for entry in previous.entries.values
        where !entry.template.isEmpty && existingTemplates.contains(entry.template) && !rebuiltTemplates.contains(entry.template) {
            manifest.entries[entry.file] = entry
        }
        for entry in pageEntries { manifest.entries[entry.file] = entry }
        let documents = manifest
        var indexIsCurrent = false
        // Sorted once, for the index's hash and the manifest's text ("index.html" in its place).
        var files = manifest.sortedFiles
        if indexLayout != nil {
            // What the index shows: every line's file, template, layout, title and recipients.
            var shown = InputHash(indexFingerprint)
            for file in files {
                let entry = manifest.entries[file]!
                for field in [entry.file, entry.template, entry.layout, entry.title, entry.recipients] { shown.combine(field) }
            }
            let record = DocumentCache.Record(key: "index", hash: shown.hex, inputList: "", files: ["index.html"])
            if manifest.entries["index.html"] == nil { files.insert("index.html", at: files.firstIndex { $0 > "index.html" } ?? files.endIndex) }
            manifest.entries["index.html"] = .init(file: "index.html", template: "", layout: "", title: "", cache: record)
            indexIsCurrent = folder.map {
                previous.entries["index.html"]?.cache?.hash == record.hash && access($0.appendingPathComponent("index.html").path, F_OK) == 0
            } ?? false
        }
        let text = manifest.text(of: files)
        if let indexLayout, !indexIsCurrent { plan.files["index.html"] = try indexPage(documents, layout: indexLayout) }
        plan.files[OutputManifest.fileName] = text
        plan.deletions = previous.entries.keys.filter { manifest.entries[$0] == nil }.sorted()
        return plan
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
