import Foundation
import HuiwenDiagnostics

/// Reads a user's text file, turning every way it can fail into one clear diagnostic:
/// missing, a directory, unreadable, or not UTF-8 (with the byte offset).
public enum SourceReader {
    /// The text of the file at `path` (as the user wrote it, used in messages).
    public static func readText(atPath path: String, relativeTo base: URL? = nil) throws(Diagnostic) -> String {
        let url = base.map { URL(fileURLWithPath: path, relativeTo: $0) } ?? URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw Diagnostic(path: path, "no such file")
        }
        if isDirectory.boolValue {
            throw Diagnostic(path: path, "is a directory, not a file")
        }
        let bytes: Data
        do {
            bytes = try Data(contentsOf: url)
        } catch {
            throw Diagnostic(path: path, "cannot read file (\(Self.reason(error)))")
        }
        return try UTF8Validation.decode(Array(bytes), path: path)
    }

    /// All of standard input as UTF-8 text; `path` names it in messages (`<stdin>`).
    public static func readStandardInput(path: String = "<stdin>") throws(Diagnostic) -> String {
        let bytes = FileHandle.standardInput.readDataToEndOfFile()
        return try UTF8Validation.decode(Array(bytes), path: path)
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain, let message = strerror(Int32(underlying.code))
        {
            return String(cString: message).lowercased()
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoPermissionError {
            return "permission denied"
        }
        return nsError.localizedDescription
    }
}
