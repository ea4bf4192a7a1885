import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenLayout
import HuiwenMarkdown
import HuiwenTemplate

/// The build, as one loop of steps: discover → load data → compile → merge → render Markdown →
/// lay out → write. The only place that knows the order of the stages. Every finished document
/// goes to a `DocumentSink`: the output folder (`build`), a comparison with it (`build
/// --check`), or memory (`check`, `render`, `serve`).
///
/// Problems are collected, never thrown: a template that fails to compile is skipped, a
/// document that fails to merge or lay out is left out, and the rest are built.
struct BuildLoop {
    let project: Project
    /// The formats every document is written in (`--to`); nil: each document's own
    /// (`formats:` in its front matter), else HTML.
    var formats: [OutputFormat]?
    /// Whether merges note what they read (`BuildReport.outcomes`), for `serve`.
    var recordsInputs = false
    /// The input-hash cache (`huiwen build`): whether each document's inputs are hashed into
    /// the manifest, and whether the previous build's hashes are trusted, so that unchanged
    /// documents are neither rendered nor written (`DocumentCache`).
    var recordsCache = false
    var reusesCache = false
    /// Only this part of the documents (`--shard I/N`), and no index: the shards' merge makes it.
    var shard: Shard?
    /// Whether PDFs are printed (a `--check` leaves them out: a browser does not print the same
    /// bytes twice); the browser and how many pages print side by side.
    var printsPDF = true
    var browser: URL?
    var jobs = 2
    /// Whether bodies always carry their Swift tree (`RenderedDocument.blocks`) as well as
    /// their HTML (`serve`, which writes a `.docx` when one is asked for). Otherwise only the
    /// documents written with a writer that walks the tree get it (the `.docx`): it costs a
    /// sixth of a body's render, and the HTML and Markdown writers do not need it.
    var includesBodyTree = false
    /// Told after each document (built or failed) how many are done of how many; the total
    /// is counted before the first (`huiwen build`'s progress bar).
    var progress: (@Sendable (BuildProgress) -> Void)?

    /// What every document of one build shares: the data, the layouts, the partials (each
    /// compiled once) and the helpers.
    struct Stages {
        var data: DataLoadResult
        var layouts: LayoutLibrary
        var partials: PartialLibrary
        var helpers: HelperTable
        /// The PDF printer, whose browser starts with the first PDF.
        var printer: Printer
        /// The input-hash cache, when the build keeps one.
        var cache: DocumentCache?

        /// With broken data every lookup would fail too: the data's own errors say it all,
        /// and no document is merged.
        var mergesDocuments: Bool { data.diagnostics.isEmpty }
    }

    /// Builds every template of the project (`only`: just these base names) into `sink`.
    func run(only names: Set<String>? = nil, into sink: inout some DocumentSink) -> BuildReport {
        var report = BuildReport()
        // The data and the compiled templates live only while documents are built: the index
        // that `finish` makes then has the memory to itself.
        do {
            do {
                report.templates = try discover()
            } catch {
                report.diagnostics.append(error)
            }
            let data = loadData()
            report.diagnostics += data.diagnostics
            let stages = prepare(data: data, previous: sink.previousManifest, &report)
            var owners = OutputOwners()
            // Every template compiled first, so that the documents can be counted; each one's
            // problems are still reported in its turn.
            let compiled = report.templates.map { path -> (template: DocumentTemplate?, fingerprint: String?, diagnostics: [Diagnostic]) in
                var scratch = BuildReport()
                let source = source(at: path, &scratch)
                let template = compile(source, &scratch)
                return (
                    template.flatMap { names?.contains($0.name) == false ? nil : $0 },
                    source.map { DocumentCache.fingerprint(template: $0.path, text: $0.text) }, scratch.diagnostics)
            }
            // Each template's documents, and where the first stands in the build's order.
            var counts: [Int] = []
            var ordinals: [Int] = []
            var total = 0
            for entry in compiled {
                let count = stages.mergesDocuments ? entry.template.flatMap { try? Batch.items(of: $0, in: stages.data.root).count } ?? 0 : 0
                ordinals.append(total)
                counts.append(count)
                total += count
            }
            if progress != nil {
                report.documentsPlanned = zip(ordinals, counts).reduce(0) { planned, template in
                    planned + (shard.map { shard in (template.0..<template.0 + template.1).count(where: shard.contains) } ?? template.1)
                }
            }
            if shard != nil { report.indexLayout = nil }
            for ((template, fingerprint, diagnostics), first) in zip(compiled, ordinals) {
                report.diagnostics += diagnostics
                guard let template else { continue }
                build(template, fingerprint: fingerprint, firstOrdinal: first, with: stages, owners: &owners, into: &sink, &report)
            }
        }
        sink.finish(&report)
        report.diagnostics = Self.unique(report.diagnostics).map(withSourceLine)
        return report
    }

    /// Each problem once: a missing browser is the same problem for every template that asks
    /// for PDFs.
    static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }

    /// Builds one template given as text (a file of the project or standard input, named by
    /// `path`) with the project's data, into `sink`.
    func run(template path: String, source: String, into sink: inout some DocumentSink) -> BuildReport {
        var report = BuildReport()
        let data = loadData()
        report.diagnostics += data.diagnostics
        let stages = prepare(data: data, previous: sink.previousManifest, &report)
        var owners = OutputOwners()
        if let template = compile(TemplateSource(path: path, text: source), &report) {
            build(template, with: stages, owners: &owners, into: &sink, &report)
        }
        sink.finish(&report)
        report.diagnostics = report.diagnostics.map(withSourceLine)
        return report
    }

    // MARK: The steps

    /// Step 1: the project's templates, in name order.
    func discover() throws(Diagnostic) -> [String] {
        try project.templatePaths()
    }

    /// Step 2: every data file, under its key (with the problems of those that did not load).
    func loadData() -> DataLoadResult {
        DataLoader().load(projectRoot: project.root)
    }

    /// What the documents share: the data, layouts (the project's own read from disk),
    /// partials, helpers. The layouts' problems go into `report`.
    func prepare(data: DataLoadResult, previous manifest: ManifestFile? = nil, _ report: inout BuildReport) -> Stages {
        let (layouts, sources) = project.layouts(reportingInto: &report)
        report.reusesIndex = reusesCache
        let cache = recordsCache
            ? DocumentCache(
                project: project, data: data.root,
                layouts: Dictionary(sources.map { ($0.name, $0.text) }, uniquingKeysWith: { first, _ in first }),
                formats: formats, previous: reusesCache ? manifest : nil)
            : nil
        return Stages(
            data: data, layouts: layouts,
            partials: PartialLibrary(provider: ProjectPartialProvider(root: project.root)),
            helpers: TemplateHelpers.standard,
            printer: Printer(browser: browser, jobs: jobs), cache: cache)
    }

    /// A template file's text; nil (and the problem reported) when it cannot be read.
    func source(at path: String, _ report: inout BuildReport) -> TemplateSource? {
        do {
            return TemplateSource(path: path, text: try project.read(path))
        } catch {
            report.diagnostics.append(error)
            return nil
        }
    }

    /// Step 3: a template compiled (front matter at its types, body), every problem reported.
    func compile(_ source: TemplateSource?, _ report: inout BuildReport) -> DocumentTemplate? {
        guard let source else { return nil }
        do {
            return try DocumentTemplate(source: source.text, path: source.path)
        } catch {
            report.diagnostics += error.diagnostics.map { $0.withSourceLine(from: source.text) }
            return nil
        }
    }

    /// Steps 4 to 7 for every document of `template` (`fingerprint`: its path and text, for the
    /// cache; `firstOrdinal`: where its first document stands in the build, for a shard); its
    /// outcome goes into `report`.
    func build(
        _ template: DocumentTemplate, fingerprint: String? = nil, firstOrdinal: Int = 0, with stages: Stages, owners: inout OutputOwners,
        into sink: inout some DocumentSink, _ report: inout BuildReport
    ) {
        var outcome = TemplateOutcome()
        defer {
            report.diagnostics += outcome.diagnostics
            if outcome.diagnostics.isEmpty { report.rebuiltTemplates.insert(template.path) }
            report.outcomes[template.path] = outcome
        }
        guard stages.mergesDocuments else { return }
        let items: [Value?]
        do {
            items = try Batch.items(of: template, in: stages.data.root)
        } catch {
            outcome.diagnostics = error.diagnostics
            return
        }
        if let each = template.frontMatter.each?.first { outcome.inputs.namespaces.insert(each) }
        var names = BatchNames()
        var perItem: [[Diagnostic]] = []
        // Pages waiting for their PDF, in build order: the browser prints several at once.
        var printing: [(page: RenderedPage, job: PDFPrinter.Job, title: String?, author: String?)] = []
        // A batch's documents share their template, title and list of inputs: one copy each
        // is kept for the manifest, not 20,000 (also of the lines an unchanged document keeps).
        var shared: [String: String] = [:]
        // The last one of each field first, compared by bytes: hashing a Chinese title or list
        // of inputs (normalised first) for each of 40,000 lines was a tenth of an unchanged rebuild.
        var recent: [Int: String] = [:]
        func pooled(_ text: String, field: Int) -> String {
            if let last = recent[field], last.utf8.elementsEqual(text.utf8) { return last }
            let known = shared[text] ?? text
            shared[known] = known
            recent[field] = known
            return known
        }
        // Documents not yet committed, counting the one being committed.
        var documentsLeft = 0
        var reserved = false
        func keep(_ entries: [OutputManifest.Entry]) {
            // Room for the whole batch once the first document shows how many lines each
            // takes: an array grown by doubling holds its old storage and its new at once.
            if !reserved {
                report.pageEntries.reserveCapacity(report.pageEntries.count + entries.count * documentsLeft)
                reserved = true
            }
            for var entry in entries {
                entry.template = pooled(entry.template, field: 0)
                entry.title = pooled(entry.title, field: 1)
                entry.recipients = Self.tight(entry.recipients)
                if let list = entry.cache?.inputList { entry.cache?.inputList = pooled(list, field: 2) }
                report.pageEntries.append(entry)
            }
        }
        func accept(_ page: RenderedPage) {
            keep(page.manifestEntries)
            report.uncheckedFiles += page.unprintedFiles
            report.documentCount += 1
            sink.accept(page)
        }
        func finishOldestPrint() {
            var (page, job, title, author) = printing.removeFirst()
            do {
                let pdf = try job.result()
                page.files.append(OutputFile(
                    name: page.name + ".pdf",
                    contents: PDFInfo.updated(pdf, title: title, author: author, creator: "huiwen \(HuiwenVersion.current)")))
            } catch {
                perItem.append([Diagnostic(path: template.path, "cannot print \(page.name).pdf: \(error)")])
                page.cache = nil  // built again next time, until its PDF is printed
            }
            accept(page)
        }
        // Steps 4 to 7 side by side (`--jobs`); what needs the order (names, the sink, the
        // printer) one document after the other, in the order of the items.
        let loop = self
        let selected = shard.map { shard in items.indices.filter { shard.contains(firstOrdinal + $0) } } ?? Array(items.indices)
        // The cache's answers first, on this thread: an unchanged document costs a hash and a
        // look-up, less than handing it to another thread and back.
        let keys = selected.map { index in fingerprint.flatMap { stages.cache?.key(template: $0, item: items[index]) } }
        // Where their manifest lines are, made into entries one by one as they are committed:
        // a `PreparedItem` is some 670 bytes, and all the lines at once as many megabytes.
        var found: [ManifestFile.Document?] = keys.map { key in key.flatMap { stages.cache?.unchanged(key: $0) } }
        let pending = found.indices.filter { found[$0] == nil }
        var next = 0
        func commitFound(upTo end: Int) {
            while next < end {
                commit(next, PreparedItem(unchanged: stages.cache!.entries(of: found[next]!)))
                found[next] = nil
                next += 1
            }
        }
        OrderedPool.run(count: pending.count, jobs: jobs, work: { index in
            loop.prepare(items[selected[pending[index]]], of: template, key: keys[pending[index]], with: stages)
        }, commit: { index, prepared in
            commitFound(upTo: pending[index])
            commit(pending[index], prepared)
            next = pending[index] + 1
        })
        commitFound(upTo: selected.count)
        while !printing.isEmpty { finishOldestPrint() }
        outcome.diagnostics = Batch.collapsed(perItem)

        /// What needs the build's order, for the item at `index` of `selected`.
        func commit(_ index: Int, _ prepared: PreparedItem) {
            defer { advance(&report) }
            documentsLeft = selected.count - index
            outcome.inputs.add(prepared.inputs)
            outcome.inputs.namespaces.formUnion(prepared.dataNames)
            if let layout = prepared.layout { outcome.inputs.layouts.insert(layout) }
            do throws(DiagnosticError) {
                guard let name = prepared.name else { throw DiagnosticError(prepared.problems) }
                _ = try names.claim(name, for: items[selected[index]], of: template)
                if let clash = owners.claim(name, for: template.path, at: template.frontMatter.locations[.output] ?? SourceLocation(path: template.path, line: 1, column: 1)) {
                    throw DiagnosticError(clash)
                }
                if let entries = prepared.unchanged {
                    keep(entries)
                    report.unchangedCount += 1
                    return
                }
                guard var page = prepared.page else { throw DiagnosticError(prepared.problems) }
                guard prepared.isPDF else {
                    accept(page)
                    return
                }
                // Step 7 for PDF: the page printed by the browser, while the next ones render.
                guard let print = prepared.print else {
                    page.unprintedFiles.append(name + ".pdf")
                    accept(page)
                    return
                }
                do throws(Diagnostic) {
                    printing.append((page, try stages.printer.submit(html: print.html), print.title, print.author))
                } catch {
                    perItem.append([error])
                    page.cache = nil  // built again next time, until its PDF is printed
                    accept(page)
                }
                while printing.count > stages.printer.jobs * 2 || printing.first?.job.isFinished == true {
                    finishOldestPrint()
                }
            } catch {
                perItem.append(error.diagnostics)
            }
        }
    }

    /// What steps 4 to 7 made of one item, before the steps that need the build's order.
    struct PreparedItem: Sendable {
        /// The output name (nil when the item failed before it was known) and the page (nil
        /// when it failed after); `problems` says why.
        var name: String?
        var page: RenderedPage?
        var problems: [Diagnostic] = []
        /// The previous build's manifest lines, when the cache found the document unchanged.
        var unchanged: [OutputManifest.Entry]?
        /// Whether the document is also a PDF, and the page to print (none when `printsPDF` is off).
        var isPDF = false
        var print: (html: String, title: String?, author: String?)?
        /// What the merge and the render read.
        var inputs = TemplateInputs()
        var dataNames: Set<String> = []
        var layout: String?

        init() {}

        /// A document the cache found unchanged: its name and its previous manifest lines.
        init(unchanged entries: [OutputManifest.Entry]) {
            unchanged = entries
            name = (entries[0].file as NSString).deletingPathExtension
        }
    }

    /// Steps 4 to 7 for one item of `template`: merge, render, lay out, write into memory.
    /// Needs nothing of the other items, so items are prepared side by side.
    /// `key`: the document's key in the cache, when the build keeps one.
    func prepare(_ item: Value?, of template: DocumentTemplate, key: String?, with stages: Stages) -> PreparedItem {
        var prepared = PreparedItem()
        let merged: MergedDocument
        do throws(DiagnosticError) {
            if let problem = Batch.check(item, of: template) { throw DiagnosticError(problem) }
            merged = try merge(template, item: item, with: stages)
            prepared.inputs = merged.inputs
            prepared.name = try outputName(of: merged, template, item: item)
        } catch {
            prepared.problems = error.diagnostics
            return prepared
        }
        do throws(DiagnosticError) {
            let layout = try stages.layouts.layout(for: merged.frontMatter)
            prepared.layout = layout.name
            let formats = formats(of: merged)
            let bodies = renderMarkdown(
                merged, under: layout, withTree: includesBodyTree || formats.contains(.docx),
                charts: ChartContext(data: Batch.context(stages.data.root, item: item)))
            for body in [bodies.body] + bodies.attachments { prepared.dataNames.formUnion(body.rendered.dataNames) }
            let problems = markdownProblems(in: bodies, of: template, item: item, with: stages)
            if !problems.isEmpty { throw DiagnosticError(problems) }
            let document = layOut(merged, bodies, under: layout)
            let page = try write(document, named: prepared.name!, as: formats, from: template, under: layout, with: stages)
            prepared.isPDF = formats.contains(.pdf)
            if prepared.isPDF, printsPDF {
                let html = formats.contains(.html)
                    ? page.html : try HTMLPageWriter.page(for: document, layout: layout, helpers: stages.helpers)
                prepared.print = (html, document.title, document.author)
            }
            prepared.page = page
            if let key, let cache = stages.cache {
                let inputs = OutputManifest.field(DocumentCache.inputs(
                    dataNames: merged.inputs.rootNames.union(prepared.dataNames), item: item, partials: merged.inputs.partialPaths,
                    layout: layout.name))
                prepared.page?.cache = DocumentCache.Record(key: key, hash: cache.hash(key: key, inputList: inputs), inputList: inputs)
            }
        } catch {
            prepared.problems = error.diagnostics
        }
        return prepared
    }

    /// A copy of `text` in storage of its own size: a merged front matter field keeps the
    /// room its render reserved (some 300 bytes for `{{人民政府}}：`), which the manifest line
    /// of every document of a batch would otherwise hold on to.
    static func tight(_ text: String) -> String {
        let count = text.utf8.count
        guard count > 15 else { return text }  // kept inside the String itself
        return String(unsafeUninitializedCapacity: count) { $0.initialize(fromContentsOf: text.utf8) }
    }

    /// One more document done, for the progress bar.
    func advance(_ report: inout BuildReport) {
        guard let progress else { return }
        report.documentsDone += 1
        progress(BuildProgress(done: report.documentsDone, total: max(report.documentsPlanned, report.documentsDone)))
    }

    /// Step 4: the template merged with the data (and the batch item).
    func merge(_ template: DocumentTemplate, item: Value?, with stages: Stages) throws(DiagnosticError) -> MergedDocument {
        try template.merge(
            data: stages.data.root, item: item, partials: stages.partials, helpers: stages.helpers,
            recordsInputs: recordsInputs || stages.cache != nil)
    }

    /// The document's output base name: `output:` merged, or the template's name, made safe.
    func outputName(of merged: MergedDocument, _ template: DocumentTemplate, item: Value? = nil) throws(DiagnosticError) -> String {
        let name = OutputName.sanitize(merged.frontMatter.output ?? template.name)
        guard !name.isEmpty else {
            let which = item?.location.map { "the item at \($0)" } ?? "this document"
            throw DiagnosticError(Diagnostic(
                at: template.frontMatter.locations[.output], "'output' gives an empty file name for \(which) (nothing is left once it is made a safe file name)"))
        }
        return name
    }

    /// The formats a document is written in: the command line's, else its front matter's,
    /// else HTML; in the order of `OutputFormat`.
    func formats(of merged: MergedDocument) -> [OutputFormat] {
        (formats ?? merged.frontMatter.formats ?? [.html]).sorted()
    }

    /// Step 5: the body and each attachment through cmark-gfm, as the layout wants them, with
    /// the body tree when a writer walks it; chart blocks drawn from `charts`.
    func renderMarkdown(
        _ merged: MergedDocument, under layout: PageLayout, withTree: Bool, charts: ChartContext? = nil
    ) -> (body: Document.Body, attachments: [Document.Body]) {
        let format = layout.bodyFormat(for: merged.frontMatter)
        let renderer = MarkdownRenderer(options: format.options)
        func render(_ text: RenderedText) -> Document.Body {
            Document.Body(
                markdown: text.text,
                rendered: renderer.document(
                    from: text.text, transforms: format.transforms, literalRanges: text.escapedRanges,
                    includesBlocks: withTree, charts: charts))
        }
        return (render(merged.body), merged.attachments.map { render($0.body) })
    }

    /// The problems step 5 found (chart blocks it could not draw) at their places in the
    /// template, or the partial, that wrote them. They come with bytes of the merged Markdown:
    /// the merge is done again with a source map, which only a document with problems pays for.
    func markdownProblems(
        in bodies: (body: Document.Body, attachments: [Document.Body]), of template: DocumentTemplate, item: Value?,
        with stages: Stages
    ) -> [Diagnostic] {
        let rendered = [bodies.body] + bodies.attachments
        guard rendered.contains(where: { !$0.rendered.problems.isEmpty }) else { return [] }
        let mapped = try? template.merge(
            data: stages.data.root, item: item, partials: stages.partials, helpers: stages.helpers, recordsSourceMap: true)
        let texts = mapped.map { [$0.body] + $0.attachments.map(\.body) } ?? []
        var diagnostics: [Diagnostic] = []
        for (index, body) in rendered.enumerated() {
            for problem in body.rendered.problems {
                // Without a map (the merge failed the second time) the place in the merged text is the best there is.
                let location = index < texts.count && texts[index].text == body.markdown
                    ? texts[index].sourceMap?.location(ofByte: problem.offset, in: body.markdown) : nil
                diagnostics.append(location.map { Diagnostic(at: $0, problem.message) }
                    ?? problem.diagnostic(in: body.markdown, path: template.path + " (merged)"))
            }
        }
        return diagnostics
    }

    /// Step 6: the document model.
    func layOut(_ merged: MergedDocument, _ bodies: (body: Document.Body, attachments: [Document.Body]), under layout: PageLayout) -> Document {
        Document(frontMatter: merged.frontMatter, layout: layout, body: bodies.body, attachments: bodies.attachments)
    }

    /// Step 7: the document's files, from the writer of each format.
    func write(
        _ document: Document, named name: String, as formats: [OutputFormat], from template: DocumentTemplate,
        under layout: PageLayout, with stages: Stages
    ) throws(DiagnosticError) -> RenderedPage {
        var files: [OutputFile] = []
        for format in formats {
            switch format {
            case .html:
                files.append(OutputFile(name: name + ".html", text: try HTMLPageWriter.page(for: document, layout: layout, helpers: stages.helpers)))
                files.append(OutputFile(name: name + ".md", text: MarkdownSourceWriter.text(of: document)))
            case .docx:
                do {
                    files.append(OutputFile(name: name + ".docx", contents: try DOCXWriter.file(for: document)))
                } catch {
                    // The writer's own failures have no position: they are about this document.
                    throw DiagnosticError(error.diagnostics.map { problem in
                        problem.location != nil ? problem : Diagnostic(problem.severity, path: template.path, "\(name).docx: " + problem.message)
                    })
                }
            case .pdf:
                // Printed by the browser, in `build`, once the page is written.
                break
            }
        }
        return RenderedPage(name: name, templatePath: template.path, document: document, files: files)
    }

    /// Adds the offending line of the file to a diagnostic that lacks it, for the caret. A
    /// workbook has no lines to show (its positions are rows and columns of cells).
    func withSourceLine(_ diagnostic: Diagnostic) -> Diagnostic {
        guard diagnostic.sourceLine == nil, let location = diagnostic.location, location.line > 0,
            DataFormat(fileExtension: (location.path as NSString).pathExtension)?.isBinary != true,
            let text = try? project.read(location.path)
        else { return diagnostic }
        return diagnostic.withSourceLine(from: text)
    }
}

/// A template's path and text, as read from the project or given on standard input.
struct TemplateSource {
    var path: String
    var text: String
}

/// The output names of one template's documents: two items with one name are an error, at the
/// second item, naming the template and both items. Names that differ only in letter case or
/// Unicode normalisation are one name too: on the file systems of Windows and macOS they are
/// one file, and the second document would silently replace the first.
struct BatchNames {
    private var items: [String: (name: String, location: SourceLocation?)] = [:]

    mutating func claim(_ name: String, for item: Value?, of template: DocumentTemplate) throws(DiagnosticError) -> String {
        let key = OutputName.folded(name)
        if let previous = items[key] {
            let place = { (location: SourceLocation?) in location.map { "the item at \($0)" } ?? "an item" }
            let names = previous.name == name ? "'\(name)'" : "'\(previous.name)' and '\(name)' (one file where letter case does not count)"
            throw DiagnosticError(Diagnostic(
                at: item?.location ?? template.frontMatter.locations[.output],
                "\(template.path) would write two documents to \(names): \(place(previous.location)) and \(place(item?.location)); make 'output' differ between them"))
        }
        items[key] = (name, item?.location)
        return name
    }
}
