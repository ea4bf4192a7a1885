/// The `plain` layout: a clean reading page around a rendered Markdown body.
///
/// The page is self-contained (CSS inlined, no external request, no script) so it can be
/// opened from disk, mailed or archived as it is. The title, when given, is the page's `h1`.
enum PlainLayout {
    /// The Mustache source of the built-in `plain` layout (see ``BuiltinLayouts``).
    static let template = """
        \(LayoutShell.head(css: LayoutStyles.plain, bodyClass: "plain"))
        <main class="page">
        {{#page.title}}<h1 class="title">{{page.title}}</h1>{{/page.title}}
        {{{body}}}
        </main>
        </body>
        </html>

        """
}
