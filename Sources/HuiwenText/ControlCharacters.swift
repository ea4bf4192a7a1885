/// What huiwen does with control characters in text it writes (HTML forbids them, XML 1.0
/// forbids most, and they show nothing): NUL becomes U+FFFD, as CommonMark makes it; the
/// other C0 controls but tab, line feed and carriage return, DEL and the C1 controls
/// (U+0080–U+009F) are removed. Every writer applies it, so a page and a Word file show the
/// same text; `{{x}}` in a body also turns line breaks into spaces (`MarkdownEscaper`).
///
/// ```swift
/// ControlCharacters.cleaned("a\u{0}b\u{1B}[31mc")  // "a\u{FFFD}b[31mc"
/// ```
public enum ControlCharacters {
    /// What becomes of `scalar`: nil when it is removed.
    @inline(__always)
    public static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x00: "\u{FFFD}"
        case 0x09, 0x0A, 0x0D: scalar
        case 0x01..<0x20, 0x7F...0x9F: nil
        default: scalar
        }
    }

    /// `text` cleaned; text without a control character comes back untouched, found in one
    /// pass over its bytes.
    public static func cleaned(_ text: String) -> String {
        guard needsCleaning(text) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let kept = replacement(for: scalar) { result.append(kept) }
        }
        return String(result)
    }

    /// Whether `text` holds a character `cleaned` changes (or 0xC2, the lead byte of the C1
    /// controls and of U+00A0–U+00BF: those few take the slow path for nothing).
    public static func needsCleaning(_ text: String) -> Bool {
        let utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable(containsSuspect) ?? utf8.contains(where: isSuspect)
    }

    /// `isSuspect` over `bytes`, eight at a time: a page is tens of kilobytes, and every writer
    /// scans each one. A word is looked at byte by byte only when it may hold a byte below 0x20
    /// (tab and line feed are common), 0x7F or 0xC2; the word tests never miss one.
    static func containsSuspect(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            let below20 = (word &- ones &* 0x20) & ~word & highBits
            let delete = word ^ (ones &* 0x7F)
            let lead = word ^ (ones &* 0xC2)
            let equal = ((delete &- ones) & ~delete | (lead &- ones) & ~lead) & highBits
            if below20 | equal != 0 {
                for offset in 0..<8 where isSuspect(base[index + offset]) { return true }
            }
            index += 8
        }
        while index < bytes.count {
            if isSuspect(base[index]) { return true }
            index += 1
        }
        return false
    }

    @inline(__always)
    static func isSuspect(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F || byte == 0xC2
    }
}
