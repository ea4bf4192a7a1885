/// The merged-Markdown writer of the document model (`output/NAME.md`, for review in diffs):
/// the body, then each attachment after a rule, headed `附件N：title`.
public enum MarkdownSourceWriter {
    public static func text(of document: Document) -> String {
        var markdown = document.body.markdown
        for attachment in document.attachments {
            markdown += "\n\n---\n\n附件\(attachment.number)：\(attachment.title)\n\n" + attachment.body.markdown
        }
        return markdown.hasSuffix("\n") ? markdown : markdown + "\n"
    }
}
