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

    /// The plan for the pages of a build (`pageEntries`: their `.html` and `.md` files) given
    /// the output folder's current manifest.
    /// `rebuiltTemplates`: templates whose documents all rendered; `existingTemplates`: the
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

    static func indexPage(_ manifest: OutputManifest, layout: Template) throws(DiagnosticError) -> String {
        let pages = manifest.entries.values.filter { $0.file.hasSuffix(".html") && !$0.template.isEmpty }
            .sorted { $0.file < $1.file }
        let documents: [Value] = pages.map { entry in
            .map([
                "file": .string(entry.file),
                "name": .string(String(entry.file.dropLast(5))),
                "title": .string(entry.title),
                "recipients": .string(entry.recipients),
                "layout": .string(entry.layout),
                "kind": .string(BuiltinLayouts.kind(ofLayout: entry.layout)),
            ])
        }
        let context = Value.map([
            "documents": .list(documents),
            "count": .number(Decimal(documents.count)),
            "generator": .string("huiwen"),
        ])
        return try layout.render(context, options: RenderOptions(escaper: HTMLEscaper())).text
    }
}
