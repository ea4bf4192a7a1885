import Synchronization

/// Specs already read, by their text: reading YAML through Yams costs more than rendering a
/// page's Markdown, and a batch's documents (or `serve`'s renders) hold the same chart blocks
/// again and again. A spec's reading depends on its text alone, so any document may use it.
/// Bounded: when full it starts again empty.
enum ChartSpecCache {
    typealias Reading = (spec: ChartSpec?, problems: ChartProblems)

    static let capacity = 256
    private static let readings = Mutex<[String: Reading]>([:])

    /// The reading of `text`, from the cache or read now (outside the lock: two tasks may both
    /// read a new text, and either reading is the same).
    static func reading(of text: String) -> Reading {
        if let known = readings.withLock({ $0[text] }) { return known }
        let reading = ChartSpec.parse(text, path: ChartBlock.specPath)
        readings.withLock { cache in
            if cache.count >= capacity { cache.removeAll(keepingCapacity: true) }
            cache[text] = reading
        }
        return reading
    }
}
