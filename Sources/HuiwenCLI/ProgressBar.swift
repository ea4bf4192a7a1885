import Foundation
import HuiwenBuild

/// `huiwen build`'s progress on a terminal: documents done of all, the rate and the time left,
/// redrawn in place on standard error from half a second into a build, at most ten times a
/// second, and cleared at the end (the summary line follows). Nothing of it when standard
/// error is not a terminal (CI logs, pipes) or `TERM` is `dumb`.
final class ProgressBar: @unchecked Sendable {
    private let start = Date()
    private let lock = NSLock()
    private var lastDrawn: TimeInterval = 0
    private var shown = false

    /// A bar when standard error is a terminal that can redraw a line; nil otherwise.
    static func forTerminal(environment: [String: String] = ProcessInfo.processInfo.environment) -> ProgressBar? {
        guard isatty(STDERR_FILENO) == 1, environment["TERM"] != "dumb" else { return nil }
        return ProgressBar()
    }

    /// Draws `progress` when the build has run half a second and the last drawing is a tenth old.
    func update(_ progress: BuildProgress) {
        let elapsed = Date().timeIntervalSince(start)
        let line: String? = lock.withLock {
            guard elapsed >= 0.5, elapsed - lastDrawn >= 0.1 || progress.done == progress.total else { return nil }
            lastDrawn = elapsed
            shown = true
            return Self.line(progress, elapsed: elapsed)
        }
        if let line { FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8)) }
    }

    /// Clears the bar, if it was drawn.
    func finish() {
        guard lock.withLock({ shown }) else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// `[#########-----------]  1,234/2,000 documents  850/s  1 s left`
    static func line(_ progress: BuildProgress, elapsed: TimeInterval) -> String {
        let width = 20
        let fraction = progress.total > 0 ? min(1, Double(progress.done) / Double(progress.total)) : 0
        let filled = Int((fraction * Double(width)).rounded(.down))
        let rate = elapsed > 0 ? Double(progress.done) / elapsed : 0
        let left = rate > 0 ? Double(progress.total - progress.done) / rate : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        return "[\(bar)] \(grouped(progress.done))/\(grouped(progress.total)) documents  \(grouped(Int(rate.rounded())))/s  \(Int(left.rounded(.up))) s left"
    }

    /// `12,345`.
    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
