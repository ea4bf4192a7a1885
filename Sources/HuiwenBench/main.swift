// huiwen-bench: measurements that are not tests (run from a release build; see BENCHMARKS.md).
// Each measurement prints medians or figures, never a pass/fail verdict on time.
import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenMarkdown
import HuiwenTemplate

/// Resident set size in KiB, from /proc/self/status (`VmHWM:` for its peak so far).
func residentKiB(_ field: String = "VmRSS:") -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix(field) {
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
    }
    return -1
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

/// Renders a document-sized Markdown text `count` times and prints RSS along the way: memory
/// must stay flat (no leak in the C boundary).
func measureLeak(count: Int) {
    let sample = (1...20).map { index in
        "## 第\(index)项\n\n| 地区 | 起数 |\n|--|--:|\n| 长沙 | \(index) |\n\n~~删~~ www.example.com 正文[^\(index)]\n\n[^\(index)]: 注\n"
    }.joined(separator: "\n")
    let renderer = MarkdownRenderer()
    var checksum = 0
    var samples: [(Int, Int)] = []
    for index in 1...count {
        checksum &+= renderer.html(from: sample).utf8.count
        if index % (count / 10) == 0 { samples.append((index, residentKiB())) }
    }
    for (index, rss) in samples { print("renders \(index): RSS \(rss) KiB") }
    let growth = samples.last!.1 - samples.first!.1
    print("RSS growth from \(samples.first!.0) to \(samples.last!.0) renders: \(growth) KiB (checksum \(checksum))")
}

/// Nanoseconds of one call of `work`, from the monotonic clock.
func nanoseconds(_ work: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    work()
    return Double(DispatchTime.now().uptimeNanoseconds - start)
}

/// One of the example project's templates (the notice unless told), ready to merge: data loaded
/// and the template compiled once. Exits with the problems when the project does not load.
struct TemplateFixture {
    let data: DataLoadResult
    let template: DocumentTemplate
    let partials: PartialLibrary
    let helpers = TemplateHelpers.standard

    init(root: URL, templatePath: String = "templates/notice.md") {
        data = DataLoader().load(projectRoot: root)
        guard data.diagnostics.isEmpty else {
            print(data.diagnostics.map(\.description).joined(separator: "\n"))
            exit(1)
        }
        guard let source = try? String(contentsOf: root.appendingPathComponent(templatePath), encoding: .utf8) else {
            print("cannot read \(templatePath) under \(root.path)")
            exit(1)
        }
        do {
            template = try DocumentTemplate(source: source, path: templatePath)
        } catch {
            print(error.description)
            exit(1)
        }
        partials = PartialLibrary(provider: FilePartialProvider(directory: root.appendingPathComponent("templates/partials").path))
    }

    func merge() -> MergedDocument {
        do {
            return try template.merge(data: data.root, partials: partials, helpers: helpers)
        } catch {
            preconditionFailure("\(error)")
        }
    }
}

/// Issue 4's bar: merging the example notice (front matter, body, attachment) takes less time
/// than cmark-gfm's parse and render of the merged Markdown. Data is loaded and the template
/// compiled once; the runs alternate, so both see the same machine state.
func measureMerge(root: URL, runs: Int) {
    let notice = TemplateFixture(root: root)
    let renderer = MarkdownRenderer()

    var merged: MergedDocument?
    var mergeTimes: [Double] = []
    var cmarkTimes: [Double] = []
    var checksum = 0
    for run in 0..<(runs + runs / 10) {
        let mergeTime = nanoseconds { merged = notice.merge() }
        let document = merged!
        let cmarkTime = nanoseconds {
            checksum &+= renderer.html(from: document.body.text).utf8.count
            for attachment in document.attachments {
                checksum &+= renderer.html(from: attachment.body.text).utf8.count
            }
        }
        // The first tenth warms caches (partials compile on first use) and is not counted.
        if run >= runs / 10 {
            mergeTimes.append(mergeTime)
            cmarkTimes.append(cmarkTime)
        }
    }
    let bytes = merged.map { $0.body.text.utf8.count + $0.attachments.reduce(0) { $0 + $1.body.text.utf8.count } } ?? 0
    let mergeMedian = median(mergeTimes) / 1000
    let cmarkMedian = median(cmarkTimes) / 1000
    print("notice: \(bytes) bytes of merged Markdown, \(mergeTimes.count) runs (checksum \(checksum))")
    print(String(format: "merge (DocumentTemplate.merge):        median %8.1f µs", mergeMedian))
    print(String(format: "cmark-gfm parse+render (html(from:)): median %8.1f µs", cmarkMedian))
    print(String(format: "merge / cmark: %.2f", mergeMedian / cmarkMedian))
}

/// Issue 9: what the body tree costs. `document(from:)` of the merged notice (body and
/// attachment, 公文 numbering, the merge's literal ranges, as the build renders it) with the
/// tree and without it, alternating in one process.
func measureTree(root: URL, runs: Int) {
    let document = TemplateFixture(root: root).merge()
    let renderer = MarkdownRenderer()
    let transforms = DocumentTransforms(numbering: .gongwen)
    let bodies = [document.body] + document.attachments.map(\.body)
    var withTree: [Double] = []
    var withoutTree: [Double] = []
    var checksum = 0
    for run in 0..<(runs + runs / 10) {
        let treeTime = nanoseconds {
            for body in bodies {
                let rendered = renderer.document(from: body.text, transforms: transforms, literalRanges: body.escapedRanges)
                checksum &+= rendered.html.utf8.count &+ rendered.blocks.count
            }
        }
        let htmlTime = nanoseconds {
            for body in bodies {
                let rendered = renderer.document(
                    from: body.text, transforms: transforms, literalRanges: body.escapedRanges, includesBlocks: false)
                checksum &+= rendered.html.utf8.count
            }
        }
        // The first tenth warms caches and is not counted.
        if run >= runs / 10 {
            withTree.append(treeTime)
            withoutTree.append(htmlTime)
        }
    }
    let bytes = bodies.reduce(0) { $0 + $1.text.utf8.count }
    let treeMedian = median(withTree) / 1000
    let htmlMedian = median(withoutTree) / 1000
    print("notice: \(bytes) bytes of merged Markdown in \(bodies.count) parts, \(withTree.count) runs (checksum \(checksum))")
    print(String(format: "document(from:) with the tree:    median %8.1f µs", treeMedian))
    print(String(format: "document(from:) without the tree: median %8.1f µs", htmlMedian))
    print(String(format: "the tree adds %.1f %%", (treeMedian / htmlMedian - 1) * 100))
}

/// Issue 15's bar: drawing a chart costs less than rendering the page's Markdown. The merged
/// outline body (its two chart blocks and the text around them) rendered as the build renders
/// it, without charts (each block stays code), with them (each spec read once and then found in
/// `ChartSpecCache`, as in a batch or `serve`), and with every spec new (a comment line with the
/// run's number in each block: the YAML is read every time, as in a one-document build); and
/// each chart alone, from its value to its SVG (`ChartSVG.markup`); alternating in one process.
func measureCharts(root: URL, runs: Int) {
    let outline = TemplateFixture(root: root, templatePath: "templates/outline.md")
    let body = outline.merge().body
    let renderer = MarkdownRenderer()
    let transforms = DocumentTransforms(numbering: .gongwen)
    let context = ChartContext(data: outline.data.root)
    let rendered = renderer.document(from: body.text, transforms: transforms, literalRanges: body.escapedRanges, charts: context)
    let charts = rendered.blocks.compactMap { block -> Chart? in
        if case .chart(let chart) = block { return chart }
        return nil
    }
    guard rendered.problems.isEmpty, !charts.isEmpty else {
        print("the outline has no chart to draw: \(rendered.problems)")
        exit(1)
    }
    let (newText, newRanges) = withNewSpecs(body.text, escapedRanges: body.escapedRanges, run: -1)
    let renewed = renderer.document(from: newText, transforms: transforms, literalRanges: newRanges, charts: context)
    guard renewed.problems.isEmpty, renewed.blocks.filter({ if case .chart = $0 { true } else { false } }).count == charts.count else {
        print("the outline with new specs does not draw the same charts: \(renewed.problems)")
        exit(1)
    }
    var plain: [Double] = []
    var drawn: [Double] = []
    var cold: [Double] = []
    var alone: [[Double]] = charts.map { _ in [] }
    var checksum = 0
    for run in 0..<(runs + runs / 10) {
        let plainTime = nanoseconds {
            checksum &+= renderer.document(
                from: body.text, transforms: transforms, literalRanges: body.escapedRanges, includesBlocks: false
            ).html.utf8.count
        }
        let drawnTime = nanoseconds {
            checksum &+= renderer.document(
                from: body.text, transforms: transforms, literalRanges: body.escapedRanges, includesBlocks: false, charts: context
            ).html.utf8.count
        }
        let (newText, newRanges) = withNewSpecs(body.text, escapedRanges: body.escapedRanges, run: run)
        let coldTime = nanoseconds {
            checksum &+= renderer.document(
                from: newText, transforms: transforms, literalRanges: newRanges, includesBlocks: false, charts: context
            ).html.utf8.count
        }
        var aloneTimes: [Double] = []
        for chart in charts {
            aloneTimes.append(nanoseconds { checksum &+= ((try? ChartSVG.markup(for: chart)) ?? "").utf8.count })
        }
        // The first tenth warms caches and is not counted.
        if run >= runs / 10 {
            plain.append(plainTime)
            drawn.append(drawnTime)
            cold.append(coldTime)
            for (index, time) in aloneTimes.enumerated() { alone[index].append(time) }
        }
    }
    let plainMedian = median(plain) / 1000
    let drawnMedian = median(drawn) / 1000
    let coldMedian = median(cold) / 1000
    let count = Double(charts.count)
    print("outline body: \(body.text.utf8.count) bytes of merged Markdown, \(charts.count) charts, \(plain.count) runs (checksum \(checksum))")
    print(String(format: "page Markdown, chart blocks as code:        median %7.1f µs", plainMedian))
    print(String(format: "page with its charts, specs cached:        median %7.1f µs", drawnMedian))
    print(String(format: "page with its charts, specs read anew:     median %7.1f µs", coldMedian))
    for (chart, times) in zip(charts, alone) {
        let time = median(times) / 1000
        print(String(format: "ChartSVG.markup, %@, %d categories:      median %7.1f µs = %.2f × the page's Markdown",
            chart.kind.rawValue, chart.categories.count, time, time / plainMedian))
    }
    let cached = (drawnMedian - plainMedian) / count
    let anew = (coldMedian - plainMedian) / count
    print(String(format: "a chart block in the page (data, SVG, figure), spec cached: %7.1f µs = %.2f × the page's Markdown", cached, cached / plainMedian))
    print(String(format: "a chart block in the page, its spec's YAML read too:       %7.1f µs = %.2f × the page's Markdown", anew, anew / plainMedian))
}

/// `text` with a comment line (`#` and the run's number, always 10 bytes) after each chart
/// block's opening fence, so that no spec is one `ChartSpecCache` has seen; `escapedRanges`
/// moved with the bytes after them.
func withNewSpecs(_ text: String, escapedRanges: [Range<Int>], run: Int) -> (String, [Range<Int>]) {
    let fence = Array("```chart\n".utf8)
    let comment = Array(String(format: "#%08d\n", run).utf8)
    let bytes = Array(text.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + 64)
    var insertions: [Int] = []
    var index = 0
    while index < bytes.count {
        if bytes[index] == fence[0], index + fence.count <= bytes.count, bytes[index..<(index + fence.count)].elementsEqual(fence) {
            output += fence
            output += comment
            index += fence.count
            insertions.append(index)
        } else {
            output.append(bytes[index])
            index += 1
        }
    }
    let ranges = escapedRanges.map { range in
        let shift = comment.count * insertions.filter { $0 <= range.lowerBound }.count
        return (range.lowerBound + shift)..<(range.upperBound + shift)
    }
    return (String(decoding: output, as: UTF8.self), ranges)
}

/// Loads the project's `data/` `runs` times and prints the median (issue 3's bar: under 5 ms
/// for the example data).
func measureDataLoad(root: URL, runs: Int) {
    var times: [Double] = []
    var values = 0
    for _ in 0..<runs {
        var result: DataLoadResult?
        times.append(nanoseconds { result = DataLoader().load(projectRoot: root) })
        values &+= result?.files.count ?? 0
        if let problems = result?.diagnostics, !problems.isEmpty {
            print(problems.map(\.description).joined(separator: "\n"))
            exit(1)
        }
    }
    print("data/ of \(root.path): \(values / max(runs, 1)) files, \(runs) loads")
    print(String(format: "load: median %.2f ms", median(times) / 1_000_000))
}

/// Reads one data file (CSV, Excel, …) `runs` times as the data loader does and prints the
/// median, the rows read, and the process's resident memory before the first read and at its
/// peak (for the workbook bar: the load within 2× the same table as CSV, memory within 3× the
/// sheet's XML).
func measureFileRead(path: String, runs: Int) {
    let url = URL(fileURLWithPath: path)
    let residentBefore = residentKiB()
    var times: [Double] = []
    var cpuTimes: [Double] = []
    var rows = 0
    var value: Value?
    for _ in 0..<runs {
        value = nil
        let cpuStart = threadCPUNanoseconds()
        times.append(nanoseconds {
            do throws(DiagnosticError) {
                value = try DataLoader().read(fileAt: url, path: url.lastPathComponent)
            } catch {
                print(error.diagnostics.prefix(10).map(\.description).joined(separator: "\n"))
                exit(1)
            }
        })
        cpuTimes.append(threadCPUNanoseconds() - cpuStart)
        rows = value?.listItems?.count ?? value?.mapEntries?.values.reduce(0) { $0 + ($1.listItems?.count ?? 0) } ?? 0
    }
    print("\(url.lastPathComponent): \(rows) rows, \(runs) reads")
    print("runs (ms): " + times.map { String(format: "%.1f", $0 / 1_000_000) }.joined(separator: " "))
    print(String(format: "read: median %.1f ms (min %.1f ms), thread CPU median %.1f ms",
        median(times) / 1_000_000, (times.min() ?? 0) / 1_000_000, median(cpuTimes) / 1_000_000))
    print("resident: \(residentBefore) KiB before, \(residentKiB()) KiB holding the last value, peak \(residentKiB("VmHWM:")) KiB")
    withExtendedLifetime(value) {}
}

/// CPU time of this thread, which holds steady when the other core is busy.
func threadCPUNanoseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1e9 + Double(time.tv_nsec)
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "leak":
    measureLeak(count: Int(arguments.dropFirst().first ?? "") ?? 100_000)
case "merge":
    // huiwen-bench merge [RUNS] [ROOT]: ROOT defaults to the current folder (the repository).
    let rest = Array(arguments.dropFirst())
    let root = URL(fileURLWithPath: rest.count > 1 ? rest[1] : FileManager.default.currentDirectoryPath)
    measureMerge(root: root, runs: rest.first.flatMap { Int($0) } ?? 2_000)
case "tree":
    // huiwen-bench tree [RUNS] [ROOT]
    let rest = Array(arguments.dropFirst())
    let root = URL(fileURLWithPath: rest.count > 1 ? rest[1] : FileManager.default.currentDirectoryPath)
    measureTree(root: root, runs: rest.first.flatMap { Int($0) } ?? 2_000)
case "charts":
    // huiwen-bench charts [RUNS] [ROOT]
    let rest = Array(arguments.dropFirst())
    let root = URL(fileURLWithPath: rest.count > 1 ? rest[1] : FileManager.default.currentDirectoryPath)
    measureCharts(root: root, runs: rest.first.flatMap { Int($0) } ?? 2_000)
case "load":
    // huiwen-bench load [RUNS] [ROOT]
    let rest = Array(arguments.dropFirst())
    let root = URL(fileURLWithPath: rest.count > 1 ? rest[1] : FileManager.default.currentDirectoryPath)
    measureDataLoad(root: root, runs: rest.first.flatMap { Int($0) } ?? 200)
case "read":
    // huiwen-bench read FILE [RUNS]
    let rest = Array(arguments.dropFirst())
    guard let file = rest.first else { print("usage: huiwen-bench read FILE [RUNS]"); exit(2) }
    measureFileRead(path: file, runs: rest.dropFirst().first.flatMap { Int($0) } ?? 10)
default:
    print("usage: huiwen-bench leak [COUNT] | merge [RUNS] [ROOT] | tree [RUNS] [ROOT] | charts [RUNS] [ROOT] | load [RUNS] [ROOT] | read FILE [RUNS]")
    exit(2)
}
