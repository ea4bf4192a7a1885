import ArgumentParser
import Foundation
import HuiwenBuild
import HuiwenDiagnostics

/// Options every project command shares.
struct ProjectOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The project folder (holding templates/ and data/).", valueName: "DIR"))
    var root = "."

    @Option(help: ArgumentHelp("How to print problems: text, github or json.", valueName: "FORMAT"))
    var format: DiagnosticFormat?

    var rootURL: URL { URL(fileURLWithPath: root, isDirectory: true) }
}

extension DiagnosticFormat: ExpressibleByArgument {}

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

    func run() throws {
        let outputURL = output.map { URL(fileURLWithPath: $0, isDirectory: true) }
        let start = Date()
        let builder = Builder(project: Project(root: project.rootURL, outputDirectory: outputURL))
        let report = builder.build(only: only.isEmpty ? nil : Set(only))
        DiagnosticPrinter(format: project.format).print(report.diagnostics)
        let seconds = Date().timeIntervalSince(start)
        let noun = report.written.count == 1 ? "document" : "documents"
        let failures = report.diagnostics.filter { $0.severity == .error }.count
        let summary = "built \(report.written.count) \(noun) in \(String(format: "%.2f", seconds)) s"
            + (failures > 0 ? "; \(failures) error\(failures == 1 ? "" : "s")" : "")
        print(summary)
        if !report.succeeded { throw ExitCode(ExitStatus.documentErrors) }
    }
}

/// `huiwen check`: every problem of the project's data and templates; writes nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate all data and templates; write nothing."
    )

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let report = Builder(project: Project(root: project.rootURL)).render()
        DiagnosticPrinter(format: project.format).print(report.diagnostics)
        if !report.succeeded { throw ExitCode(ExitStatus.documentErrors) }
        print("checked \(report.pages.count) documents: no problems")
    }
}
