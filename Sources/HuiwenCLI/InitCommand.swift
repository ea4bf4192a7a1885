import ArgumentParser
import Foundation
import HuiwenBuild

/// `huiwen init DIR`: scaffolds a new document project that builds at once.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new document project (templates, layouts, sample data, output/)."
    )

    @Argument(help: ArgumentHelp("The folder to create (must be absent or empty).", valueName: "DIR"))
    var directory: String

    func run() throws {
        do {
            try ProjectScaffold.create(at: URL(fileURLWithPath: directory, isDirectory: true))
        } catch {
            DiagnosticPrinter().print([error])
            throw ExitCode(ExitStatus.documentErrors)
        }
        print("created \(directory): \(ProjectScaffold.files.count) files; next: huiwen build --root \(directory)")
    }
}
