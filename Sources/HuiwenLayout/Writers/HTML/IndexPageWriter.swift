import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenTemplate

/// The build's index page (`output/index.html`): every document with its title, kind and
/// link, rendered by the `index` layout (see ``IndexLayout`` for its context).
public enum IndexPageWriter {
    /// One document of the index.
    public struct Entry: Sendable, Hashable {
        /// The page's file name (`notice.html`).
        public var file: String
        public var title: String
        /// 主送机关, may be empty.
        public var recipients: String
        /// The layout's name.
        public var layout: String

        public init(file: String, title: String, recipients: String, layout: String) {
            self.file = file
            self.title = title
            self.recipients = recipients
            self.layout = layout
        }
    }

    /// The index of `entries` (sorted by file name here) under `layout`.
    public static func page(_ entries: [Entry], layout: Template) throws(DiagnosticError) -> String {
        let documents: [Value] = entries.sorted { $0.file < $1.file }.map { entry in
            .map([
                "file": .string(entry.file),
                "name": .string(entry.file.hasSuffix(".html") ? String(entry.file.dropLast(5)) : entry.file),
                "title": .string(entry.title),
                "recipients": .string(entry.recipients),
                "layout": .string(entry.layout),
                "kind": .string(Document.Kind(layout: entry.layout).chineseName ?? entry.layout),
            ])
        }
        let context = Value.map([
            "documents": .list(documents),
            "count": .number(Decimal(documents.count)),
            "generator": .string("huiwen"),
        ])
        return try layout.render(context, options: RenderOptions(escaper: HTMLEscaper())).text
    }
}
