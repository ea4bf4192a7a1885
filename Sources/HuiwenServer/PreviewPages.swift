import HuiwenBuild
import HuiwenDiagnostics

/// The server's own pages: the list of documents, and the page that shows a failed build.
/// Every value from the project is HTML-escaped.
enum PreviewPages {
    private static let style = """
        <style>
          body { font-family: "Noto Sans CJK SC", "Noto Sans SC", sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #222; }
          h1 { font-size: 1.4em; }
          table { border-collapse: collapse; width: 100%; }
          th, td { text-align: left; padding: .4em .6em; border-bottom: 1px solid #ddd; }
          .diagnostic { margin: 1em 0; }
          .diagnostic pre { background: #f6f6f6; padding: .6em; overflow-x: auto; margin: .3em 0 0; }
          .position { font-family: monospace; }
          .error { color: #b00; font-weight: bold; }
          .warning { color: #a60; font-weight: bold; }
        </style>
        """

    /// The list of documents with title, layout and link, in build order.
    static func index(of pages: [RenderedPage], projectName: String) -> String {
        var rows = ""
        for page in pages {
            rows += """
                <tr><td><a href="\(HTMLText.escape(Route.path(ofPage: page.name)))">\(HTMLText.escape(page.title))</a></td>\
                <td>\(HTMLText.escape(page.layout))</td><td>\(HTMLText.escape(page.name)).html</td></tr>

                """
        }
        if pages.isEmpty { rows = "<tr><td colspan=\"3\">（没有文档 / no documents）</td></tr>\n" }
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>\(HTMLText.escape(projectName)) — huiwen serve</title>
            \(style)
            </head>
            <body>
            <h1>\(HTMLText.escape(projectName))：文档列表</h1>
            <table>
            <thead><tr><th>标题 title</th><th>版式 layout</th><th>文件 file</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            </body>
            </html>

            """
    }

    /// Every diagnostic as `path:line:col: error: message`, with its source line and a caret.
    static func failure(_ diagnostics: [Diagnostic]) -> String {
        var items = ""
        for diagnostic in diagnostics {
            var position = ""
            if let location = diagnostic.location {
                position = location.line == 0 ? location.path : "\(location)"
            }
            items += "<div class=\"diagnostic\"><span class=\"position\">\(HTMLText.escape(position))</span>"
            items += position.isEmpty ? "" : ": "
            items += "<span class=\"\(diagnostic.severity.rawValue)\">\(diagnostic.severity.rawValue):</span> "
            items += HTMLText.escape(diagnostic.message)
            if let line = diagnostic.sourceLine, let location = diagnostic.location, location.line > 0 {
                let caret = caretLine(under: line, column: location.column)
                items += "\n<pre>\(HTMLText.escape(line))\n\(HTMLText.escape(caret))</pre>"
            }
            items += "</div>\n"
        }
        let count = diagnostics.filter { $0.severity == .error }.count
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>build failed — huiwen serve</title>
            \(style)
            </head>
            <body>
            <h1>构建失败 build failed: \(count) error\(count == 1 ? "" : "s")</h1>
            <p>The page comes back by itself once the files are fixed.</p>
            \(items)</body>
            </html>

            """
    }

    /// Spaces up to `column` (1-based, in Unicode scalars as positions count), keeping tabs and
    /// using an ideographic space under wide characters so the caret lines up.
    static func caretLine(under line: String, column: Int) -> String {
        var prefix = ""
        for (offset, scalar) in line.unicodeScalars.enumerated() where offset < column - 1 {
            prefix += scalar == "\t" ? "\t" : (isWide(scalar) ? "\u{3000}" : " ")
        }
        return prefix + "^"
    }

    /// Rough East Asian Wide check.
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
