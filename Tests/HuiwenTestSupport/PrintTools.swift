import Foundation
import Testing

/// The programs the print tests drive, all from Debian (`make test` installs them): LibreOffice
/// (`libreoffice-writer-nogui`) prints `.docx` files, pdfminer (`python3-pdfminer`, under
/// Debian's own /usr/bin/python3) measures the PDFs, poppler's `pdfinfo` (`poppler-utils`)
/// reads their pages and metadata, the CJK fonts (`fonts-noto-cjk`,
/// `fonts-arphic-ukai`) stand in for the standard's fonts through
/// `scripts/fontconfig/gbt9704-fonts.conf`.
public enum PrintTools {
    /// The repository (the package root): three levels above this file.
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Debian's python, which sees Debian's python3-pdfminer (a python of its own on PATH may not).
    static let python = URL(fileURLWithPath: "/usr/bin/python3")

    /// The fontconfig file that maps 仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体 and 宋体 to free faces.
    public static let fontConfig = repository.appendingPathComponent("scripts/fontconfig/gbt9704-fonts.conf")

    /// LibreOffice's command, when installed.
    public static var soffice: URL? { ToolRunner.find("soffice", "libreoffice") }

    /// What prints a document: LibreOffice (a `.docx`) or Chromium (the HTML page, as
    /// `huiwen build --to pdf` does).
    public enum Printer: String, Sendable {
        case libreOffice = "soffice (libreoffice-writer-nogui)"
        case chromium = "chromium"
    }

    /// Chromium's command, when installed.
    public static var chromium: URL? { ToolRunner.find("chromium", "chromium-browser", "google-chrome") }

    /// Whether everything a print test needs is here. When something is missing, a test run
    /// with `CI=true` fails (CI installs it all through `make test`), any other run prints
    /// why the test is skipped.
    public static func available(
        for test: String, printer: Printer = .libreOffice,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Bool {
        var missing: [String] = []
        switch printer {
        case .libreOffice: if soffice == nil { missing.append(printer.rawValue) }
        case .chromium: if chromium == nil { missing.append(printer.rawValue) }
        }
        let probe = try? ToolRunner.run(python, ["-c", "import pdfminer"], timeout: 60)
        if probe?.status != 0 { missing.append("pdfminer (python3-pdfminer)") }
        if ToolRunner.find("pdfinfo") == nil { missing.append("pdfinfo (poppler-utils)") }
        let fonts = try? ToolRunner.run(URL(fileURLWithPath: "/usr/bin/fc-list"), [":lang=zh", "family"], timeout: 60)
        let families = String(decoding: fonts?.standardOutput ?? Data(), as: UTF8.self)
        if !families.contains("Noto Serif CJK SC") { missing.append("fonts-noto-cjk") }
        if !families.contains("AR PL UKai CN") { missing.append("fonts-arphic-ukai") }
        guard !missing.isEmpty else { return true }
        let reason = "\(test): needs \(missing.joined(separator: ", ")); run make test, which installs them"
        if environment["CI"] == "true" {
            Issue.record(Comment(rawValue: reason), sourceLocation: sourceLocation)
        } else {
            print("\(reason) (skipped)")
        }
        return false
    }

    /// Prints `files` to PDF with LibreOffice in one run (a private profile, the font map),
    /// into `folder`; the PDFs, in the order of `files`.
    public static func printWithLibreOffice(_ files: [URL], into folder: URL) throws -> [URL] {
        try convertWithLibreOffice(files, to: "pdf", into: folder)
    }

    /// Converts `files` with LibreOffice to `format` (`pdf`, `docx`, …) into `folder` (which
    /// must not hold the inputs): the results, in the order of `files`.
    public static func convertWithLibreOffice(_ files: [URL], to format: String, into folder: URL) throws -> [URL] {
        guard let soffice else { throw ToolRunner.Failure(description: "soffice is not installed") }
        let profile = folder.appendingPathComponent("lo-profile")
        let result = try ToolRunner.run(
            soffice,
            ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore", "--nolockcheck",
             "--convert-to", format, "--outdir", folder.path] + files.map(\.path),
            environment: ["FONTCONFIG_FILE": fontConfig.path, "HOME": folder.path],
            timeout: 300)
        let outputs = files.map { folder.appendingPathComponent($0.deletingPathExtension().lastPathComponent + "." + format) }
        guard result.status == 0, outputs.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) }) else {
            throw ToolRunner.Failure(description: "LibreOffice did not convert to \(format) (status \(result.status)): \(result.standardError)")
        }
        return outputs
    }
}
