import Foundation
import HuiwenMarkdown
import Testing

/// cmark-gfm's extensions mutate a process-global table while a parser finishes; the renderer
/// must serialise that, so parallel renders give exactly the sequential bytes.
@Suite struct ConcurrencyTests {
    /// Inputs that exercise the extensions' special characters (tables' `|`, strikethrough's
    /// `~`, autolinks' `:` `@` `w`), which is where the global table is touched.
    static let corpus: [String] = (0..<24).map { index in
        """
        # 第\(index)部分

        | 地区 | 事故起数 | 死亡人数 |
        |:--|--:|:-:|
        | 长沙 | \(index * 7) | \(index) |
        | 株洲 | ~~\(index + 3)~~ | www.example\(index).com |

        - [x] 任务 \(index) see https://example.org/\(index) or mail a\(index)@example.com
        - [ ] ~删除~ **加粗** `code|x` [^\(index)]

        [^\(index)]: 脚注 \(index)
        """
    }

    @Test func thousandsOfConcurrentRendersMatchSequentialOutput() async {
        let renderer = MarkdownRenderer()
        let expected = Self.corpus.map { renderer.html(from: $0) }
        let tasks = 64
        let rendersPerTask = 80
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var bad = 0
                    for round in 0..<rendersPerTask {
                        let index = (task + round) % Self.corpus.count
                        if renderer.html(from: Self.corpus[index]) != expected[index] { bad += 1 }
                    }
                    return bad
                }
            }
            return await group.reduce(0, +)
        }
        print("concurrency: \(tasks * rendersPerTask) renders over \(tasks) tasks, \(mismatches) differed")
        #expect(mismatches == 0)
    }

    @Test func rendersOnManyOSThreadsMatchSequentialOutput() {
        // Swift's task pool has one thread per core; plain threads give more contention.
        let renderer = MarkdownRenderer()
        let expected = Self.corpus.map { renderer.html(from: $0) }
        let threadCount = 8
        let rendersPerThread = 250
        let counter = MismatchCounter()
        let group = DispatchGroup()
        for thread in 0..<threadCount {
            group.enter()
            Thread.detachNewThread {
                for round in 0..<rendersPerThread {
                    let index = (thread * 5 + round) % Self.corpus.count
                    if renderer.html(from: Self.corpus[index]) != expected[index] { counter.add() }
                }
                group.leave()
            }
        }
        group.wait()
        print("concurrency: \(threadCount * rendersPerThread) renders on \(threadCount) threads, \(counter.value) differed")
        #expect(counter.value == 0)
    }
}

final class MismatchCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
