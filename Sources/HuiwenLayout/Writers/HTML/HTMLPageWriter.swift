import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenTemplate
import HuiwenText
import OrderedCollections

/// The HTML writer of the document model: the self-contained page, rendered by the
/// document's layout (a built-in one or the project's own) from the context documented on
/// ``BuiltinLayouts``.
public enum HTMLPageWriter {
    /// The page of `document` under `layout`; a project's layout may fail at a tag. Control
    /// characters go as `ControlCharacters` says, wherever they came from (a value, the
    /// template's own text, a layout): HTML forbids them.
    public static func page(for document: Document, layout: PageLayout, helpers: HelperTable = [:]) throws(DiagnosticError) -> String {
        let page = try layout.template.render(context(of: document), options: RenderOptions(escaper: HTMLEscaper(), helpers: helpers)).text
        return ControlCharacters.cleaned(page)
    }

    /// The layout context: `page` holds only the elements the document has (an absent element
    /// leaves no trace: Mustache would treat "" as true), `body` and each attachment's `body`
    /// the cmark-gfm HTML.
    static func context(of document: Document) -> Value {
        var page: OrderedDictionary<String, Value> = [:]
        func add(_ key: String, _ text: String?) {
            if let text, !text.isEmpty { page[key] = .string(text) }
        }
        add("layout", document.layout)
        add("title", document.title)
        if document.title != nil {
            // The title's lines (梯形 or 菱形, as written or broken by `TitleLines`), for `<br>`s.
            page["titleLines"] = .list(document.titleLines(capacity: Document.titleCapacity).map { .string($0) })
        }
        add("copyNumber", document.masthead.copyNumber)
        add("secrecy", document.masthead.secrecy)
        add("urgency", document.masthead.urgency)
        add("issuer", document.masthead.issuer)
        add("docNumber", document.masthead.docNumber)
        add("recipients", document.recipients)
        add("signature", document.closing.signature)
        add("date", document.closing.date ?? document.byline.date)
        add("note", document.closing.note)
        add("cc", document.imprint.cc)
        add("printedBy", document.imprint.printedBy)
        add("printedDate", document.imprint.printedDate)
        add("speaker", document.byline.speaker)
        add("subtitle", document.byline.subtitle)
        add("salutation", document.byline.salutation)
        if let extra = document.extra { page["extra"] = extra }

        let attachments: [Value] = document.attachments.map { attachment in
            .map([
                "number": .number(Decimal(attachment.number)),
                "title": .string(attachment.title),
                "titleLines": .list(TitleLines.lines(of: attachment.title, capacity: Document.titleCapacity).map { .string($0) }),
                // Always present: Mustache would otherwise find the document's own body.
                "body": .string(attachment.body.rendered.html),
            ])
        }
        return .map([
            "page": .map(page),
            "body": .string(document.body.rendered.html),
            "attachments": .list(attachments),
            "hasAttachments": .bool(!attachments.isEmpty),
            "hasManyAttachments": .bool(attachments.count > 1),
            "generator": .string("huiwen"),
        ])
    }
}
