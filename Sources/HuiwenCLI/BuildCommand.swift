import ArgumentParser
import Foundation
import HuiwenBuild
import HuiwenDiagnostics
import HuiwenTemplate
import HuiwenText

/// Options every project command shares.
struct ProjectOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The project folder (holding templates/ and data/).", valueName: "DIR"))
    var root = "."

    @Option(help: ArgumentHelp("How to print problems: text, github or json.", valueName: "FORMAT"))
    var format: DiagnosticFormat?

    var rootURL: URL { URL(fileURLWithPath: root, isDirectory: true) }
}

extension DiagnosticFormat: ExpressibleByArgument {}

/// `--to html,docx`: formats named on the command line.
enum FormatList {
    static func parse(_ argument: String) throws -> [OutputFormat] {
        switch OutputFormat.list(argument) {
        case .success(let formats) where !formats.isEmpty: return formats
        case .success: throw ValidationError("--to needs at least one format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        case .failure(let unknown): throw ValidationError("\(unknown)")
        }
    }
}

/// `huiwen build`: every template of the project into `output/`.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build every document of the project into output/."
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("Where to write the documents (default: ROOT/output).", valueName: "DIR"))
    var output: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Build only the documents of these templates (base names).", valueName: "NAME"))
    var only: [String] = []

    @Option(
        help: ArgumentHelp(
            "The formats to write, comma-separated: html, docx, pdf (default: each document's 'formats:', else html).",
            valueName: "FORMATS"),
        transform: FormatList.parse)
    var to: [OutputFormat]?

    @Option(help: ArgumentHelp("The browser that prints PDFs (default: $HUIWEN_BROWSER, else chromium on PATH).", valueName: "PATH"))
    var browser: String?

    @Option(help: ArgumentHelp("How many documents are built side by side, and pages printed (default: the number of cores).", valueName: "N"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Build every document, even those whose inputs have not changed since the last build.")
    var rebuild = false

    @Option(
        help: ArgumentHelp(
            "Build only part I of N of the documents, and no index (one job of a CI matrix); join the parts with --merge-shards.",
            valueName: "I/N"))
    var shard: String?

    @Option(
        name: .customLong("merge-shards"), parsing: .upToNextOption,
        help: ArgumentHelp("Join the output folders of every shard of one split into the output folder, with the index.", valueName: "DIR"))
    var mergeShards: [String] = []

    @Flag(help: "Write nothing; exit 1 listing the output files that are missing or stale (PDFs are not compared).")
    var check = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more") }
        if let shard, Shard(shard) == nil {
            throw ValidationError("--shard needs I/N with 1 ≤ I ≤ N, such as 2/4; got '\(shard)'")
        }
        if shard != nil, check { throw ValidationError("--shard cannot be used with --check (check the merged output)") }
        if !mergeShards.isEmpty {
            let others = [("--shard", shard != nil), ("--check", check), ("--only", !only.isEmpty), ("--to", to != nil), ("--rebuild", rebuild)]
            if let other = others.first(where: \.1) {
                throw ValidationError("--merge-shards cannot be used with \(other.0): it joins documents the shards built")
            }
        }
        if let browser, browser.contains("/"), !FileManager.default.isExecutableFile(atPath: browser) {
            throw ValidationError("--browser: no program at \(browser)")
        }
        // A name that matches no template would build nothing and succeed. (Without a
        // templates folder the build itself reports that.)
        if !only.isEmpty, let paths = try? Project(root: project.rootURL).templatePaths() {
            let names = paths.map { ($0 as NSString).lastPathComponent.replacingOccurrences(of: ".md", with: "") }
            for name in only where !names.contains(name) {
                let hint = NameSuggester.closest(to: name, among: names).map { "; did you mean \($0)?" } ?? ""
                throw ValidationError("--only \(name): no template templates/\(name).md\(hint) (templates: \(names.joined(separator: ", ")))")
            }
        }
    }

    func run() throws {
        let outputURL = output.map { URL(fileURLWithPath: $0, isDirectory: true) }
        let start = Date()
        var builder = Builder(
            project: Project(root: project.rootURL, outputDirectory: outputURL), formats: to, browser: browser, jobs: jobs)
        let bar = ProgressBar.forTerminal()
        if let bar { builder.progress = { bar.update($0) } }
        builder.reusesUnchanged = !rebuild
        builder.shard = shard.flatMap(Shard.init)
        if !mergeShards.isEmpty {
            let report = builder.mergeShards(mergeShards.map { URL(fileURLWithPath: $0, isDirectory: true) })
            DiagnosticPrinter(format: project.format).print(report.diagnostics)
            let seconds = String(format: "%.2f", Date().timeIntervalSince(start))
            guard report.succeeded else {
                print("merged nothing: \(report.diagnostics.count) error\(report.diagnostics.count == 1 ? "" : "s")")
                throw ExitCode(ExitStatus.documentErrors)
            }
            print("merged \(mergeShards.count) shard\(mergeShards.count == 1 ? "" : "s"): \(report.documentCount) document\(report.documentCount == 1 ? "" : "s") in \(seconds) s (\(report.written.count) files written, \(report.deleted.count) removed)")
            return
        }
        let names = only.isEmpty ? nil : Set(only)
        let report = check ? builder.check(only: names) : builder.build(only: names)
        bar?.finish()
        DiagnosticPrinter(format: project.format).print(report.diagnostics)
        let seconds = String(format: "%.2f", Date().timeIntervalSince(start))
        let failures = report.diagnostics.filter { $0.severity == .error }.count
        let errors = failures > 0 ? "; \(failures) error\(failures == 1 ? "" : "s")" : ""
        let documents = "\(report.documentCount) document\(report.documentCount == 1 ? "" : "s")"
        if check {
            let folder = outputURL?.relativePath ?? "output"
            for file in report.written { print("\(folder)/\(file): missing or stale") }
            for file in report.deleted { print("\(folder)/\(file): would be removed") }
            if !report.uncheckedFiles.isEmpty {
                print("\(report.uncheckedFiles.count) PDF\(report.uncheckedFiles.count == 1 ? "" : "s") not compared: a browser does not print the same bytes twice")
            }
            let stale = report.written.count + report.deleted.count
            print("checked \(documents) in \(seconds) s: " + (stale == 0 ? "output is current" : "\(stale) file\(stale == 1 ? "" : "s") out of date; run huiwen build") + errors)
            if stale > 0 || !report.succeeded { throw ExitCode(ExitStatus.documentErrors) }
        } else {
            let built = report.unchangedCount == 0
                ? documents : "\(report.documentCount), unchanged \(report.unchangedCount) document\(report.unchangedCount == 1 ? "" : "s")"
            let part = builder.shard.map { " of shard \($0)" } ?? ""
            print("built \(built)\(part) in \(seconds) s (\(report.written.count) files written, \(report.deleted.count) removed)" + errors)
            if !report.succeeded { throw ExitCode(ExitStatus.documentErrors) }
        }
    }
}
