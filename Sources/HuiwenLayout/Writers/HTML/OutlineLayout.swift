/// The `outline` layout: a speech outline (讲话提纲) with the body typography of the notice.
///
/// Title in 2号 小标宋, an optional 楷体 subtitle, one centred 楷体 line with the speaker and
/// the date in parentheses (only what is given), an optional flush-left salutation, the body.
/// No 版头 and no 版记; same page, grid and page numbers as `notice`.
enum OutlineLayout {
    /// Speaker and date on one line; either alone; nothing when neither is given.
    static let byline = """
        {{#page.speaker}}<p class="byline">{{page.speaker}}{{#page.date}}　（{{page.date}}）{{/page.date}}</p>{{/page.speaker}}\
        {{^page.speaker}}{{#page.date}}<p class="byline">（{{page.date}}）</p>{{/page.date}}{{/page.speaker}}
        """

    static let template = """
        \(LayoutShell.head(css: LayoutStyles.official + "\n" + LayoutStyles.outline, bodyClass: "outline"))
        {{#page.title}}
        <header class="speech-head">
        <h1 class="title">{{#page.titleLines}}{{.}}{{^@last}}<br>{{/@last}}{{/page.titleLines}}</h1>
        {{#page.subtitle}}<p class="subtitle">{{page.subtitle}}</p>{{/page.subtitle}}
        \(byline)
        </header>
        {{/page.title}}
        {{#page.salutation}}<p class="salutation">{{page.salutation}}</p>{{/page.salutation}}
        <main class="text">
        {{{body}}}
        </main>
        <script>
        \(HangingScript.source)
        </script>
        </body>
        </html>

        """
}
