import Foundation
import HuiwenDiagnostics

/// Compiles partials on first use and keeps them, so a batch of documents parses each partial
/// once. Safe to share between threads.
public final class PartialLibrary: @unchecked Sendable {
    /// What a name resolves to; failures are kept too, so a broken partial is read once.
    enum Entry {
        case compiled(Template)
        case missing
        case failed([Diagnostic])
        case refused(PartialLookupError)
    }

    private let provider: any PartialProvider
    // NSLock rather than Synchronization.Mutex: Mutex needs macOS 15, the package supports 13.
    private let lock = NSLock()
    private var cache: [String: Entry] = [:]

    public init(provider: any PartialProvider) {
        self.provider = provider
    }

    /// Partials from memory: name → template text.
    public convenience init(_ partials: [String: String]) {
        self.init(provider: InMemoryPartialProvider(partials))
    }

    func entry(named name: String) -> Entry {
        lock.lock()
        if let cached = cache[name] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        // Compiled outside the lock so one slow file does not stall other threads; two threads
        // may compile the same partial once each, and both results are equal.
        let entry: Entry
        do throws(PartialLookupError) {
            if let source = try provider.partialSource(named: name) {
                do throws(DiagnosticError) {
                    entry = .compiled(try Template(source.text, path: source.path))
                } catch {
                    entry = .failed(error.diagnostics)
                }
            } else {
                entry = .missing
            }
        } catch {
            entry = .refused(error)
        }
        lock.lock()
        cache[name] = entry
        lock.unlock()
        return entry
    }
}
