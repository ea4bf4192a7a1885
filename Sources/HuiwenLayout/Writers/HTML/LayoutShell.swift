/// The start of every built-in page, up to and including `<body>`: the same head for each
/// layout, with its own title and styles.
enum LayoutShell {
    /// `title` is a Mustache fragment (escaped by the engine); `css` is inlined as it is.
    static func head(title: String = "{{#page.title}}{{page.title}}{{/page.title}}", css: String, bodyClass: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        {{#generator}}<meta name="generator" content="{{generator}}">{{/generator}}
        <title>\(title)</title>
        <style>
        \(css)
        </style>
        </head>
        <body class="\(bodyClass)">
        """
    }
}
