import ArgumentParser
import Foundation
import HuiwenBuild
import HuiwenDiagnostics

/// `huiwen build`: every template of the project into `output/`.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build every document of the project into output/."
    )

    @Option(help: ArgumentHelp("The project folder (holding templates/ and data/).", valueName: "DIR"))
    var root = "."

    @Option(help: ArgumentHelp("Where to write the documents (default: ROOT/output).", valueName: "DIR"))
    var output: String?

    func run() throws {
        let rootURL = URL(fileURLWithPath: root, isDirectory: true)
        let outputURL = output.map { URL(fileURLWithPath: $0, isDirectory: true) }
        let start = Date()
        let report = Builder(root: rootURL, outputDirectory: outputURL).build()
        DiagnosticPrinter().print(report.diagnostics)
        let seconds = Date().timeIntervalSince(start)
        let noun = report.written.count == 1 ? "document" : "documents"
        print("built \(report.written.count) \(noun) in \(String(format: "%.2f", seconds)) s")
        if !report.succeeded { throw ExitCode(ExitStatus.documentErrors) }
    }
}
