import Foundation

/// Checks the directory of a ZIP file before ZIPFoundation reads it from memory.
///
/// ZIPFoundation's in-memory archive seeks wherever an offset in the file points and traps
/// when it then reads past the end (`Archive.MemoryFile.readData`: "Range requires lowerBound
/// <= upperBound"; found by fuzzing), and ZIP64 fields of 64 bits can overflow its
/// arithmetic. So the directory is walked here first, exactly where ZIPFoundation will walk it
/// (the last end-of-directory record, then each central directory entry and its local header),
/// and a file is refused unless every offset it would seek to lies within the file. A ZIP64
/// directory or a ZIP64 field in the central directory (64-bit sizes and offsets) is refused:
/// a workbook within the limits never needs one. ZIP version 4.5 alone is read: Apache POI's
/// streaming writer marks every part so and puts its sizes in a ZIP64 data descriptor, which
/// ZIPFoundation reads only for the sizes it reports, never to seek.
enum ZIPDirectoryCheck {
    static let endOfDirectorySignature: UInt32 = 0x0605_4B50
    static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    static let zip64RecordSignature: UInt32 = 0x0606_4B50
    static let centralEntrySignature: UInt32 = 0x0201_4B50
    static let localHeaderSignature: UInt32 = 0x0403_4B50

    /// Throws the reason when ZIPFoundation must not read `data`.
    static func validate(_ data: Data, maxEntries: Int) throws(XLSXFailure) {
        let problem: XLSXFailure? = data.withUnsafeBytes { raw in
            do throws(XLSXFailure) {
                try validate(raw, maxEntries: maxEntries)
                return nil
            } catch {
                return error
            }
        }
        if let problem { throw problem }
    }

    static func validate(_ bytes: UnsafeRawBufferPointer, maxEntries: Int) throws(XLSXFailure) {
        let damaged = XLSXFailure("the workbook is truncated or damaged: its ZIP directory cannot be read; save it again in Excel or WPS")
        let count = bytes.count
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        func has(_ length: Int, at offset: Int) -> Bool { offset >= 0 && offset <= count && count - offset >= length }

        // As ZIPFoundation scans: from 22 bytes before the end back to the start, the first
        // signature found.
        var end = count - 22
        while end >= 0, u32(end) != endOfDirectorySignature { end -= 1 }
        guard end >= 0 else { throw damaged }
        if end > 20 + 56, u32(end - 20) == zip64LocatorSignature, u32(end - 20 - 56) == zip64RecordSignature {
            throw XLSXFailure("the workbook is a ZIP64 archive, which no workbook within the limits needs; save it again in Excel or WPS")
        }
        let entries = u16(end + 10)
        guard entries <= maxEntries else {
            throw XLSXFailure("the file holds more than \(maxEntries) ZIP entries; no workbook has that many parts")
        }
        var position = u32(end + 16)
        for _ in 0..<entries {
            guard has(46, at: position), u32(position) == centralEntrySignature else { throw damaged }
            let flags = u16(position + 8)
            let method = u16(position + 10)
            let compressedSize = u32(position + 20)
            let uncompressedSize = u32(position + 24)
            let nameLength = u16(position + 28)
            let extraLength = u16(position + 30)
            let commentLength = u16(position + 32)
            let localHeader = u32(position + 42)
            let extra = position + 46 + nameLength
            guard has(nameLength + extraLength + commentLength, at: position + 46) else { throw damaged }
            if containsZIP64Field(bytes, from: extra, length: extraLength) {
                throw XLSXFailure("the workbook is a ZIP64 archive, which no workbook within the limits needs; save it again in Excel or WPS")
            }
            guard has(30, at: localHeader), u32(localHeader) == localHeaderSignature else { throw damaged }
            // Where extracting seeks (the local header's own lengths), and the data's size as
            // ZIPFoundation counts it to find a data descriptor (by the central method).
            let dataStart = localHeader + 30 + u16(localHeader + 26) + u16(localHeader + 28)
            let dataSize = method == 0 ? uncompressedSize : compressedSize
            guard has(dataSize, at: dataStart) else { throw damaged }
            // A data descriptor follows the data when bit 3 is set.
            if flags & 0x8 != 0, !has(12, at: dataStart + dataSize) { throw damaged }
            position = extra + extraLength + commentLength
        }
    }

    /// Whether the extra field holds a ZIP64 extended information block (header ID 1).
    private static func containsZIP64Field(_ bytes: UnsafeRawBufferPointer, from start: Int, length: Int) -> Bool {
        var offset = start
        while offset + 4 <= start + length {
            let id = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
            let size = Int(bytes[offset + 2]) | Int(bytes[offset + 3]) << 8
            if id == 1 { return true }
            offset += 4 + size
        }
        return false
    }
}
