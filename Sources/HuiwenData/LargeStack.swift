import Foundation

/// Runs work on a thread with a large stack and waits for it.
///
/// Yams composes and frees its node tree by recursion, one frame per level. Its bundled
/// libyaml refuses more than 1,000 levels ("Maximum nesting level reached"), and
/// `YAMLPrescan` refuses deep input earlier with a clearer message; but 1,000 frames of
/// Yams may not fit the small stack of a worker thread (512 KiB), so the work runs on a
/// thread of its own whose stack holds them whatever thread the caller is on.
enum LargeStack {
    /// 32 MiB of address space (pages are committed only when touched): 1,000 levels of
    /// Yams plus our own `maxDepth` levels take a few MiB even in a debug build.
    static let size = 32 << 20

    static func run<Result: Sendable>(_ work: @escaping @Sendable () -> Result) -> Result {
        let box = Box<Result>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = work()
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        // The semaphore orders the write above before this read.
        guard let value = box.value else { return work() }
        return value
    }

    private final class Box<Value>: @unchecked Sendable {
        var value: Value?
    }
}
