/// The `notice` layout: a GB/T 9704-2012 official document (通知) with 版头, 主体 and 版记.
///
/// Every optional element sits in a Mustache section over its own field, so an absent field
/// leaves nothing behind. The context is documented on ``BuiltinLayouts``.
enum NoticeLayout {
    /// 份号, 密级, 紧急程度: top left of the 版心, one per line, in that order.
    static let marks = """
        <div class="marks">
        {{#page.copyNumber}}<p class="copy-number">{{page.copyNumber}}</p>{{/page.copyNumber}}
        {{#page.secrecy}}<p class="secrecy">{{page.secrecy}}</p>{{/page.secrecy}}
        {{#page.urgency}}<p class="urgency">{{page.urgency}}</p>{{/page.urgency}}
        </div>
        """

    /// The marks block only when at least one of the three is given.
    static let optionalMarks = """
        {{#page.copyNumber}}\(marks){{/page.copyNumber}}\
        {{^page.copyNumber}}{{#page.secrecy}}\(marks){{/page.secrecy}}\
        {{^page.secrecy}}{{#page.urgency}}\(marks){{/page.urgency}}{{/page.secrecy}}{{/page.copyNumber}}
        """

    /// 版头: the marks, the red 发文机关标志, the 发文字号 and the red separator line.
    static let masthead = """
        {{#page.issuer}}
        <header class="masthead">
        \(optionalMarks)
        <div class="issuer"><span>{{page.issuer}}</span></div>
        {{#page.docNumber}}<p class="doc-number">{{page.docNumber}}</p>{{/page.docNumber}}
        <hr class="red-rule">
        </header>
        {{/page.issuer}}
        {{^page.issuer}}
        \(optionalMarks)
        {{#page.docNumber}}<p class="doc-number">{{page.docNumber}}</p>{{/page.docNumber}}
        {{/page.issuer}}
        """

    /// 附件说明: `附件：×××` for one attachment, `附件：1.×××` numbered for several.
    static let annexNote = """
        {{#hasAttachments}}
        <div class="annex-note"><span class="annex-label">附件：</span><ol class="annex-list">
        {{#attachments}}<li>{{#hasManyAttachments}}<span class="annex-number">{{number}}.</span>{{/hasManyAttachments}}<span class="annex-name">{{title}}</span></li>
        {{/attachments}}
        </ol></div>
        {{/hasAttachments}}
        """

    /// 署名 and 成文日期 (no seal), then 附注 in parentheses.
    static let signature = """
        {{#page.signature}}
        <div class="signature"><p class="signer">{{page.signature}}</p>{{#page.date}}<p class="date">{{page.date}}</p>{{/page.date}}</div>
        {{/page.signature}}
        {{^page.signature}}{{#page.date}}
        <div class="signature"><p class="date">{{page.date}}</p></div>
        {{/page.date}}{{/page.signature}}
        {{#page.note}}<p class="note">（{{page.note}}）</p>{{/page.note}}
        """

    /// Each attachment on a new page: `附件N` (黑体) on line 1, its title centred on line 3.
    static let attachmentPages = """
        {{#attachments}}
        <section class="attachment">
        <p class="attachment-label">附件{{#hasManyAttachments}}{{number}}{{/hasManyAttachments}}</p>
        <h1 class="attachment-title">{{#titleLines}}{{.}}{{^@last}}<br>{{/@last}}{{/titleLines}}</h1>
        <div class="text attachment-body">
        {{{body}}}
        </div>
        </section>
        {{/attachments}}
        """

    static let ccLine = """
        {{#page.cc}}<p class="cc">抄送：{{page.cc}}</p>{{/page.cc}}
        """
    static let printedDate = """
        {{#page.printedDate}}<span class="printed-date">{{page.printedDate}}印发</span>{{/page.printedDate}}
        """

    static func colophon(_ content: String) -> String {
        """
        <footer class="colophon"><div class="colophon-rules">
        \(content)
        </div></footer>
        """
    }

    /// 版记: 抄送, then 印发机关 and 印发日期; present when any of the three is given.
    static let colophonBlock = """
        {{#page.printedBy}}
        \(colophon("\(ccLine)\n<p class=\"imprint\"><span class=\"printed-by\">{{page.printedBy}}</span>\(printedDate)</p>"))
        {{/page.printedBy}}
        {{^page.printedBy}}{{#page.cc}}
        \(colophon("\(ccLine)\n{{#page.printedDate}}<p class=\"imprint\">\(printedDate)</p>{{/page.printedDate}}"))
        {{/page.cc}}{{^page.cc}}{{#page.printedDate}}
        \(colophon("<p class=\"imprint\">\(printedDate)</p>"))
        {{/page.printedDate}}{{/page.cc}}{{/page.printedBy}}
        """

    static let template = """
        \(LayoutShell.head(css: LayoutStyles.official + "\n" + LayoutStyles.notice, bodyClass: "notice"))
        \(masthead)
        {{#page.title}}<h1 class="title">{{#page.titleLines}}{{.}}{{^@last}}<br>{{/@last}}{{/page.titleLines}}</h1>{{/page.title}}
        {{#page.recipients}}<p class="recipients">{{page.recipients}}</p>{{/page.recipients}}
        <main class="text">
        {{{body}}}
        </main>
        \(annexNote)
        \(signature)
        \(attachmentPages)
        \(colophonBlock)
        <script>
        \(HangingScript.source)
        </script>
        <script>
        \(NoticeScript.source)
        </script>
        </body>
        </html>

        """
}
