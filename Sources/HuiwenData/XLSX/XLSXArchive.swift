import Foundation
import ZIPFoundation

/// The ZIP archive of an `.xlsx` file, read through ZIPFoundation within the data limits: a
/// part is inflated only when its declared size fits what is left of
/// `DataLimits.maxUncompressedSize` and its compression ratio stays under
/// `maxCompressionRatio`, and inflating stops the moment it passes the declared size (a header
/// can lie). So a zip bomb is refused after reading its directory, never inflated.
struct XLSXArchive {
    private let archive: Archive
    /// Entries by lowercased path: part names in Office Open XML ignore case.
    private let entries: [String: Entry]
    private let limits: DataLimits
    /// Bytes that may still be inflated from this workbook.
    private var budget: Int

    /// The most entries a workbook may hold; Excel writes a dozen or so.
    static let maxEntries = 10_000
    /// Parts smaller than this are never refused for their ratio (a run of empty rows
    /// compresses well, and a small part cannot hurt).
    static let ratioFloor = 1 << 20

    init(_ data: Data, limits: DataLimits) throws(XLSXFailure) {
        try ZIPDirectoryCheck.validate(data, maxEntries: Self.maxEntries)
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw XLSXFailure("the workbook is truncated or damaged: its ZIP directory cannot be read; save it again in Excel or WPS")
        }
        var entries: [String: Entry] = [:]
        var count = 0
        for entry in archive {
            count += 1
            guard count <= Self.maxEntries else {
                throw XLSXFailure("the file holds more than \(Self.maxEntries) ZIP entries; no workbook has that many parts")
            }
            let key = entry.path.lowercased()
            if entry.type == .file, entries[key] == nil { entries[key] = entry }
        }
        self.entries = entries
        self.limits = limits
        budget = limits.maxUncompressedSize
    }

    func contains(_ path: String) -> Bool {
        entries[path.lowercased()] != nil
    }

    /// The inflated bytes of the part at `path`, nil when there is none. Throws when the part
    /// would pass a limit or cannot be inflated.
    mutating func bytes(of path: String) throws(XLSXFailure) -> [UInt8]? {
        guard let entry = entries[path.lowercased()] else { return nil }
        let declared = entry.uncompressedSize
        let compressed = max(entry.compressedSize, 1)
        if declared > UInt64(budget) {
            let limit = limits.maxUncompressedSize
            if declared > UInt64(limit) {
                throw XLSXFailure("\(path) would inflate to \(declared) bytes, over the limit of \(limit) bytes")
            }
            throw XLSXFailure(
                "\(path) would inflate to \(declared) bytes, which with the \(limit - budget) bytes of the parts before it pass the limit of \(limit) bytes")
        }
        if declared > UInt64(Self.ratioFloor), declared / compressed > UInt64(limits.maxCompressionRatio) {
            throw XLSXFailure(
                "\(path) is compressed \(declared / compressed) to 1, more than \(limits.maxCompressionRatio) to 1: refused as a possible zip bomb")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(declared))
        var checksum = ZIPChecksum()
        let limit = Int(declared)
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: true) { chunk in
                guard bytes.count + chunk.count <= limit else { throw Overrun() }
                chunk.withUnsafeBytes { raw in
                    checksum.update(raw)
                    bytes.append(contentsOf: raw)
                }
            }
        } catch is Overrun {
            throw XLSXFailure("\(path) inflates past the \(declared) bytes its ZIP entry declares: the file is damaged or hostile")
        } catch {
            throw XLSXFailure("\(path) cannot be inflated (\(error)); the file is damaged, save the workbook again")
        }
        guard bytes.count == limit, checksum.value == entry.checksum else {
            throw XLSXFailure("\(path) is damaged (its checksum does not match); save the workbook again")
        }
        budget -= bytes.count
        return bytes
    }

    private struct Overrun: Error {}
}

/// A problem with a whole workbook: the message follows the file's path
/// (`data/cities.xlsx: error: is encrypted …`).
struct XLSXFailure: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
