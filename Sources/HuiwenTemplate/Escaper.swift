import HuiwenText

/// How a template engine turns a value's text into output text for `{{name}}`.
///
/// The engine is the same for page layouts (HTML) and documents (Markdown); only the escaper
/// differs. `{{{name}}}` and `{{&name}}` bypass it.
public protocol Escaper: Sendable {
    func escape(_ text: String) -> String
}

/// HTML escaping as the Mustache spec expects: `&`, `<`, `>`, `"` become entities.
public struct HTMLEscaper: Escaper {
    public init() {}

    public func escape(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }
}
