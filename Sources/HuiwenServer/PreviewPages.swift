import HuiwenBuild
import HuiwenDiagnostics
import HuiwenText

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
          .diagnostic pre { background: #f6f6f6; padding: .6em; white-space: pre-wrap; overflow-wrap: anywhere; margin: .3em 0 0; }
          .diagnostic pre mark { background: #ffe08a; color: inherit; border-bottom: 2px solid #b00; }
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
                <tr><td><a href="\(HTMLEscaping.escape(Route.path(ofPage: page.name)))">\(HTMLEscaping.escape(page.title))</a></td>\
                <td>\(HTMLEscaping.escape(page.layout))</td><td>\(HTMLEscaping.escape(page.name)).html \
                <a href="\(HTMLEscaping.escape(Route.path(ofWordFile: page.name)))">\(HTMLEscaping.escape(page.name)).docx</a></td></tr>

                """
        }
        if pages.isEmpty { rows = "<tr><td colspan=\"3\">（没有文档 / no documents）</td></tr>\n" }
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>\(HTMLEscaping.escape(projectName)) — huiwen serve</title>
            \(style)
            </head>
            <body>
            <h1>\(HTMLEscaping.escape(projectName))：文档列表</h1>
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
            items += "<div class=\"diagnostic\"><span class=\"position\">\(HTMLEscaping.escape(position))</span>"
            items += position.isEmpty ? "" : ": "
            items += "<span class=\"\(diagnostic.severity.rawValue)\">\(diagnostic.severity.rawValue):</span> "
            items += HTMLEscaping.escape(diagnostic.message)
            if let line = diagnostic.sourceLine, let location = diagnostic.location, location.line > 0 {
                items += "\n<pre>\(highlighted(line, column: location.column))</pre>"
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

    /// The source line, HTML-escaped, with the place of the problem in a `<mark>`: from the
    /// column through the end of the tag that starts there (`{{…}}`), or one character. A mark
    /// lines up in any font, where a caret under CJK text does not.
    static func highlighted(_ line: String, column: Int) -> String {
        let scalars = Array(line.unicodeScalars)
        let start = min(max(column - 1, 0), scalars.count)
        var end = min(start + 1, scalars.count)
        if scalars[start...].starts(with: "{{".unicodeScalars) {
            var index = start + 2
            while index + 1 < scalars.count, !(scalars[index] == "}" && scalars[index + 1] == "}") { index += 1 }
            end = index + 1 < scalars.count ? index + 2 : scalars.count
            while end < scalars.count, scalars[end] == "}" { end += 1 }
        }
        func text(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return HTMLEscaping.escape(String(view))
        }
        return text(0..<start) + "<mark>" + text(start..<end) + "</mark>" + text(end..<scalars.count)
    }
}
