import Foundation
import HuiwenDiagnostics

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One build at a time in an output folder: an exclusive `flock` on the folder itself, held
/// while the build writes and released when it ends, however it ends (the kernel drops the lock
/// of a killed process, so a crash never leaves the folder locked). A second build on the same
/// folder stops at once with a clear error rather than interleave its files and its manifest
/// with the first's. No lock file is left in the folder.
final class OutputLock {
    private let descriptor: Int32

    /// Locks `directory` (created if missing); `name` words it in messages (`output`).
    init(directory: URL, name: String) throws(Diagnostic) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw Diagnostic(path: name, "cannot create the output folder (\(Self.reason(error)))")
        }
        descriptor = open(directory.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Diagnostic(path: name, "cannot open the output folder (\(String(cString: strerror(errno))))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            if code == EWOULDBLOCK {
                throw Diagnostic(
                    path: name, "another huiwen build is writing to this folder; wait until it has finished, then build again")
            }
            throw Diagnostic(path: name, "cannot lock the output folder (\(String(cString: strerror(code))))")
        }
    }

    /// Unlocked before it is closed: a child process forked by another thread of this process
    /// (a test runner's, a server's) may hold a copy of the descriptor until it execs, and the
    /// lock would last as long as that copy.
    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(underlying.code))) }
        return error.localizedDescription
    }
}
