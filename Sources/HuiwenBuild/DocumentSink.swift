/// Where the build loop hands every finished document, and what happens once all are done.
/// `build` writes into the output folder (`OutputFolderSink`), `build --check` compares with
/// it (`OutputCheckSink`), `check`, `render` and `serve` keep the pages (`PageCollector`).
protocol DocumentSink {
    /// One document, with its files, as soon as it is laid out: a sink that does not keep it
    /// lets a batch's memory stay that of one document.
    mutating func accept(_ page: RenderedPage)
    /// After the last document: the index, the manifest, what to remove; problems go into
    /// `report`.
    mutating func finish(_ report: inout BuildReport)
    /// The output folder's manifest as the build found it, when the sink read it (read once:
    /// the cache, the journal and the plan all need it).
    var previousManifest: ManifestFile? { get }
}

extension DocumentSink {
    var previousManifest: ManifestFile? { nil }
}

/// Keeps every page in memory, in build order.
struct PageCollector: DocumentSink {
    var pages: [RenderedPage] = []

    mutating func accept(_ page: RenderedPage) {
        pages.append(page)
    }

    mutating func finish(_ report: inout BuildReport) {
        report.pages = pages
    }
}

/// Keeps nothing: for validating a project (`huiwen check`), where only the problems count.
struct DiscardingSink: DocumentSink {
    mutating func accept(_ page: RenderedPage) {}
    mutating func finish(_ report: inout BuildReport) {}
}
