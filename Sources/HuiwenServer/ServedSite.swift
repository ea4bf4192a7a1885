import HuiwenBuild
import HuiwenDiagnostics
import NIOCore

/// One state of the site as the server sends it: every page with the reload script already in
/// it, the index, or, when the build failed, the page of errors. Immutable; a rebuild makes a
/// new one.
struct ServedSite: Sendable {
    /// A response body ready to send, and the version of its content.
    struct Document: Sendable {
        let body: ByteBuffer
        let token: String
    }

    let pages: [String: Document]
    /// Each document as built, for its Word file, written when it is asked for.
    let builtPages: [String: RenderedPage]
    let index: Document
    /// The errors page without a script (the script names the page it is shown for), and its
    /// version; nil when the build succeeded.
    let failure: (html: String, token: String)?
    /// Counts rebuilds, for logs and tests.
    let generation: Int

    /// `indexHTML`: the build's own index page when there is one; else the server makes one.
    init(report: BuildReport, indexHTML: String?, projectName: String, generation: Int) {
        self.generation = generation
        var pages: [String: Document] = [:]
        for page in report.pages {
            let token = ContentToken.of(page.html)
            pages[page.name] = Document(body: ByteBuffer(string: ReloadScript.inject(into: page.html, key: page.name, token: token)), token: token)
        }
        self.pages = pages
        builtPages = Dictionary(report.pages.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let indexHTML = indexHTML ?? PreviewPages.index(of: report.pages, projectName: projectName)
        let indexToken = ContentToken.of(indexHTML)
        index = Document(body: ByteBuffer(string: ReloadScript.inject(into: indexHTML, key: Route.indexKey, token: indexToken)), token: indexToken)
        if report.succeeded {
            failure = nil
        } else {
            let html = PreviewPages.failure(report.diagnostics)
            failure = (html, ContentToken.of(html))
        }
    }

    /// The version a page open under `key` should have now; nil when there is no such page.
    func token(forKey key: String) -> String? {
        if let failure { return failure.token }
        return key == Route.indexKey ? index.token : pages[key]?.token
    }

    /// The errors page for a page open under `key`.
    func failureDocument(forKey key: String) -> Document? {
        guard let failure else { return nil }
        return Document(body: ByteBuffer(string: ReloadScript.inject(into: failure.html, key: key, token: failure.token)), token: failure.token)
    }
}
