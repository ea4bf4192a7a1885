import HuiwenDiagnostics

/// Which template wrote each output name in a build: two templates that give one name are an
/// error at the second (both `build` and `serve` check it).
struct OutputOwners {
    private var owners: [String: String] = [:]

    /// Claims `name` for the template at `path`; the diagnostic when another template has it.
    mutating func claim(_ name: String, for path: String, at location: SourceLocation) -> Diagnostic? {
        if let owner = owners[name], owner != path {
            return Diagnostic(at: location, "'\(name)' is also the output of \(owner); rename one of them with 'output:'")
        }
        owners[name] = path
        return nil
    }
}
