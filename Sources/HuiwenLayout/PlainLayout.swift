/// The `plain` layout: a clean reading page around a rendered Markdown body.
///
/// The page is self-contained (CSS inlined, no external request, no script) so it can be
/// opened from disk, mailed or archived as it is.
public struct PlainLayout: Sendable {
    public init() {}

    /// A complete HTML page. `title` is plain text; `body` is the HTML fragment from the
    /// Markdown stage.
    public func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="huiwen">
        <title>\(escapeHTML(title))</title>
        <style>
        \(Self.css)
        </style>
        </head>
        <body>
        <main class="page">
        \(body)</main>
        </body>
        </html>

        """
    }

    static let css = """
        :root { color-scheme: light; }
        html { background: #f4f4f2; }
        body { margin: 0; color: #1a1a1a;
          font-family: "FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "FandolFang", "Noto Serif CJK SC", "Source Han Serif SC", serif;
          font-size: 16pt; line-height: 1.8; }
        .page { max-width: 156mm; margin: 2rem auto; padding: 28mm; background: #fff;
          box-shadow: 0 1px 4px rgba(0,0,0,.15); }
        h1 { font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "Noto Serif CJK SC", serif;
          font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.5; margin: 0 0 1em; }
        h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 0; }
        h3 { font-family: "KaiTi_GB2312", "楷体_GB2312", "KaiTi", "AR PL UKai CN", serif; font-size: 16pt; font-weight: normal; margin: 0; }
        h4, h5, h6 { font-size: 16pt; font-weight: normal; margin: 0; }
        p { margin: 0; text-indent: 2em; text-align: justify; }
        table { border-collapse: collapse; margin: .5em 0; width: 100%; font-size: 12pt; line-height: 1.5; }
        th, td { border: 1px solid #555; padding: .2em .4em; }
        th { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-weight: normal; }
        li p { text-indent: 0; }
        code { font-size: .85em; }
        @media print {
          html { background: none; }
          .page { margin: 0; padding: 0; box-shadow: none; max-width: none; }
          @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
        }
        """
}

/// Escapes text for HTML content and attribute values.
public func escapeHTML(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result
}
