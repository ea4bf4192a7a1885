import Foundation
import HuiwenDiagnostics

/// Writes each document's files into the output folder as it arrives, then the index and the
/// manifest, and removes the files of templates that are gone (only files huiwen wrote). A
/// file whose bytes would not change is not touched.
///
/// Killed at any moment, it leaves every file whole (old or new: each is written beside and
/// renamed over) and every file it wrote accounted for: a name the manifest does not list goes
/// into the journal before its file is written (`OutputManifest`). Make it only while holding
/// the folder's `OutputLock`: it first removes the temporary files a killed build left.
struct OutputFolderSink: DocumentSink {
    let project: Project
    private let writer: OutputWriter
    private var written: [String] = []
    private var failures: [Diagnostic] = []
    /// Files that could not be written.
    private var unwritten: Set<String> = []
    /// Names this build added to the journal (the previous manifest lists the others).
    private var journaled: Set<String> = []
    let previousManifest: ManifestFile?

    init(project: Project) {
        self.project = project
        self.writer = OutputWriter(directory: project.outputDirectory, displayName: project.outputDisplayName)
        writer.removeLeftoverTemporaryFiles()
        previousManifest = ManifestFile(reading: project.outputDirectory)
    }

    mutating func accept(_ page: RenderedPage) {
        guard journal(page.manifestEntries) else { return }
        for file in page.files { write(file.contents, to: file.name) }
    }

    /// One file of another output folder (a shard's), as its manifest lists it.
    mutating func copy(_ entry: OutputManifest.Entry, from folder: URL, _ report: inout BuildReport) {
        guard journal([entry]) else { return }
        do {
            write([UInt8](try Data(contentsOf: folder.appendingPathComponent(entry.file))), to: entry.file)
        } catch {
            failures.append(Diagnostic(path: folder.appendingPathComponent(entry.file).path, "cannot read file (\(error.localizedDescription))"))
        }
    }

    mutating func finish(_ report: inout BuildReport) {
        // A document whose file could not be written may have left its old file in place: no
        // cache record for it, so that the next build writes it again.
        if !unwritten.isEmpty {
            for index in report.pageEntries.indices where report.pageEntries[index].cache?.files.contains(where: unwritten.contains) == true {
                report.pageEntries[index].cache = nil
            }
        }
        if var plan = OutputPlan.make(for: &report, previous: previousManifest ?? ManifestFile(), folder: project.outputDirectory) {
            // The index first, the removals next, the manifest last: killed in between, the
            // previous manifest (with the journal) still lists every file there is.
            if let index = plan.index, journal([.init(file: "index.html", template: "", layout: "", title: "")]) {
                write(index, to: "index.html")
            }
            plan.index = nil  // let go before the manifest's bytes are made
            for file in plan.deletions {
                do {
                    if try writer.remove(file) { report.deleted.append(file) }
                } catch {
                    failures.append(error)
                }
            }
            if write(plan.manifestBytes(), to: OutputManifest.fileName) {
                _ = try? writer.remove(OutputManifest.journalName)
            }
        }
        report.written = written
        report.diagnostics += failures
    }

    /// Appends the entries the manifest does not list yet to the journal, before their files
    /// are written; false (and the problem kept) when the journal cannot be written: the files
    /// are not written either.
    private mutating func journal(_ entries: [OutputManifest.Entry]) -> Bool {
        let new = entries.filter { !journaled.contains($0.file) && previousManifest?.contains($0.file) != true }
        guard !new.isEmpty else { return true }
        do {
            try writer.append(new.map(OutputManifest.line).joined(), to: OutputManifest.journalName)
        } catch {
            failures.append(error)
            return false
        }
        for entry in new { journaled.insert(entry.file) }
        return true
    }

    /// Writes one file; false (and the problem kept) when it could not be written.
    @discardableResult
    private mutating func write(_ contents: [UInt8], to name: String) -> Bool {
        do {
            if try writer.write(contents, to: name) { written.append(name) }
            return true
        } catch {
            failures.append(error)
            unwritten.insert(name)
            return false
        }
    }
}

/// What `build` would change, without writing: `written` lists files that are missing or
/// stale, `deleted` files a build would remove. The output is current when both are empty.
struct OutputCheckSink: DocumentSink {
    let project: Project
    private let folder: String
    private var stale: [String] = []
    let previousManifest: ManifestFile?

    init(project: Project) {
        self.project = project
        folder = project.outputDirectory.path
        previousManifest = ManifestFile(reading: project.outputDirectory)
    }

    mutating func accept(_ page: RenderedPage) {
        for file in page.files { compare(file.contents, file.name) }
    }

    mutating func finish(_ report: inout BuildReport) {
        if let plan = OutputPlan.make(for: &report, previous: previousManifest ?? ManifestFile(), folder: project.outputDirectory) {
            for file in plan.files() { compare(file.contents, file.name) }
            report.deleted = plan.deletions.filter {
                FileManager.default.fileExists(atPath: project.outputDirectory.appendingPathComponent($0).path)
            }
        }
        report.written = stale.sorted()
    }

    private mutating func compare(_ contents: [UInt8], _ file: String) {
        if !OutputWriter.holds(contents, atPath: folder + "/" + file) { stale.append(file) }
    }
}
