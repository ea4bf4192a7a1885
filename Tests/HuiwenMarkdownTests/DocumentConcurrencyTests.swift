import Foundation
import HuiwenMarkdown
import Testing

/// The document path parses through the same lock as `html(from:)` and transforms its own tree:
/// parallel renders must give exactly the sequential output.
@Suite struct DocumentConcurrencyTests {
    static let corpus: [String] = ConcurrencyTests.corpus.enumerated().map { index, markdown in
        markdown + "\n\n## 第\(index)项\n\n### 加强\n领导\n\n#### \(index % 3 == 0 ? "1. 手写" : "自动")\n\n同比下降\n27.9%，\nEnglish\nword\n"
    }

    @Test func documentRendersOnManyOSThreadsMatchSequentialOutput() {
        let renderer = MarkdownRenderer()
        let transforms = DocumentTransforms(numbering: .gongwen)
        let expected = Self.corpus.map { renderer.document(from: $0, transforms: transforms) }
        let threadCount = 8
        let rendersPerThread = 250
        let counter = MismatchCounter()
        let group = DispatchGroup()
        for thread in 0..<threadCount {
            group.enter()
            Thread.detachNewThread {
                for round in 0..<rendersPerThread {
                    let index = (thread * 5 + round) % Self.corpus.count
                    // Mix plain renders in: both paths share the parser-finish lock.
                    if round % 4 == 0 {
                        _ = renderer.html(from: Self.corpus[index])
                    }
                    if renderer.document(from: Self.corpus[index], transforms: transforms) != expected[index] {
                        counter.add()
                    }
                }
                group.leave()
            }
        }
        group.wait()
        print("concurrency: \(threadCount * rendersPerThread) document renders on \(threadCount) threads, \(counter.value) differed")
        #expect(counter.value == 0)
    }
}
