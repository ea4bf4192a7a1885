/// The built-in `index` layout: `output/index.html`, every document of the build with its
/// title, kind and link. A project may override it with `templates/layouts/index.html`.
///
/// Context: `documents`, a list of `{file, name, title, recipients, layout, kind, word}` sorted by `file`
/// (`word`: the document's `.docx`, when it has one)
/// (`kind` is the layout's Chinese name: 通知, 讲话提纲, 文稿); `count`; `generator`.
enum IndexLayout {
    static let template = """
        \(LayoutShell.head(title: "文稿目录", css: LayoutStyles.plain + "\n" + indexStyles, bodyClass: "plain"))
        <main class="page">
        <h1 class="title">文稿目录</h1>
        <p class="summary">共{{count}}份文稿。</p>
        <table class="index">
        <thead><tr><th>文稿</th><th>类别</th><th>文件</th></tr></thead>
        <tbody>
        {{#documents}}
        <tr><td><a href="{{file}}">{{title}}</a>{{#recipients}}<br><span class="recipients">{{recipients}}</span>{{/recipients}}</td><td class="kind">{{kind}}</td><td><code>{{file}}</code>{{#word}}<br><a href="{{word}}"><code>{{word}}</code></a>{{/word}}</td></tr>
        {{/documents}}
        </tbody>
        </table>
        </main>
        </body>
        </html>

        """

    static let indexStyles = """
        .index { border-collapse: collapse; width: 100%; }
        .index th, .index td { text-align: left; padding: .35em .6em; border-bottom: 1px solid #ccc; text-indent: 0; }
        .index td.kind { white-space: nowrap; color: #555; }
        .index .recipients { font-size: .8em; color: #555; }
        .index a { color: #1a4f9c; text-decoration: none; }
        .index a:hover { text-decoration: underline; }
        """
}
