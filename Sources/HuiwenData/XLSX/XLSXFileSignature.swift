import Foundation

/// The first check of a file named `.xlsx`: is it a ZIP archive at all? Files that are not
/// get one message a person can act on: an encrypted workbook and an old `.xls` are both OLE
/// compound files (magic `D0 CF 11 E0`), told apart by the streams they hold.
enum XLSXFileSignature {
    static func check(_ data: Data) throws(XLSXFailure) {
        // The first 4 KiB say it all, except for a compound file, whose directory is anywhere.
        let bytes = [UInt8](data.prefix(4096))
        guard !bytes.isEmpty else {
            throw XLSXFailure("the file is empty, not an Excel workbook")
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return }
        if bytes.starts(with: compoundFileMagic) {
            let bytes = [UInt8](data)
            if hasStream("EncryptedPackage", in: bytes) {
                throw XLSXFailure(
                    "the workbook is encrypted (it asks for a password to open), so it cannot be read; save a copy without the password (Excel: File › Info › Protect Workbook › Encrypt with Password; WPS: 文件 › 文档加密)")
            }
            if hasStream("Workbook", in: bytes) || hasStream("Book", in: bytes) {
                throw XLSXFailure(
                    "is an Excel 97–2003 workbook (.xls) named .xlsx; open it in Excel or WPS and save it as an Excel workbook (.xlsx)")
            }
            throw XLSXFailure("is an OLE compound file (an old Office format), not an Excel workbook (.xlsx)")
        }
        if bytes.starts(with: [0x50, 0x4B]) {
            throw XLSXFailure("the workbook is truncated or damaged: it is not a complete ZIP archive; save it again in Excel or WPS")
        }
        if looksLikeText(bytes) {
            throw XLSXFailure(
                "holds text, not an Excel workbook (.xlsx files are ZIP archives); a CSV file must be named .csv, anything else must be saved as .xlsx in Excel or WPS")
        }
        let head = bytes.prefix(4).map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }
        throw XLSXFailure("is not an Excel workbook (.xlsx files are ZIP archives; this file starts with \(head.joined(separator: " ")))")
    }

    /// Whether the start of the file is UTF-8 text without NUL bytes (a scalar cut by the
    /// 4 KiB window does not count against it).
    static func looksLikeText(_ head: [UInt8]) -> Bool {
        guard !head.contains(0) else { return false }
        return (0...3).contains { cut in
            head.count - cut > 0 && String(validating: head.dropLast(cut), as: UTF8.self) != nil
        }
    }

    static let compoundFileMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Whether a directory entry of the compound file names `stream`. Entries are 128 bytes in
    /// sectors of 512 or 4096 bytes, so each starts at a multiple of 128: the name in UTF-16LE,
    /// then at byte 64 its length in bytes with the terminating zero.
    static func hasStream(_ stream: String, in bytes: [UInt8]) -> Bool {
        let name = Array(stream.utf16).flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
        let length = name.count + 2
        var offset = 512
        while offset + 128 <= bytes.count {
            if bytes[offset] == name[0], bytes[offset..<(offset + name.count)].elementsEqual(name),
                Int(bytes[offset + 64]) | Int(bytes[offset + 65]) << 8 == length
            {
                return true
            }
            offset += 128
        }
        return false
    }
}
