import Foundation
import Testing

@Suite struct RenderCommandTests {
    @Test func rendersMarkdownFromStandardInput() throws {
        let result = try CLIRunner.run(["render", "--markdown", "-"], input: Data("# 标题\n\n~~删除~~ www.example.com\n".utf8))
        #expect(result.status == 0)
        #expect(result.standardOutput == "<h1>标题</h1>\n<p><del>删除</del> <a href=\"http://www.example.com\">www.example.com</a></p>\n")
    }

    @Test func writesToOutputFile() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("正文\n".utf8).write(to: folder.appendingPathComponent("in.md"))
        let result = try CLIRunner.run(["render", "--markdown", "in.md", "-o", "out.html"], in: folder)
        #expect(result.status == 0)
        #expect(try String(contentsOf: folder.appendingPathComponent("out.html"), encoding: .utf8) == "<p>正文</p>\n")
    }

    @Test func unsafeHTMLFlagLetsRawHTMLThrough() throws {
        let input = Data("<div>甲</div>\n".utf8)
        let safe = try CLIRunner.run(["render", "--markdown", "-"], input: input)
        let unsafe = try CLIRunner.run(["render", "--markdown", "--unsafe-html", "-"], input: input)
        #expect(safe.standardOutput == "<!-- raw HTML omitted -->\n")
        #expect(unsafe.standardOutput == "<div>甲</div>\n")
    }

    @Test func missingFileIsOneLineAndExitCodeOne() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["render", "--markdown", "nope.md"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError == "nope.md: error: no such file\n")
        #expect(result.standardOutput.isEmpty)
    }

    @Test func directoryIsRefused() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dir.md"), withIntermediateDirectories: true)
        let result = try CLIRunner.run(["render", "--markdown", "dir.md"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError == "dir.md: error: is a directory, not a file\n")
    }

    @Test func unreadableFileIsRefused() throws {
        guard getuid() != 0 else {
            print("skipped unreadableFileIsRefused: running as root, which can read any file")
            return
        }
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("secret.md")
        try Data("x".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: file.path)
        let result = try CLIRunner.run(["render", "--markdown", "secret.md"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("secret.md: error: cannot read file"))
    }

    @Test func invalidUTF8GivesTheByteOffset() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = Data("第一行\n甲乙".utf8)
        bytes.append(0xFF)
        try bytes.write(to: folder.appendingPathComponent("bad.md"))
        let result = try CLIRunner.run(["render", "--markdown", "bad.md"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError == "bad.md:2:3: error: invalid UTF-8 at byte 16\n")
    }

    @Test func usageErrorsExitWithTwo() throws {
        #expect(try CLIRunner.run(["render"]).status == 2)
        #expect(try CLIRunner.run(["render", "--markdown", "--no-such-flag", "x"]).status == 2)
        #expect(try CLIRunner.run(["no-such-command"]).status == 2)
    }

    @Test func helpExitsWithZero() throws {
        let result = try CLIRunner.run(["--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("render"))
    }
}
