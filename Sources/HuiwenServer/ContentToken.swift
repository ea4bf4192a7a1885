/// A short version string for a page's content: FNV-1a (64 bit) of its UTF-8, in hex. Equal
/// content gives an equal token in any process, so a restarted server does not reload pages
/// that did not change.
enum ContentToken {
    static func of(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
