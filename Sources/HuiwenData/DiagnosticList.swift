import HuiwenDiagnostics

/// The problems of one file, kept to a readable number. Past `limit` the rest are counted,
/// not built (building one finds its source line), and a last note says how many were left out.
struct DiagnosticList {
    static let limit = 100
    let path: String
    private(set) var items: [Diagnostic] = []
    private(set) var omitted = 0

    init(path: String) {
        self.path = path
    }

    var isEmpty: Bool { items.isEmpty }

    mutating func append(_ diagnostic: @autoclosure () -> Diagnostic) {
        if items.count < Self.limit {
            items.append(diagnostic())
        } else {
            omitted += 1
        }
    }

    /// Counts `count` more problems left out without being made; only once the list is full.
    mutating func omit(_ count: Int) {
        precondition(count == 0 || items.count >= Self.limit)
        omitted += count
    }

    /// Every diagnostic kept, then the note about those left out.
    var all: [Diagnostic] {
        omitted == 0 ? items : items + [Diagnostic(.note, path: path, "\(omitted) more problems in this file not shown")]
    }
}
