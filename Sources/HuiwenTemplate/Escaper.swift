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
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
