import HuiwenDiagnostics

/// Which template wrote each output name in a build: two templates that give one name (or two
/// names that differ only in letter case: one file on Windows and macOS) are an error at the
/// second (both `build` and `serve` check it).
struct OutputOwners {
    private var owners: [String: (name: String, path: String)] = [:]

    /// Claims `name` for the template at `path`; the diagnostic when another template has it.
    mutating func claim(_ name: String, for path: String, at location: SourceLocation) -> Diagnostic? {
        let key = OutputName.folded(name)
        if let owner = owners[key], owner.path != path {
            let other = owner.name == name ? "" : " (as '\(owner.name)': one file where letter case does not count)"
            return Diagnostic(at: location, "'\(name)' is also the output of \(owner.path)\(other); rename one of them with 'output:'")
        }
        owners[key] = (name, path)
        return nil
    }
}
