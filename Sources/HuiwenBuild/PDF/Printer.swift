import Foundation
import HuiwenDiagnostics

/// The build's PDF printer: one headless browser for the whole build, started the first time
/// a document asks for a PDF. Without a browser every such document gets the same clear error,
/// and its other formats are still written.
final class Printer: @unchecked Sendable {
    /// The browser named on the command line (`--browser`) or by `HUIWEN_BROWSER`, else the
    /// first of the usual names on `PATH`.
    let browser: URL?
    /// How many pages print side by side (`--jobs`).
    let jobs: Int
    private var state: State = .idle
    private let lock = NSLock()

    private enum State {
        case idle
        case running(PDFPrinter)
        case unavailable(Diagnostic)
    }

    init(browser: URL?, jobs: Int) {
        self.browser = browser
        self.jobs = max(1, jobs)
    }

    /// The usual names of Chromium on `PATH`.
    static let browserNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// `named` (a path or a command), else `HUIWEN_BROWSER`, else the first usual name on `PATH`.
    static func findBrowser(named: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let wanted = named ?? environment["HUIWEN_BROWSER"].flatMap { $0.isEmpty ? nil : $0 }
        let candidates = wanted.map { [$0] } ?? browserNames
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in candidates {
            if name.contains("/") {
                if FileManager.default.isExecutableFile(atPath: name) { return URL(fileURLWithPath: name) }
                continue
            }
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return URL(fileURLWithPath: folder + "/" + name)
            }
        }
        return nil
    }

    /// Starts printing `html`; throws the reason when no browser can print.
    func submit(html: String) throws(Diagnostic) -> PDFPrinter.Job {
        try lock.withLock { started() }.get().submit(html: html)
    }

    /// The running printer, started on first use.
    private func started() -> Result<PDFPrinter, Diagnostic> {
        switch state {
        case .running(let printer):
            return .success(printer)
        case .unavailable(let problem):
            return .failure(problem)
        case .idle:
            guard let browser else {
                let problem = Diagnostic(path: "output", Self.missingBrowser)
                state = .unavailable(problem)
                return .failure(problem)
            }
            do {
                let printer = try PDFPrinter(browser: browser, tabs: jobs)
                state = .running(printer)
                return .success(printer)
            } catch {
                let problem = Diagnostic(path: browser.path, "cannot start the browser to print PDFs (\(error))")
                state = .unavailable(problem)
                return .failure(problem)
            }
        }
    }

    static let missingBrowser = "no browser to print PDFs: install Chromium (Debian and Ubuntu: apt-get install chromium) or name one with --browser PATH or HUIWEN_BROWSER; the other formats are written"
}
