import HuiwenDiagnostics

/// One piece of a compiled template. Text is stored merged and already stripped of standalone
/// lines, so rendering never looks at the source again.
enum TemplateNode: Sendable {
    /// Literal template text, written as is (apart from partial indentation), and where its
    /// first character is in the file (for `TemplateSourceMap`).
    case text(String, at: SourceLocation)
    /// `{{x}}` (escaped) or `{{{x}}}` / `{{&x}}` (raw).
    case interpolation(TemplateExpression, escaped: Bool, at: SourceLocation)
    /// `{{#x}}…{{/x}}` or, inverted, `{{^x}}…{{/x}}`.
    case section(TemplateExpression, inverted: Bool, body: [TemplateNode], at: SourceLocation)
    /// `{{>name}}`; `indentation` is the whitespace before a standalone tag, prefixed to every
    /// line of the partial.
    case partial(PartialReference, indentation: String, isStandalone: Bool, at: SourceLocation)
    /// `{{<name}}{{$block}}…{{/block}}{{/name}}`: a partial rendered with block overrides.
    case parent(
        PartialReference, indentation: String, isStandalone: Bool,
        overrides: [String: [TemplateNode]], at: SourceLocation)
    /// `{{$name}}default{{/name}}`: a slot a parent's caller may override. `indentation` is the
    /// block's own indentation relative to its enclosing block, re-applied to whatever content
    /// fills the slot ("removed at the site of definition, added at the site of expansion").
    case block(String, indentation: String, isStandalone: Bool, body: [TemplateNode], at: SourceLocation)
}

/// What an interpolation or section tag evaluates: a name, or a helper applied to a name.
enum TemplateExpression: Sendable, CustomStringConvertible {
    case path(NamePath)
    case helper(name: String, argument: NamePath)

    var description: String {
        switch self {
        case .path(let path): path.description
        case .helper(let name, let argument): "\(name)(\(argument))"
        }
    }
}

/// A name in a tag: `.` (the current item), `@number` and friends, or dotted keys.
enum NamePath: Sendable, Equatable, CustomStringConvertible {
    case implicit
    case special(SpecialName)
    case keys([String])

    var description: String {
        switch self {
        case .implicit: "."
        case .special(let name): "@" + name.rawValue
        case .keys(let keys): keys.joined(separator: ".")
        }
    }
}

/// The names a list item answers besides its own keys, as in Handlebars.
enum SpecialName: String, Sendable, CaseIterable {
    case number, cn, first, last, index
}

/// The name of a partial or parent: fixed, or (`{{>*name}}`) read from the context.
enum PartialReference: Sendable, CustomStringConvertible {
    case named(String)
    case dynamic(NamePath)

    var description: String {
        switch self {
        case .named(let name): name
        case .dynamic(let path): "*" + path.description
        }
    }
}
