import ArgumentParser
import Foundation
import HuiwenBuild
import HuiwenDiagnostics

/// `huiwen`: meeting statistics and action items into official documents.
///
/// Exit codes: 0 success; 1 document errors (or stale output with `build --check`); 2 usage
/// errors. swift-argument-parser's own usage code (64) is mapped to 2 here.
@main
struct Huiwen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "huiwen",
        abstract: "Turn a meeting's statistics and action items into official documents (会文).",
        version: HuiwenVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, RenderCommand.self, ServeCommand.self, InitCommand.self]
    )

    static func main() async {
        // A write past `ulimit -f` then fails with EFBIG, reported at its file, instead of
        // killing the process (SIGXFSZ's default) in the middle of a build.
        signal(SIGXFSZ, SIG_IGN)
        #if canImport(Glibc)
        // glibc raises the size from which it maps an allocation of its own each time a mapped
        // one is freed (a 2 MB data file, the 10 MB manifest of a large batch): from then on
        // every document's pages, tens of kilobytes each, came from the heap, and the few bytes
        // a build keeps of each document filled the holes they left. Held at its default,
        // 128 KiB, a build of 20,000 documents peaks 17 MB lower with one job and 8 MB lower
        // when unchanged, in the same time.
        // (`mallopt` is in <malloc.h>, which Glibc's module does not bring in; -3 is M_MMAP_THRESHOLD.)
        if let mallopt = dlsym(nil, "mallopt") {
            _ = unsafeBitCast(mallopt, to: (@convention(c) (Int32, Int32) -> Int32).self)(-3, 128 << 10)
        }
        #endif
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }

    static func exit(withError error: Error) -> Never {
        let code = exitCode(for: error)
        if code == .validationFailure {
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(ExitStatus.usage)
        }
        Huiwen.exit(withError: error as Error?)
    }
}

enum ExitStatus {
    static let documentErrors: Int32 = 1
    static let usage: Int32 = 2
}

/// Prints diagnostics to standard error in the form the environment wants: each with its
/// source line and a caret (in a CI log too), in colour on a terminal (unless `NO_COLOR` is
/// set or `TERM=dumb`), GitHub annotations under GitHub Actions.
struct DiagnosticPrinter {
    var format: DiagnosticFormat

    init(format: DiagnosticFormat? = nil) {
        if let format {
            self.format = format
        } else {
            self.format = ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true" ? .github : .text
        }
    }

    func print(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let environment = ProcessInfo.processInfo.environment
        let colors = isatty(STDERR_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        let formatter = DiagnosticFormatter(format: format, colors: colors)
        FileHandle.standardError.write(Data((formatter.format(diagnostics) + "\n").utf8))
    }
}
