import Foundation

/// Runs `work` for the indices `0..<count` on `jobs` threads and hands each result to
/// `commit` on the calling thread, in index order, as soon as it and every one before it are
/// done: the build's documents are made side by side and written one after the other, in the
/// order a one-thread build writes them.
///
/// At most `window` indices are in work or waiting to be committed, so memory stays that of a
/// few documents however long the batch. With one job everything runs on the calling thread.
enum OrderedPool {
    static func run<Result: Sendable>(
        count: Int, jobs: Int, window: Int? = nil,
        work: @escaping @Sendable (Int) -> Result,
        commit: (Int, Result) -> Void
    ) {
        guard jobs > 1, count > 1 else {
            for index in 0..<count { commit(index, work(index)) }
            return
        }
        let queue = ResultQueue<Result>(count: count, window: max(window ?? jobs * 4, jobs))
        for _ in 0..<min(jobs, count) {
            let thread = Thread { queue.work(work) }
            // The main thread's size: merges and renders are iterative, but cmark-gfm and the
            // writers recurse a little per level of nesting.
            thread.stackSize = 8 << 20
            thread.start()
        }
        for index in 0..<count { commit(index, queue.take(index)) }
    }
}

/// The indices handed out, the results not yet committed, and one condition for both sides.
private final class ResultQueue<Result: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    /// The next index to hand out, and how many have been committed.
    private var next = 0
    private var committed = 0
    private var results: [Int: Result] = [:]

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
    }

    /// A worker: takes the next index while the window allows, until none are left.
    func work(_ body: @Sendable (Int) -> Result) {
        while true {
            condition.lock()
            while next < count, next - committed >= window { condition.wait() }
            guard next < count else {
                condition.unlock()
                return
            }
            let index = next
            next += 1
            condition.unlock()
            let result = body(index)
            condition.lock()
            results[index] = result
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The result of `index`, once it is done (indices are taken in order).
    func take(_ index: Int) -> Result {
        condition.lock()
        defer { condition.unlock() }
        while results[index] == nil { condition.wait() }
        let result = results.removeValue(forKey: index)!
        committed = index + 1
        condition.broadcast()
        return result
    }
}
