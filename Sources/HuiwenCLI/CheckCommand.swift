import ArgumentParser
import HuiwenBuild

/// `huiwen check`: every problem of the project's data and templates; writes nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate all data and templates; write nothing."
    )

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let report = Builder(project: Project(root: project.rootURL)).validate()
        DiagnosticPrinter(format: project.format).print(report.diagnostics)
        if !report.succeeded { throw ExitCode(ExitStatus.documentErrors) }
        print("checked \(report.documentCount) document\(report.documentCount == 1 ? "" : "s"): no problems")
    }
}
