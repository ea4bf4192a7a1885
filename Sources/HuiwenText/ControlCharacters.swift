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
    /// scans each one. The word tests are exact per byte (no borrow crosses a byte), so the
    /// tabs and line feeds of every line cost nothing extra.
    static func containsSuspect(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var index = 0
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            if suspectBytes(in: word) != 0 { return true }
            index += 8
        }
        while index < bytes.count {
            if isSuspect(base[index]) { return true }
            index += 1
        }
        return false
    }

    /// The high bit of each byte of `word` that `isSuspect` accepts.
    @inline(__always)
    static func suspectBytes(in word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        /// High bit set where the byte is 0 (the 7-bit add cannot carry out of a byte).
        func zeroBytes(_ word: UInt64) -> UInt64 { ~(((word & lowBits) &+ lowBits) | word) & ~lowBits }
        // Below 0x20: the 7-bit add of 0x60 reaches the high bit for 0x20…0x7F; high bytes have it.
        let control = ~(((word & lowBits) &+ ones &* 0x60) | word) & ~lowBits
        let allowed = zeroBytes(word ^ (ones &* 0x09)) | zeroBytes(word ^ (ones &* 0x0A)) | zeroBytes(word ^ (ones &* 0x0D))
        return (control & ~allowed) | zeroBytes(word ^ (ones &* 0x7F)) | zeroBytes(word ^ (ones &* 0xC2))
    }

    @inline(__always)
    static func isSuspect(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F || byte == 0xC2
    }
}
