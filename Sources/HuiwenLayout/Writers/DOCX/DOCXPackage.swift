import Foundation
import HuiwenDiagnostics
import ZIPFoundation

/// The ZIP container of a `.docx`, built in memory with ZIPFoundation so that the same parts
/// give the same bytes on every machine and every run:
/// - entries are stored, not deflated: deflate's output differs between zlib builds (zlib-ng
///   among them), and storing costs no time in large batches;
/// - entries go in the order given (`[Content_Types].xml` first, as Office writes it);
/// - every entry has the same modification time and permissions.
enum DOCXPackage {
    /// 1980-01-01 00:00, the first instant a ZIP (MS-DOS) timestamp can hold. ZIPFoundation
    /// 0.9.20 turns a `Date` into DOS fields with `gmtime`, so the instant is taken in UTC
    /// (seconds since 1970, no calendar): the fields are 1980-01-01 00:00 whatever `TZ` says.
    /// (A `Date` built with `Calendar.current` would be 1979-12-31 16:00 UTC under
    /// Asia/Shanghai, and its DOS date 1980-12-31.)
    static let modificationDate = Date(timeIntervalSince1970: 315_532_800)
    /// rw-r--r--.
    static let permissions: UInt16 = 0o644

    /// The archive of `parts` (path inside the package, bytes), in that order.
    static func archive(_ parts: [(path: String, bytes: [UInt8])]) throws(DiagnosticError) -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, bytes) in parts {
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: modificationDate,
                    permissions: permissions, compressionMethod: .none
                ) { position, size in
                    let start = Int(position)
                    return Data(bytes[start..<min(bytes.count, start + size)])
                }
            }
            guard let data = archive.data else {
                throw DiagnosticError(Diagnostic(at: nil, "could not write the .docx: the archive holds no data"))
            }
            return [UInt8](data)
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw DiagnosticError(Diagnostic(at: nil, "could not write the .docx: \(error)"))
        }
    }
}
