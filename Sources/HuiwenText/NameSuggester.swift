/// Finds the known name nearest to a mistyped one, for "did you mean" messages.
///
/// Distance is optimal-string-alignment (a swap of two neighbours costs one) over Unicode
/// scalars, so `事故起数` and `事故数` are one edit apart just as `precent` and `percent` are.
public enum NameSuggester {
    /// The closest candidate within a third of the name's length (one edit for names of two or
    /// three characters, only a difference of case for one-character names, which are all one
    /// edit apart); ties go to the earliest candidate, so suggestions are deterministic.
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let typed = Array(name.lowercased().unicodeScalars)
        let limit = max(typed.count / 3, typed.count >= 2 ? 1 : 0)
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let distance = editDistance(typed, Array(candidate.lowercased().unicodeScalars), limit: limit)
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// Optimal string alignment distance; gives up (returns `limit + 1`) when lengths alone
    /// rule the candidate out, which keeps suggestions cheap over large maps.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
