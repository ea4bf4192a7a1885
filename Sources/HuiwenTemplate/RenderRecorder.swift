import Foundation

/// Notes what renders looked up: the top-level names resolved from the root context (data
/// namespaces such as `statistics`) and the files of the partials they included. A preview
/// server uses it to re-render only the documents whose inputs changed.
///
/// Renders started inside `RenderRecorder.$current.withValue(recorder) { … }` record into it:
///
/// ```swift
/// let recorder = RenderRecorder()
/// let merged = RenderRecorder.$current.withValue(recorder) { template.merge(data: data, partials: nil, helpers: [:]) }
/// recorder.rootNames   // ["meeting", "statistics", "page"]
/// ```
public final class RenderRecorder: @unchecked Sendable {
    /// The recorder renders on this task (or thread) report to; nil (the default) records nothing.
    @TaskLocal public static var current: RenderRecorder?

    /// Stands for "the whole root context" (`{{.}}` at the top level).
    public static let wholeContext = "*"

    private let lock = NSLock()
    private var names: Set<String> = []
    private var partials: Set<String> = []

    public init() {}

    /// First keys of lookups that reached the root context, or found nothing at all.
    public var rootNames: Set<String> { lock.withLock { names } }
    /// Paths (as their templates give them) of every partial a render included.
    public var partialPaths: Set<String> { lock.withLock { partials } }

    /// Notes a top-level name; also for names the render did not find, since adding them
    /// later changes the output too.
    public func recordRootName(_ name: String) {
        lock.withLock { _ = names.insert(name) }
    }

    /// Notes a partial by the path of its file.
    public func recordPartial(path: String) {
        lock.withLock { _ = partials.insert(path) }
    }
}
