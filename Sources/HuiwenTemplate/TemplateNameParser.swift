import HuiwenText

/// A name that breaks the rules of the template language, with a message for the user.
struct TemplateNameError: Error {
    var message: String
}

/// Parses what a tag names: `x`, `a.b.c`, `.`, `@number`, or a helper call `cn(a.b)`.
///
/// Names may hold any character except whitespace, `.` (the path separator) and parentheses
/// (helper calls), so Chinese names such as `统计.事故起数` need nothing special.
enum TemplateNameParser {
    static func expression(_ text: String) throws(TemplateNameError) -> TemplateExpression {
        guard let open = text.firstIndex(of: "(") else { return .path(try path(text)) }
        let name = String(text[..<open])
        guard text.hasSuffix(")"), !name.isEmpty, isSegment(name) else {
            throw TemplateNameError(message: "invalid helper call '\(text)': expected helper(name), as in percent(statistics.rate)")
        }
        let inner = trimmed(String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
        guard !inner.contains("("), !inner.contains(")") else {
            throw TemplateNameError(message: "invalid helper call '\(text)': a helper takes one name, not another call")
        }
        guard !inner.isEmpty else {
            throw TemplateNameError(message: "helper call '\(text)' has no argument")
        }
        return .helper(name: name, argument: try path(inner))
    }

    static func path(_ text: String) throws(TemplateNameError) -> NamePath {
        if text == "." { return .implicit }
        if text.hasPrefix("@") {
            let name = String(text.dropFirst())
            guard let special = SpecialName(rawValue: name) else {
                let known = SpecialName.allCases.map { "@" + $0.rawValue }
                var message = "unknown name '\(text)'"
                if let near = NameSuggester.closest(to: text, among: known) {
                    message += "; did you mean '\(near)'?"
                } else {
                    message += "; list items answer " + known.joined(separator: ", ")
                }
                throw TemplateNameError(message: message)
            }
            return .special(special)
        }
        guard !text.isEmpty else { throw TemplateNameError(message: "missing name in tag") }
        let keys = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        for key in keys where key.isEmpty || !isSegment(key) {
            if key.isEmpty {
                throw TemplateNameError(message: "invalid name '\(text)': empty part between dots")
            }
            throw TemplateNameError(message: "invalid name '\(text)': names cannot contain spaces or parentheses")
        }
        return .keys(keys)
    }

    private static func isSegment(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                // ASCII first: Unicode property lookups are slow and names are mostly ASCII.
                if scalar == " " || scalar == "(" || scalar == ")" || scalar == "." || (scalar.value >= 0x09 && scalar.value <= 0x0D) {
                    return false
                }
            } else if scalar.properties.isWhitespace {
                return false
            }
        }
        return true
    }
}
