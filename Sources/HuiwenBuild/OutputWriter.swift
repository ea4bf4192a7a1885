import Foundation
import HuiwenDiagnostics

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place that writes files: atomically (a temporary file in the same folder, then a
/// rename), so a reader never sees half a page and a failure leaves the old file in place.
///
/// No fsync: Foundation's atomic write syncs every file, which made writing 4,000 files nine
/// tenths of a 2,000-document build. The rename still replaces a page whole; after a power
/// cut a rebuild writes the same bytes again.
public struct OutputWriter: Sendable {
    public let directory: URL
    /// The folder as messages name it (`output`, relative to the project root).
    public let displayName: String

    public init(directory: URL, displayName: String? = nil) {
        self.directory = directory
        self.displayName = displayName ?? directory.path
    }

    /// Writes `contents` to `name` inside the output folder, unless the file already holds
    /// exactly that (so an unchanged build touches nothing). `name` must be a plain file name:
    /// nothing is ever written outside the output folder. True when the file was written.
    @discardableResult
    public func write(_ contents: [UInt8], to name: String) throws(Diagnostic) -> Bool {
        guard Self.isPlainFileName(name) else {
            throw Diagnostic(path: name, "refusing to write outside the output folder")
        }
        let folder = directory.path
        let target = folder + "/" + name
        if Self.holds(contents, atPath: target) { return false }
        if access(folder, F_OK) != 0 {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw Diagnostic(path: shown(name), "cannot write file (\(error.localizedDescription))")
            }
        }
        do {
            try Self.replace(target, in: folder, name: name, with: contents)
        } catch {
            throw Diagnostic(path: shown(name), error.message)
        }
        return true
    }

    /// The ending of temporary files: `.NAME.PID.huiwen-tmp`.
    static let temporarySuffix = ".huiwen-tmp"

    /// Writes a temporary file beside `target` (the file `name` of `folder`), then renames it
    /// over `target`.
    private static func replace(_ target: String, in folder: String, name: String, with contents: [UInt8]) throws(Diagnostic) {
        let temporary = folder + "/.\(name).\(getpid())\(temporarySuffix)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(target, errno) }
        let written: Int = contents.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let result = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    return -Int(errno)
                }
                offset += result
            }
            return offset
        }
        let closed = close(descriptor)
        guard written == contents.count, closed == 0 else {
            let code = written < 0 ? Int32(-written) : errno
            unlink(temporary)
            throw failure(target, code)
        }
        guard rename(temporary, target) == 0 else {
            let code = errno
            unlink(temporary)
            throw failure(target, code)
        }
    }

    private static func failure(_ target: String, _ code: Int32) -> Diagnostic {
        Diagnostic(path: target, "cannot write file (\(String(cString: strerror(code))))")
    }

    /// Removes the temporary files a killed build left (hidden, ending in `.huiwen-tmp`: only
    /// huiwen makes such names). Call it only while holding the folder's `OutputLock`, so that
    /// no other build's file is in the middle of being written.
    public func removeLeftoverTemporaryFiles() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where name.hasPrefix(".") && name.hasSuffix(Self.temporarySuffix) {
            unlink(directory.appendingPathComponent(name).path)
        }
    }

    /// Appends `text` to the file `name` in the output folder (created if missing), in one
    /// `write`: the journal of files about to be written.
    public func append(_ text: String, to name: String) throws(Diagnostic) {
        guard Self.isPlainFileName(name) else {
            throw Diagnostic(path: name, "refusing to write outside the output folder")
        }
        let target = directory.appendingPathComponent(name).path
        let descriptor = open(target, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Diagnostic(path: shown(name), Self.failure(target, errno).message) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBufferPointer { systemWrite(descriptor, $0.baseAddress!, $0.count) }
        let code = errno
        close(descriptor)
        guard written == bytes.count else {
            throw Diagnostic(path: shown(name), Self.failure(target, written < 0 ? code : EIO).message)
        }
    }

    /// Removes `name` from the output folder; false when it was not there.
    public func remove(_ name: String) throws(Diagnostic) -> Bool {
        guard Self.isPlainFileName(name) else {
            throw Diagnostic(path: name, "refusing to remove a file outside the output folder")
        }
        let target = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: target.path) else { return false }
        do {
            try FileManager.default.removeItem(at: target)
            return true
        } catch {
            throw Diagnostic(path: shown(name), "cannot remove file (\(error.localizedDescription))")
        }
    }

    /// `name` as messages show it: `output/notice.html`.
    private func shown(_ name: String) -> String {
        displayName.isEmpty ? name : displayName + "/" + name
    }

    /// Whether the file at `path` holds exactly `contents`: its size first, then its bytes, a
    /// block at a time (not read whole: the manifest of 20,000 documents is 10 MB).
    static func holds(_ contents: [UInt8], atPath path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, Int(status.st_size) == contents.count else { return false }
        guard !contents.isEmpty else { return true }
        var block = [UInt8](repeating: 0, count: min(contents.count, 1 << 16))
        var offset = 0
        while offset < contents.count {
            let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, min($0.count, contents.count - offset)) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            let same = block.withUnsafeBytes { old in
                contents.withUnsafeBytes { new in memcmp(old.baseAddress!, new.baseAddress! + offset, count) == 0 }
            }
            guard same else { return false }
            offset += count
        }
        return true
    }

    static func isPlainFileName(_ name: String) -> Bool {
        // Bytes: `String.contains` goes through Foundation, and every manifest line is checked.
        !name.isEmpty && name != "." && name != ".." && !name.utf8.contains { $0 == 0x2F || $0 == 0x5C || $0 < 0x20 }
    }
}

/// The C `write`, named apart from `OutputWriter.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
}
