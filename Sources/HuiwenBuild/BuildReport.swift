import HuiwenDiagnostics
import HuiwenTemplate

/// What a build did: every problem it found, what it wrote, and each template's outcome.
/// How far a build is: documents done (built or failed) of the documents it makes.
public struct BuildProgress: Sendable, Equatable {
    public var done: Int
    public var total: Int

    public init(done: Int, total: Int) {
        self.done = done
        self.total = total
    }
}

public struct BuildReport: Sendable {
    /// Documents counted before the first is built, and done so far (when progress is asked for).
    var documentsPlanned = 0
    var documentsDone = 0
    /// The pages, when the sink keeps them (`render`, `serve`); empty for `build`.
    public var pages: [RenderedPage] = []
    public var diagnostics: [Diagnostic] = []
    /// Output files written (or, for a check, found missing or stale), and deleted.
    public var written: [String] = []
    public var deleted: [String] = []
    /// Templates all of whose documents were built.
    public var rebuiltTemplates: Set<String> = []
    /// The project's templates.
    public var templates: [String] = []
    /// How many documents were built (also when `pages` is not kept), and how many the
    /// input-hash cache found unchanged (neither built nor written).
    public var documentCount = 0
    public var unchangedCount = 0
    /// Files a check names but does not compare: PDFs (a browser does not print the same
    /// bytes twice).
    public var uncheckedFiles: [String] = []
    /// Each compiled template's problems and what it read, by path.
    public var outcomes: [String: TemplateOutcome] = [:]
    /// The index layout of this build (the project's own or the built-in one).
    var indexLayout: Template?
    /// What the index depends on besides the documents: its layout's text and huiwen's version
    /// (`OutputPlan.indexFingerprint`).
    var indexFingerprint = ""
    /// Whether an index the manifest shows to be current is left as it is (`build` with its cache).
    var reusesIndex = false
    /// The manifest lines of the pages built (kept when the pages themselves are not).
    var pageEntries: [OutputManifest.Entry] = []

    public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } }
}

/// What became of one template in a build.
public struct TemplateOutcome: Sendable {
    /// Its problems (compile errors are reported before any outcome exists).
    public var diagnostics: [Diagnostic] = []
    /// What its documents read (namespaces only when the loop records inputs).
    public var inputs = DocumentInputs()
}

/// What a template's documents read: data namespaces (top-level keys, or
/// `TemplateInputs.wholeContext` for all), partial files and layout names.
public struct DocumentInputs: Sendable, Hashable {
    public var namespaces: Set<String> = []
    public var partialPaths: Set<String> = []
    public var layouts: Set<String> = []

    public init(namespaces: Set<String> = [], partialPaths: Set<String> = [], layouts: Set<String> = []) {
        self.namespaces = namespaces
        self.partialPaths = partialPaths
        self.layouts = layouts
    }

    mutating func add(_ inputs: TemplateInputs) {
        namespaces.formUnion(inputs.rootNames)
        partialPaths.formUnion(inputs.partialPaths)
    }

    func reads(namespace: String) -> Bool {
        namespaces.contains(namespace) || namespaces.contains(TemplateInputs.wholeContext)
    }
}
