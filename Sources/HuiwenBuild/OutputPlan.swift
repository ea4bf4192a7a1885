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
    static func make(for report: inout BuildReport, previous: OutputManifest) -> OutputPlan? {
        guard !report.templates.isEmpty || report.succeeded else { return nil }
        do {
            return try make(
                pageEntries: report.pageEntries,
                previous: previous,
                rebuiltTemplates: report.rebuiltTemplates,
                existingTemplates: Set(report.templates),
                indexLayout: report.indexLayout)
        } catch {
            report.diagnostics += error.diagnostics
            return nil
        }
    }

    /// `rebuiltTemplates`: templates whose documents were all built; `existingTemplates`: the
    /// templates of the project now. Documents of other templates keep their files.
    static func make(
        pageEntries: [OutputManifest.Entry],
        previous: OutputManifest,
        rebuiltTemplates: Set<String>,
        existingTemplates: Set<String>,
        indexLayout: Template?
    ) throws(DiagnosticError) -> OutputPlan {
        var plan = OutputPlan()
        var manifest = OutputManifest()
        for entry in previous.entries.values
        where !entry.template.isEmpty && existingTemplates.contains(entry.template) && !rebuiltTemplates.contains(entry.template) {
            manifest.entries[entry.file] = entry
        }
        for entry in pageEntries { manifest.entries[entry.file] = entry }
        if let indexLayout {
            plan.files["index.html"] = try indexPage(manifest, layout: indexLayout)
            manifest.entries["index.html"] = .init(file: "index.html", template: "", layout: "", title: "")
        }
        plan.files[OutputManifest.fileName] = manifest.text
        plan.deletions = previous.entries.keys.filter { manifest.entries[$0] == nil }.sorted()
        return plan
    }

    /// The index of the documents a manifest lists: each by its first file (the one whose line
    /// carries its layout), with its Word file when it has one (or when `offersWord`: `serve`
    /// makes one for every document on request).
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
