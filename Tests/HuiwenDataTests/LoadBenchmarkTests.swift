import Foundation
import HuiwenData
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A measurement, not a timed test: runs only with HUIWEN_BENCH=1, in a release build:
/// `HUIWEN_BENCH=1 swift test -c release --filter LoadBenchmark`. Prints the median wall time
/// and the median CPU time of this thread (the CPU figure holds steady on a busy machine).
@Suite struct LoadBenchmarkTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["HUIWEN_BENCH"] == "1"))
    func exampleDataLoadMedian() {
        let loader = DataLoader()
        let root = ExampleDataTests.projectRoot
        _ = loader.load(projectRoot: root)
        var wall: [Double] = []
        var cpu: [Double] = []
        for _ in 0..<200 {
            let startWall = Self.seconds(CLOCK_MONOTONIC)
            let startCPU = Self.seconds(CLOCK_THREAD_CPUTIME_ID)
            let result = loader.load(projectRoot: root)
            cpu.append(Self.seconds(CLOCK_THREAD_CPUTIME_ID) - startCPU)
            wall.append(Self.seconds(CLOCK_MONOTONIC) - startWall)
            #expect(result.diagnostics.isEmpty)
        }
        wall.sort()
        cpu.sort()
        func ms(_ value: Double) -> String { String(format: "%.3f ms", value * 1000) }
        print("example data/ load over \(wall.count) runs: wall median \(ms(wall[wall.count / 2])) (min \(ms(wall[0]))), thread CPU median \(ms(cpu[cpu.count / 2]))")
    }

    static func seconds(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
