import HuiwenDiagnostics

/// What loading a project's `data/` folder gives: the tree, every problem, and the files read.
public struct DataLoadResult: Sendable, Hashable {
    /// A map with one key per file or folder of `data/`; the parts that failed are missing.
    public var root: Value
    /// Every problem in every file, in file order (all of them, not only the first).
    public var diagnostics: [Diagnostic]
    /// Every data file considered, in load order, including those that failed: a document
    /// depends on them all, so fixing one must rebuild it.
    public var files: [DataFile]

    public init(root: Value, diagnostics: [Diagnostic], files: [DataFile]) {
        self.root = root
        self.diagnostics = diagnostics
        self.files = files
    }

    /// True when any diagnostic is an error (warnings alone do not fail a build).
    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error }
    }
}

/// One data file and where its value sits in the tree.
public struct DataFile: Sendable, Hashable {
    /// Relative to the project root, with `/`: `data/cities/2026.csv`.
    public var path: String
    /// The keys leading to its value: `["cities", "2026"]`.
    public var keyPath: [String]

    public init(path: String, keyPath: [String]) {
        self.path = path
        self.keyPath = keyPath
    }
}
