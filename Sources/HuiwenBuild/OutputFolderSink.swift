import Foundation
import HuiwenDiagnostics

/// Writes each document's files into the output folder as it arrives, then the index and the
/// manifest, and removes the files of templates that are gone (only files huiwen wrote). A
/// file whose bytes would not change is not touched.
struct OutputFolderSink: DocumentSink {
    let project: Project
    private let writer: OutputWriter
    private var written: [String] = []
    private var failures: [Diagnostic] = []

    init(project: Project) {
        self.project = project
        self.writer = OutputWriter(directory: project.outputDirectory)
    }

    mutating func accept(_ page: RenderedPage) {
        for file in page.files { write(file.contents, to: file.name) }
    }

    mutating func finish(_ report: inout BuildReport) {
        if let plan = OutputPlan.make(for: &report, in: project) {
            for (file, contents) in plan.files.sorted(by: { $0.key < $1.key }) { write(Array(contents.utf8), to: file) }
            for file in plan.deletions {
                do {
                    if try writer.remove(file) { report.deleted.append(file) }
                } catch {
                    failures.append(error)
                }
            }
        }
        report.written = written
        report.diagnostics += failures
    }

    private mutating func write(_ contents: [UInt8], to name: String) {
        do {
            if try writer.write(contents, to: name) { written.append(name) }
        } catch {
            failures.append(error)
        }
    }
}

/// What `build` would change, without writing: `written` lists files that are missing or
/// stale, `deleted` files a build would remove. The output is current when both are empty.
struct OutputCheckSink: DocumentSink {
    let project: Project
    private var stale: [String] = []

    init(project: Project) {
        self.project = project
    }

    mutating func accept(_ page: RenderedPage) {
        for file in page.files { compare(file.contents, file.name) }
    }

    mutating func finish(_ report: inout BuildReport) {
        if let plan = OutputPlan.make(for: &report, in: project) {
            for (file, contents) in plan.files { compare(Array(contents.utf8), file) }
            report.deleted = plan.deletions.filter {
                FileManager.default.fileExists(atPath: project.outputDirectory.appendingPathComponent($0).path)
            }
        }
        report.written = stale.sorted()
    }

    private mutating func compare(_ contents: [UInt8], _ file: String) {
        if !OutputWriter.holds(contents, at: project.outputDirectory.appendingPathComponent(file)) { stale.append(file) }
    }
}
