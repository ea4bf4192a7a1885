import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenTemplate
import OrderedCollections

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
        /// The document's Word file (`notice.docx`) beside its page, if any.
        public var word: String?

        public init(file: String, title: String, recipients: String, layout: String, word: String? = nil) {
            self.file = file
            self.title = title
            self.recipients = recipients
            self.layout = layout
            self.word = word
        }
    }

    /// The index of `entries` (sorted by file name here) under `layout`.
    public static func page(_ entries: [Entry], layout: Template) throws(DiagnosticError) -> String {
        let documents: [Value] = entries.sorted { $0.file < $1.file }.map { entry in
            var fields: OrderedDictionary<String, Value> = [
                "file": .string(entry.file),
                "name": .string(entry.file.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")),
                "title": .string(entry.title),
                "recipients": .string(entry.recipients),
                "layout": .string(entry.layout),
                "kind": .string(Document.Kind(layout: entry.layout).chineseName ?? entry.layout),
            ]
            if let word = entry.word { fields["word"] = .string(word) }
            return .map(fields)
        }
        let context = Value.map([
            "documents": .list(documents),
            "count": .number(Decimal(documents.count)),
            "generator": .string("huiwen"),
        ])
        return try layout.render(context, options: RenderOptions(escaper: HTMLEscaper())).text
    }
}
