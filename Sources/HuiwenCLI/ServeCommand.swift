import ArgumentParser
import Foundation
import HuiwenBuild
import HuiwenDiagnostics
import HuiwenServer

/// `huiwen serve`: preview the documents in a browser; pages reload when files are saved.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the documents in a browser; pages reload when a template or data file is saved."
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("The port to listen on (0 picks a free one).", valueName: "PORT"))
    var port = 8000

    @Option(help: ArgumentHelp("The address to listen on; anything but loopback exposes the documents.", valueName: "HOST"))
    var host = "127.0.0.1"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
    }

    /// Runs until SIGINT or SIGTERM, which stop the server gracefully (exit 0).
    func run() async throws {
        if !PreviewServer.isLoopback(host) {
            Self.printError("warning: serving on \(host), not on loopback: other machines may read the documents (the Host check still allows only \(host), localhost and 127.0.0.1)")
        }
        let printer = DiagnosticPrinter(format: project.format)
        let server = PreviewServer(configuration: .init(root: project.rootURL, host: host, port: port, stopsOnSignals: true))
        do {
            try await server.run(
                onReady: { ready in
                    printer.print(ready.diagnostics)
                    let noun = ready.documentCount == 1 ? "document" : "documents"
                    Self.printLine("serving \(ready.url.absoluteString) (\(ready.documentCount) \(noun); Ctrl-C stops)")
                },
                onRebuild: { event in
                    printer.print(event.diagnostics)
                    let milliseconds = Double(event.duration.components.attoseconds) / 1e15 + Double(event.duration.components.seconds) * 1000
                    let names = event.renderedTemplates.map { ($0 as NSString).lastPathComponent }
                    let what = names.isEmpty ? "no document affected" : "rendered " + names.joined(separator: ", ")
                    let errors = event.diagnostics.filter { $0.severity == .error }.count
                    Self.printLine(String(format: "%@ in %.1f ms", what, milliseconds) + (errors > 0 ? "; \(errors) error\(errors == 1 ? "" : "s")" : ""))
                })
        } catch {
            Self.printError("error: cannot serve on \(host):\(port): \(error)")
            throw ExitCode(ExitStatus.documentErrors)
        }
        Self.printLine("stopped")
    }

    private static func printLine(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    private static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
