/// Searching bytes for a run of bytes: template tags in a template's UTF-8, keys in a PDF.
public enum ByteSearch {
    /// The first index at or after `start` where `needle` begins in `bytes`; nil when it does not.
    public static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start >= 0, needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matches = true
                var offset = 1
                while offset < needle.count {
                    if bytes[index + offset] != needle[offset] { matches = false; break }
                    offset += 1
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }
}
