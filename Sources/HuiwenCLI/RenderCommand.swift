import ArgumentParser
import Foundation
import HuiwenBuild
import HuiwenDiagnostics
import HuiwenMarkdown

/// `huiwen render --markdown FILE|-`: plain Markdown to an HTML fragment, byte-identical to
/// `cmark-gfm -e table -e strikethrough -e autolink -e tagfilter -e tasklist -e footnotes`.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render plain Markdown to an HTML fragment through cmark-gfm.",
        discussion: """
            With --markdown the input is plain Markdown (no front matter, no tags) and the output
            is exactly what the cmark-gfm command prints with the table, strikethrough, autolink,
            tagfilter, tasklist and footnotes extensions. Raw HTML is omitted unless --unsafe-html.
            """
    )

    @Flag(name: .long, help: "Treat the input as plain Markdown (no front matter, no template tags).")
    var markdown = false

    @Flag(name: .long, help: "Let raw HTML through (tagfilter still applies).")
    var unsafeHTML = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the HTML to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Argument(help: ArgumentHelp("The Markdown file, or - for standard input.", valueName: "FILE"))
    var input: String

    func validate() throws {
        guard markdown else {
            throw ValidationError("templates with data arrive later; use --markdown to render plain Markdown")
        }
    }

    func run() throws {
        let text: String
        do {
            text = input == "-" ? try SourceReader.readStandardInput() : try SourceReader.readText(atPath: input)
        } catch {
            DiagnosticPrinter().print([error])
            throw ExitCode(ExitStatus.documentErrors)
        }
        let html = MarkdownRenderer(options: MarkdownOptions(allowsRawHTML: unsafeHTML)).html(from: text)
        if let output, output != "-" {
            do {
                try Data(html.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                DiagnosticPrinter().print([Diagnostic(path: output, "cannot write file (\(error.localizedDescription))")])
                throw ExitCode(ExitStatus.documentErrors)
            }
        } else {
            FileHandle.standardOutput.write(Data(html.utf8))
        }
    }
}
