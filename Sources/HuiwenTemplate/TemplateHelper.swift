import HuiwenData
import HuiwenDiagnostics

/// A helper callable from a template as `{{name(path)}}`: takes the value at `path` and the
/// tag's position, and returns the value to insert. Wrong input is a `Diagnostic` thrown at
/// `location` (or at the value's own position in its data file).
///
/// ```swift
/// let helpers: HelperTable = ["percent": { value, location throws(Diagnostic) in … }]
/// ```
public typealias TemplateHelper = @Sendable (_ argument: Value, _ location: SourceLocation) throws(Diagnostic) -> Value

/// Helpers by the name templates call them with.
public typealias HelperTable = [String: TemplateHelper]
