/// What a reader of an HTML page sees, for tests that compare it with a value: its tags and its
/// text. Both work scalar by scalar: by characters (Swift's default) a combining mark after a
/// tag's `>` or an entity's `;` joins it into another character and hides it (fuzzing found
/// both).
public enum HTMLText {
    /// Every tag with its attributes, in order (text `<` is always `&lt;`, so each `<` opens a tag).
    public static func tags(in html: some StringProtocol) -> [String] {
        String(html).matches(of: /<[^>]*>/.matchingSemantics(.unicodeScalar)).map { String($0.output) }
    }

    /// The text: each tag replaced by `tagReplacement`, the entities the writers emit decoded.
    public static func decoded(_ html: some StringProtocol, tagsAs tagReplacement: String = "") -> String {
        var bytes = Array(String(html).replacing(/<[^>]*>/.matchingSemantics(.unicodeScalar), with: tagReplacement).utf8)
        for (entity, text) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#32;", " "), ("&amp;", "&")] {
            bytes = bytes.replacing(Array(entity.utf8), with: Array(text.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
