import HuiwenTemplate

extension Document {
    /// The model of a merged document under `layout`: its elements from the front matter, its
    /// body and the bodies of its attachments (in front matter order) as the Markdown stage
    /// rendered them.
    ///
    /// `date` is the 成文日期 of a notice (and of plain or a project's own layouts) and the
    /// speech's date in an outline.
    public init(frontMatter: FrontMatter, layout: PageLayout, body: Body, attachments: [Body]) {
        let kind = layout.kind
        self.init(
            layout: layout.name,
            kind: kind,
            numbering: layout.numbering(for: frontMatter),
            masthead: Masthead(
                copyNumber: frontMatter.copyNumber, secrecy: frontMatter.secrecy, urgency: frontMatter.urgency,
                issuer: frontMatter.issuer, docNumber: frontMatter.docNumber),
            title: frontMatter.title,
            recipients: frontMatter.recipients,
            body: body,
            attachments: zip(frontMatter.attachments, attachments).enumerated().map { index, pair in
                Attachment(number: index + 1, title: pair.0.title, body: pair.1)
            },
            closing: Closing(
                signature: frontMatter.signature, date: kind == .outline ? nil : frontMatter.date, note: frontMatter.note),
            imprint: Imprint(cc: frontMatter.cc, printedBy: frontMatter.printedBy, printedDate: frontMatter.printedDate),
            byline: Byline(
                subtitle: frontMatter.subtitle, speaker: frontMatter.speaker, date: kind == .outline ? frontMatter.date : nil,
                salutation: frontMatter.salutation),
            extra: frontMatter.extra)
    }
}
