import Foundation
import HuiwenDiagnostics
import HuiwenTemplate

/// The formats a document is written in (`huiwen build --to html,docx`).
public typealias OutputFormat = HuiwenTemplate.OutputFormat

/// Builds a document project: data and templates in, `output/NAME.html` and `output/NAME.md`
/// for every document plus `output/index.html` out. Every command runs the same loop
/// (`BuildLoop`) into its own sink. Problems are collected across every file before anything
/// is reported; a document that fails writes nothing, so its previous files stay; files huiwen
/// did not write are never touched.
public struct Builder: Sendable {
    public var project: Project
    /// The formats every document is written in (`--to`); nil: each document's own
    /// (`formats:` in its front matter), else HTML.
    public var formats: [OutputFormat]?
    /// The browser that prints PDFs (`--browser`: a path or a command); nil: `HUIWEN_BROWSER`,
    /// else the first of `chromium`, `chromium-browser`, `google-chrome` on `PATH`.
    public var browser: String?
    /// How many pages print side by side (`--jobs`).
    public var jobs: Int
    /// Told after each document how many are done of how many (`huiwen build`'s progress bar).
    public var progress: (@Sendable (BuildProgress) -> Void)?
    /// Whether `build` trusts the previous build's input hashes (`--rebuild` turns it off):
    /// documents whose inputs are unchanged are neither rendered nor written.
    public var reusesUnchanged = true
    /// Build only this part of the documents, and no index (`--shard I/N`): `mergeShards`
    /// joins the parts.
    public var shard: Shard?

    public init(project: Project, formats: [OutputFormat]? = nil, browser: String? = nil, jobs: Int = 2) {
        self.project = project
        self.formats = formats
        self.browser = browser
        self.jobs = jobs
    }

    private var loop: BuildLoop {
        BuildLoop(project: project, formats: formats, browser: Printer.findBrowser(named: browser), jobs: jobs, progress: progress)
    }

    /// Loads, merges and lays out every document, keeping none: every problem of the project
    /// (`huiwen check`). Writes nothing.
    public func validate() -> BuildReport {
        var sink = DiscardingSink()
        var loop = loop
        loop.printsPDF = false
        return loop.run(into: &sink)
    }

    /// Loads, merges and lays out every document in memory; writes nothing.
    /// `only`: template base names to render (all when nil).
    public func render(only names: Set<String>? = nil) -> BuildReport {
        var sink = PageCollector()
        return loop.run(only: names, into: &sink)
    }

    /// Renders one template (a file of the project, or any text given with a name such as
    /// `<stdin>`) with the project's data, in memory.
    public func render(template path: String, source: String) -> BuildReport {
        var sink = PageCollector()
        return loop.run(template: path, source: source, into: &sink)
    }

    /// Renders every document and writes those that succeeded, the index and the manifest;
    /// removes the outputs of templates that are gone (only files huiwen wrote). A document
    /// whose inputs are those of the previous build (by their hashes in the manifest, when the
    /// same huiwen wrote it) is left as it is (`DocumentCache`).
    ///
    /// One build at a time per output folder: a second one on the same folder stops at once
    /// with an error (`OutputLock`).
    public func build(only names: Set<String>? = nil) -> BuildReport {
        holdingOutputLock {
            var sink = OutputFolderSink(project: project)
            var loop = loop
            loop.recordsCache = true
            loop.reusesCache = reusesUnchanged && BuildIdentity.matches(in: project.outputDirectory)
            loop.shard = shard
            var report = loop.run(only: names, into: &sink)
            BuildIdentity.record(in: project.outputDirectory, &report)
            recordShard(&report)
            return report
        }
    }

    /// Notes which shard the output folder holds (`.huiwen-shard`), or that it holds none.
    private func recordShard(_ report: inout BuildReport) {
        let writer = OutputWriter(directory: project.outputDirectory, displayName: project.outputDisplayName)
        do {
            if let shard {
                let marker = ShardMarker(shard: shard, inputs: ProjectFingerprint.of(project), formats: formats)
                try writer.write(Array(marker.text.utf8), to: ShardMarker.fileName)
            } else {
                _ = try writer.remove(ShardMarker.fileName)
            }
        } catch {
            report.diagnostics.append(error)
        }
    }

    /// Joins the output folders of the shards of one split (`huiwen build --shard I/N` each)
    /// into the output folder, with the index and the manifest: the files of one build of the
    /// whole project. Writes nothing when a shard is missing, twice, of another split or built
    /// from other inputs, or when two shards wrote one file (`ShardMerge`).
    public func mergeShards(_ folders: [URL]) -> BuildReport {
        holdingOutputLock { ShardMerge(project: project, folders: folders).run() }
    }

    /// `body` while holding the output folder's lock; the lock's problem when another build
    /// holds it.
    private func holdingOutputLock(_ body: () -> BuildReport) -> BuildReport {
        let lock: OutputLock
        do {
            lock = try OutputLock(directory: project.outputDirectory, name: project.outputDisplayName)
        } catch {
            var report = BuildReport()
            report.diagnostics = [error]
            return report
        }
        return withExtendedLifetime(lock, body)
    }

    /// What `build` would change, without writing: `written` lists files that are missing or
    /// stale, `deleted` files a build would remove. The output is current when both are empty.
    public func check(only names: Set<String>? = nil) -> BuildReport {
        var sink = OutputCheckSink(project: project)
        var loop = loop
        loop.printsPDF = false
        // Every document rendered and compared, and the manifest made as `build` makes it.
        loop.recordsCache = true
        return loop.run(only: names, into: &sink)
    }
}
