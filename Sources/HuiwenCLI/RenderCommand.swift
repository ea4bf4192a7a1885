import ArgumentParser
import Foundation
import HuiwenBuild
import HuiwenDiagnostics
import HuiwenMarkdown

/// `huiwen render TEMPLATE|-`: one template with the project's data, printed as the page
/// (`--to html`) or the merged Markdown (`--to md`); `huiwen render --markdown FILE|-`: plain
/// Markdown to an HTML fragment, byte-identical to
/// `cmark-gfm -e table -e strikethrough -e autolink -e tagfilter -e tasklist -e footnotes`.
struct RenderCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, md, docx
    }

    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one template with the project's data, or plain Markdown with --markdown.",
        discussion: """
            A template is rendered like `huiwen build` renders it (front matter, data, layout) and
            printed instead of written into output/. With --markdown the input is plain Markdown
            (no front matter, no tags) and the output is exactly what the cmark-gfm command
            prints with the table, strikethrough, autolink, tagfilter, tasklist and footnotes
            extensions; raw HTML is omitted unless --unsafe-html.
            """
    )

    @Flag(name: .long, help: "Treat the input as plain Markdown (no front matter, no template tags).")
    var markdown = false

    @Flag(name: .long, help: "With --markdown: let raw HTML through (tagfilter still applies).")
    var unsafeHTML = false

    @Option(help: ArgumentHelp("The project folder whose data and partials a template uses.", valueName: "DIR"))
    var root = "."

    @Option(help: ArgumentHelp("For a template: html (the page), md (the merged Markdown) or docx (the Word file).", valueName: "FORMAT"))
    var to: Format = .html

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Argument(help: ArgumentHelp("The template or Markdown file, or - for standard input.", valueName: "FILE"))
    var input: String

    func validate() throws {
        if to == .docx && (output == nil || output == "-") && isatty(STDOUT_FILENO) == 1 {
            throw ValidationError("--to docx writes a binary file: give -o FILE (or redirect standard output)")
        }
        if unsafeHTML && !markdown {
            throw ValidationError("--unsafe-html applies to --markdown; in a template, set 'allowHTML: true' in its front matter")
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
        if markdown {
            try emit(MarkdownRenderer(options: MarkdownOptions(allowsRawHTML: unsafeHTML)).html(from: text))
            return
        }
        let project = Project(root: URL(fileURLWithPath: root, isDirectory: true))
        let formats: [OutputFormat] = to == .docx ? [.docx] : [.html]
        let report = Builder(project: project, formats: formats).render(template: input == "-" ? "<stdin>" : input, source: text)
        DiagnosticPrinter().print(report.diagnostics)
        guard report.succeeded else { throw ExitCode(ExitStatus.documentErrors) }
        guard report.pages.count == 1, let page = report.pages.first else {
            DiagnosticPrinter().print([Diagnostic(
                path: input, "makes \(report.pages.count) documents (it has 'each'); use huiwen build to write them all")])
            throw ExitCode(ExitStatus.documentErrors)
        }
        switch to {
        case .html: try emit(page.html)
        case .md: try emit(page.markdown)
        case .docx: try emit(bytes: page.files.first { $0.name.hasSuffix(".docx") }?.contents ?? [])
        }
    }

    private func emit(_ text: String) throws {
        try emit(bytes: Array(text.utf8))
    }

    private func emit(bytes: [UInt8]) throws {
        if let output, output != "-" {
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                DiagnosticPrinter().print([Diagnostic(path: output, "cannot write file (\(error.localizedDescription))")])
                throw ExitCode(ExitStatus.documentErrors)
            }
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}
