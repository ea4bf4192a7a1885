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

    /// The plan for the pages of `report` given the output folder's current manifest; nil
    /// (with the problem in `report`) when the index cannot be made, or when the build found
    /// no templates and failed.
    static func make(for report: inout BuildReport, in project: Project) -> OutputPlan? {
        guard !report.templates.isEmpty || report.succeeded else { return nil }
        do {
            return try make(
                pageEntries: report.pageEntries,
                previous: OutputManifest(reading: project.outputDirectory),
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

    /// The index of the pages a manifest lists.
    static func indexPage(_ manifest: OutputManifest, layout: Template) throws(DiagnosticError) -> String {
        let entries = manifest.entries.values.filter { $0.file.hasSuffix(".html") && !$0.template.isEmpty }.map {
            IndexPageWriter.Entry(file: $0.file, title: $0.title, recipients: $0.recipients, layout: $0.layout)
        }
        return try IndexPageWriter.page(entries, layout: layout)
    }
}
