import HuiwenData
import HuiwenDiagnostics

/// The helpers a template may call as `{{name(path)}}`, by name. Each takes the value at
/// `path` and the tag's position, and returns the value to insert; wrong input is a
/// `Diagnostic` thrown at that position (or at the value's own place in its data file).
///
/// Spelled out rather than through a named function type, so the helpers' own
/// `[String: TemplateHelper]` table is this very type and plugs in as it is:
///
/// ```swift
/// let options = RenderOptions(escaper: MarkdownEscaper(), helpers: TemplateHelpers.standard)
/// ```
public typealias HelperTable = [String: @Sendable (_ argument: Value, _ location: SourceLocation) throws(Diagnostic) -> Value]
