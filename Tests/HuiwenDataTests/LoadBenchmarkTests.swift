import Foundation
import HuiwenData
import Testing

/// A measurement, not a timed test: runs only with HUIWEN_BENCH=1, in a release build:
/// `HUIWEN_BENCH=1 swift test -c release --filter LoadBenchmark`.
@Suite struct LoadBenchmarkTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["HUIWEN_BENCH"] == "1"))
    func exampleDataLoadMedian() {
        let loader = DataLoader()
        let root = ExampleDataTests.projectRoot
        let clock = ContinuousClock()
        _ = loader.load(projectRoot: root)
        var samples: [Duration] = []
        for _ in 0..<200 {
            let start = clock.now
            let result = loader.load(projectRoot: root)
            samples.append(clock.now - start)
            #expect(result.diagnostics.isEmpty)
        }
        samples.sort()
        print("example data/ load: median \(samples[samples.count / 2]), min \(samples[0]), max \(samples[samples.count - 1]) over \(samples.count) loads")
    }
}
