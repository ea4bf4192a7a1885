import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output folder's manifest as a build finds it, with the journal a killed build left (its
/// lines first, so the manifest's own line wins for a file in both): read-only and compact.
///
/// It keeps the files' bytes and where the line of each file listed starts and ends; a line
/// becomes an `OutputManifest.Entry` only when it is asked for. Parsed whole, the 40,000 lines
/// of a 20,000-document build took four times their 10 MB in strings and dictionaries, all of
/// it held while every document was built.
struct ManifestFile: Sendable {
    private var bytes: [UInt8] = []
    /// Each file's line, ordered by the file's name (as bytes), one per name: of lines for one
    /// file, the last read.
    private var lines: [Range<Int>] = []
    /// The line (in `lines`) of each document's first file, by its cache key.
    private var documents: [String: Int] = [:]

    /// A manifest that lists nothing (an output folder never built into).
    init() {}

    /// The manifest and journal of `directory`; a line that does not read as one is left out,
    /// as is the last line of a journal cut off mid-line by a kill.
    init(reading directory: URL) {
        for name in [OutputManifest.journalName, OutputManifest.fileName] {
            let start = bytes.count
            guard Self.load(directory.appendingPathComponent(name).path, appendingTo: &bytes) else { continue }
            let end = (bytes[start...].lastIndex(of: 0x0A) ?? start - 1) + 1
            bytes.removeSubrange(end...)
        }
        var found: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            var fields = 1
            var nameEnd = -1
            for index in buffer.indices {
                switch buffer[index] {
                case 0x09:
                    if fields == 1 { nameEnd = index }
                    fields += 1
                case 0x0A:
                    if fields == 5 || fields == 9,
                        OutputWriter.isPlainFileName(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<nameEnd]), as: UTF8.self))
                    {
                        found.append(start..<index)
                    }
                    start = index + 1
                    fields = 1
                default:
                    break
                }
            }
        }
        // Stable: of the lines for one name, the last read stays last.
        found.sort { name(of: $0).lexicographicallyPrecedes(name(of: $1)) }
        lines.reserveCapacity(found.count)
        for (index, line) in found.enumerated() where index + 1 == found.count || !name(of: line).elementsEqual(name(of: found[index + 1])) {
            lines.append(line)
        }
        // The key of each line with a cache record, read from its bytes (making every line's
        // entry here was a tenth of an unchanged rebuild): a record needs a key, a hash and at
        // least one file name, as `OutputManifest.record` reads it.
        for (index, line) in lines.enumerated() {
            let parts = bytes[line].split(separator: 0x09, omittingEmptySubsequences: false)
            guard parts.count == 9, !parts[5].isEmpty, !parts[6].isEmpty, parts[7].contains(where: { $0 != 0x2C }) else { continue }
            documents[String(decoding: parts[5], as: UTF8.self)] = index
        }
    }

    /// How many files it lists.
    var count: Int { lines.count }

    /// Every entry, in the order of the file names' bytes.
    var entries: [OutputManifest.Entry] {
        lines.indices.map(entry(at:))
    }

    /// The names of every file it lists.
    var files: [String] {
        lines.map { String(decoding: name(of: $0), as: UTF8.self) }
    }

    /// The entry of `file`; nil when it lists no such file.
    func entry(_ file: String) -> OutputManifest.Entry? {
        index(of: file).map(entry(at:))
    }

    func contains(_ file: String) -> Bool {
        index(of: file) != nil
    }

    /// The lines of one document's files, in the order its cache record lists them; its
    /// entries are made only when asked for (`entries(of:)`).
    struct Document: Sendable {
        fileprivate let lines: [Int]
    }

    /// The document whose cache key is `key` and the cache record of its first file; nil when
    /// there is none, or when one of its files has no line.
    func document(key: String) -> (Document, DocumentCache.Record)? {
        guard let index = documents[key], let own = record(at: index) else { return nil }
        var lines: [Int] = []
        for file in own.files {
            guard let line = self.index(of: file) else { return nil }
            lines.append(line)
        }
        guard let record = lines[0] == index ? own : record(at: lines[0]) else { return nil }
        return (Document(lines: lines), record)
    }

    /// The entries of a document's files, its first file's first.
    func entries(of document: Document) -> [OutputManifest.Entry] {
        document.lines.map(entry(at:))
    }

    /// The entries whose template `keeps`, without making the others' entries.
    func entries(keepingTemplates keeps: (String) -> Bool) -> [OutputManifest.Entry] {
        var kept: [OutputManifest.Entry] = []
        for line in lines {
            let parts = bytes[line].split(separator: 0x09, maxSplits: 2, omittingEmptySubsequences: false)
            if keeps(String(decoding: parts[1], as: UTF8.self)) { kept.append(OutputManifest.entry(fields: fields(of: line))) }
        }
        return kept
    }

    /// Appends the bytes of the file at `path` (read straight into `bytes`, not through a
    /// copy); false when it cannot be read.
    private static func load(_ path: String, appendingTo bytes: inout [UInt8]) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return false }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: Int(status.st_size)))
        var offset = start
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            offset += count
        }
        bytes.removeSubrange(offset...)
        return true
    }

    private func name(of line: Range<Int>) -> ArraySlice<UInt8> {
        let slice = bytes[line]
        return slice[..<(slice.firstIndex(of: 0x09) ?? slice.endIndex)]
    }

    private func fields(of line: Range<Int>) -> [String] {
        bytes[line].split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The cache record of a line, without making its other fields.
    private func record(at index: Int) -> DocumentCache.Record? {
        let parts = bytes[lines[index]].split(separator: 0x09, omittingEmptySubsequences: false)
        guard parts.count == 9 else { return nil }
        return OutputManifest.record(parts[5...].map { String(decoding: $0, as: UTF8.self) }[...])
    }

    private func entry(at index: Int) -> OutputManifest.Entry {
        OutputManifest.entry(fields: fields(of: lines[index]))
    }

    /// The index in `lines` of `file`'s line: a binary search by the name's bytes.
    private func index(of file: String) -> Int? {
        var file = file
        return file.withUTF8 { target in
            bytes.withUnsafeBufferPointer { buffer in
                var low = 0
                var high = lines.count
                while low < high {
                    let middle = (low + high) / 2
                    let line = lines[middle]
                    let nameEnd = buffer[line].firstIndex(of: 0x09) ?? line.upperBound
                    let count = nameEnd - line.lowerBound
                    // memcmp over the shorter, then the shorter name first.
                    var order = memcmp(buffer.baseAddress! + line.lowerBound, target.baseAddress ?? buffer.baseAddress!, min(count, target.count))
                    if order == 0 { order = count < target.count ? -1 : count > target.count ? 1 : 0 }
                    if order == 0 { return middle }
                    if order < 0 { low = middle + 1 } else { high = middle }
                }
                return nil
            }
        }
    }
}
