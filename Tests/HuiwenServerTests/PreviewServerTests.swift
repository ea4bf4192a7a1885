import Foundation
import HuiwenBuild
import Testing

@testable import HuiwenServer

@Suite(.serialized)
struct PreviewServerTests {
    @Test func servesPagesAndIndexWithReloadScript() async throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let server = try await RunningServer.start(root: project.root)
        defer { server.task.cancel() }

        let page = try await server.client.send("GET", "/report.html")
        #expect(page.status == 200)
        #expect(page.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(page.body.contains("全省发生事故12起"))
        #expect(page.body.contains("huiwen serve: live reload"))
        #expect(page.body.contains("/_huiwen/events"))

        for target in ["/", "/index.html"] {
            let index = try await server.client.send("GET", target)
            #expect(index.status == 200)
            #expect(index.body.contains("report.html\""))
            #expect(index.body.contains("meeting.html\""))
            #expect(index.body.contains("事故情况"))
            #expect(index.body.contains("huiwen serve: live reload"))
        }

        let head = try await server.client.send("HEAD", "/report.html")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["content-length"] == page.headers["content-length"])
        try await server.stop()
    }

    @Test func everyDocumentsWordFileIsOfferedFromTheIndex() async throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let server = try await RunningServer.start(root: project.root)
        defer { server.task.cancel() }

        let index = try await server.client.send("GET", "/")
        #expect(index.body.contains(#"<a href="report.docx"><code>report.docx</code></a>"#))
        let word = try await server.client.send("GET", "/report.docx")
        #expect(word.status == 200)
        #expect(word.headers["content-type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        #expect(word.headers["content-disposition"]?.hasPrefix("attachment;") == true)
        #expect(word.body.hasPrefix("PK"))
        let missing = try await server.client.send("GET", "/nothing.docx")
        #expect(missing.status == 404)
        // Nothing is written into the project.
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("output").path))
        try await server.stop()
    }

    @Test func editedDataFileSendsReloadAndServesNewFigure() async throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let server = try await RunningServer.start(root: project.root)
        defer { server.task.cancel() }

        let port = server.port
        // Subscribe first, then edit: the event must arrive on the open stream.
        let events = try await RawHTTPClient.offThread { () -> Connection in
            let connection = try Connection(port: port)
            try connection.write("GET /_huiwen/events?page=report HTTP/1.1\r\nHost: localhost:\(port)\r\n\r\n")
            let head = try connection.read(timeout: 10) { String(decoding: $0, as: UTF8.self).contains(": huiwen serve") }
            #expect(String(decoding: head, as: UTF8.self).contains("text/event-stream"))
            return connection
        }
        defer { events.close() }
        // The other document does not read `stats`: its stream must stay quiet.
        let quiet = try await RawHTTPClient.offThread { () -> Connection in
            let connection = try Connection(port: port)
            try connection.write("GET /_huiwen/events?page=meeting HTTP/1.1\r\nHost: localhost:\(port)\r\n\r\n")
            _ = try connection.read(timeout: 10) { String(decoding: $0, as: UTF8.self).contains(": huiwen serve") }
            return connection
        }
        defer { quiet.close() }

        try project.write("data/stats.yaml", "accidents: 27\nnote: \"<b>x</b>\"\n")
        let received = try await RawHTTPClient.offThread {
            try events.read(timeout: 10) { String(decoding: $0, as: UTF8.self).contains("event: reload") }
        }
        #expect(String(decoding: received, as: UTF8.self).contains("event: reload"))

        let page = try await server.client.send("GET", "/report.html")
        #expect(page.body.contains("全省发生事故27起"))
        let meetingStream = try await RawHTTPClient.offThread {
            (try? quiet.read(timeout: 0.5) { String(decoding: $0, as: UTF8.self).contains("event: reload") }) ?? Data()
        }
        #expect(!String(decoding: meetingStream, as: UTF8.self).contains("event: reload"))
        try await server.stop()
    }

    @Test func brokenTemplateShowsErrorPageThenRecovers() async throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let server = try await RunningServer.start(root: project.root)
        defer { server.task.cancel() }

        try project.write("templates/report.md", TemporaryProject.report.replacingOccurrences(of: "{{stats.accidents}}", with: "{{stats.acidents}} <&>"))
        let failed = try await server.poll("/report.html") { $0.status == 500 }
        #expect(failed.body.contains("templates/report.md:5:7"))
        #expect(failed.body.contains("did you mean"))
        // The source line, escaped, with the failing tag marked.
        #expect(failed.body.contains("全省发生事故<mark>{{stats.acidents}}</mark> &lt;&amp;&gt;起。"))
        #expect(!failed.body.contains("<&>"))
        #expect(failed.body.contains("huiwen serve: live reload"))
        // Every page and the index show it.
        #expect(try await server.client.send("GET", "/meeting.html").status == 500)
        #expect(try await server.client.send("GET", "/").body.contains("templates/report.md:5:7"))

        try project.write("templates/report.md", TemporaryProject.report)
        let recovered = try await server.poll("/report.html") { $0.status == 200 }
        #expect(recovered.body.contains("全省发生事故12起"))
        try await server.stop()
    }

    @Test func brokenDataAndDeletedFoldersNeverStopTheServer() async throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let server = try await RunningServer.start(root: project.root)
        defer { server.task.cancel() }

        try project.write("data/stats.yaml", "accidents: [12\n")
        let failed = try await server.poll("/report.html") { $0.status == 500 }
        #expect(failed.body.contains("data/stats.yaml:"))

        try FileManager.default.removeItem(at: project.root.appendingPathComponent("templates"))
        _ = try await server.poll("/") { $0.status == 500 && $0.body.contains("templates") }

        try project.write("templates/report.md", TemporaryProject.report)
        try project.write("templates/partials/closing.md", "此致。\n")
        try project.write("data/stats.yaml", "accidents: 5\n")
        let recovered = try await server.poll("/report.html") { $0.status == 200 }
        #expect(recovered.body.contains("全省发生事故5起"))
        #expect(try await server.client.send("GET", "/meeting.html").status == 404)
        try await server.stop()
    }

    @Test func traversalOtherMethodsAndForeignHostsAreRefused() async throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let server = try await RunningServer.start(root: project.root)
        defer { server.task.cancel() }

        for target in ["/../data/stats.yaml", "/%2e%2e/data/stats.yaml", "/..%2fdata%2fstats.yaml", "/%2E%2E%2Fetc%2Fpasswd",
                       "/templates/report.md", "/report.html/..", "/a\\..\\b.html", "/data/stats.yaml", "/report.md",
                       "//report.html", "/%00.html", "/x%zz.html", "/_huiwen/events/../report.html"] {
            let response = try await server.client.send("GET", target)
            #expect(response.status == 400 || response.status == 404, "\(target) gave \(response.status)")
            #expect(!response.body.contains("accidents"), "\(target) leaked a file")
        }
        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
            let response = try await server.client.send(method, "/report.html")
            #expect(response.status == 405, "\(method) gave \(response.status)")
            #expect(response.headers["allow"] == "GET, HEAD")
        }
        for host in ["evil.example", "evil.example:\(server.port)", "127.0.0.1:1", "localhost"] {
            let response = try await server.client.send("GET", "/report.html", host: host)
            #expect(response.status == 403, "Host \(host) gave \(response.status)")
        }
        for host in ["localhost:\(server.port)", "[::1]:\(server.port)", "LOCALHOST:\(server.port)"] {
            #expect(try await server.client.send("GET", "/", host: host).status == 200)
        }
        try await server.stop()
    }

    @Test func reloadScriptStaysOutOfOutputFiles() async throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let report = Builder(project: Project(root: project.root)).build()
        #expect(report.succeeded)
        for page in report.pages {
            #expect(!page.html.contains("live reload"))
            let written = try String(contentsOf: project.root.appendingPathComponent("output/\(page.name).html"), encoding: .utf8)
            #expect(!written.contains("live reload"))
            #expect(!written.contains("_huiwen"))
        }
        let server = try await RunningServer.start(root: project.root)
        defer { server.task.cancel() }
        #expect(try await server.client.send("GET", "/report.html").body.contains("live reload"))
        try await server.stop()
    }
}
