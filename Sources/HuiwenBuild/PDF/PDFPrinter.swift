import Foundation

/// Prints HTML pages to PDF in one headless Chromium: `tabs` pages side by side (`--jobs`),
/// each through the DevTools protocol's `Page.printToPDF` with the page's own CSS page size.
/// Jobs are handed in one by one and collected in the same order, so the build stays
/// deterministic while the browser works on several.
///
/// ```swift
/// let printer = try PDFPrinter(browser: URL(fileURLWithPath: "/usr/bin/chromium"), tabs: 2)
/// let job = printer.submit(html: page)
/// let pdf = try job.result()   // the PDF's bytes
/// ```
final class PDFPrinter: @unchecked Sendable {
    /// One page being printed; `result()` waits for it.
    final class Job: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var outcome: Result<[UInt8], DevToolsPipe.Failure>?

        fileprivate func finish(_ result: Result<[UInt8], DevToolsPipe.Failure>) {
            outcome = result
            done.signal()
        }

        /// Whether the page is printed (or failed): `result()` would not wait.
        var isFinished: Bool {
            guard done.wait(timeout: .now()) == .success else { return false }
            done.signal()
            return true
        }

        func result() throws(DevToolsPipe.Failure) -> [UInt8] {
            done.wait()
            done.signal()
            return try outcome!.get()
        }
    }

    private let pipe: DevToolsPipe
    private let queue = DispatchQueue(label: "huiwen.pdf", attributes: .concurrent)
    /// Free tabs (their DevTools sessions); a job takes one and gives it back.
    private var freeTabs: [String]
    private let tabLock = NSLock()
    private let tabAvailable: DispatchSemaphore
    private let scratch: URL

    init(browser: URL, tabs: Int) throws {
        let pipe = try DevToolsPipe(browser: browser)
        self.pipe = pipe
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("huiwen-print-\(UUID().uuidString)")
        var sessions: [String] = []
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            for _ in 0..<max(1, tabs) {
                let target = try pipe.call("Target.createTarget", ["url": "about:blank"])
                guard let targetID = target["targetId"] as? String else { throw DevToolsPipe.Failure(description: "no tab") }
                let attached = try pipe.call("Target.attachToTarget", ["targetId": targetID, "flatten": true])
                guard let session = attached["sessionId"] as? String else { throw DevToolsPipe.Failure(description: "no session") }
                _ = try pipe.call("Page.enable", session: session)
                sessions.append(session)
            }
        } catch {
            pipe.shutDown()
            throw error
        }
        freeTabs = sessions
        tabAvailable = DispatchSemaphore(value: sessions.count)
    }

    /// The browser ends with the printer: no Chromium outlives the build.
    deinit {
        pipe.shutDown()
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Starts printing `html` on the next free tab (waiting for one when all are busy).
    func submit(html: String) -> Job {
        let job = Job()
        tabAvailable.wait()
        let session = tabLock.withLock { freeTabs.removeLast() }
        queue.async { [self] in
            let result = Result { () throws(DevToolsPipe.Failure) -> [UInt8] in try print(html, on: session) }
            tabLock.withLock { freeTabs.append(session) }
            tabAvailable.signal()
            job.finish(result)
        }
        return job
    }

    /// Loads the page from a file (so it reads as from disk: no server, no network), waits for
    /// its fonts (and so for the notice's script, which places the 版记 once they are ready),
    /// and prints it with the page's own `@page` size and margins.
    private func print(_ html: String, on session: String) throws(DevToolsPipe.Failure) -> [UInt8] {
        let file = scratch.appendingPathComponent("\(session).html")
        do {
            try Data(html.utf8).write(to: file)
            try pipe.waitForEvent("Page.loadEventFired", session: session) {
                _ = try pipe.call("Page.navigate", ["url": file.absoluteString], session: session)
            }
            _ = try pipe.call(
                "Runtime.evaluate",
                ["expression": "document.fonts.ready.then(() => true)", "awaitPromise": true], session: session)
            let printed = try pipe.call(
                "Page.printToPDF",
                ["preferCSSPageSize": true, "printBackground": true, "displayHeaderFooter": false,
                 "generateDocumentOutline": false, "generateTaggedPDF": false],
                session: session, timeout: 120)
            guard let base64 = printed["data"] as? String, let data = Data(base64Encoded: base64) else {
                throw DevToolsPipe.Failure(description: "the browser gave no PDF")
            }
            return Array(data)
        } catch let failure as DevToolsPipe.Failure {
            throw failure
        } catch {
            throw DevToolsPipe.Failure(description: "\(error)")
        }
    }
}
