/// Collects the text of a string item: a shared string (`<si>`) or an inline string (`<is>`).
///
/// The text is its `<t>` elements one after another, so rich text (runs `<r>` with their own
/// fonts) reads as its plain text; phonetic guides (`<rPh>`) are left out. Excel writes
/// characters XML cannot hold as `_xHHHH_` (`_x000D_` for a carriage return, `_x005F_` for an
/// underscore that would start such an escape); they are resolved.
struct RichTextReader {
    private var inText = false
    private var inPhonetic = false
    private var buffer: [UInt8] = []

    init() {
        buffer.reserveCapacity(64)
    }

    /// Starts the next item, keeping the buffer's storage.
    mutating func reset() {
        inText = false
        inPhonetic = false
        buffer.removeAll(keepingCapacity: true)
    }

    /// Takes one event from inside the item.
    mutating func take(_ event: XMLScanner.Event, from scanner: borrowing XMLScanner) throws(XMLError) {
        switch event {
        case .start where scanner.isName("t"):
            inText = !inPhonetic
        case .start where scanner.isName("rPh"):
            inPhonetic = true
        case .end where scanner.isName("t"):
            inText = false
        case .end where scanner.isName("rPh"):
            inPhonetic = false
        case .text where inText:
            try scanner.appendCurrentText(to: &buffer)
        default:
            break
        }
    }

    /// The item's text.
    mutating func text(in scanner: borrowing XMLScanner) throws(XMLError) -> String {
        ExcelEscapes.resolve(in: &buffer)
        return try buffer.withUnsafeBufferPointer { (bytes) throws(XMLError) in
            try scanner.validString(bytes, at: scanner.offset)
        }
    }
}

/// Excel's `_xHHHH_` escapes of UTF-16 code units in cell text.
enum ExcelEscapes {
    /// Resolves the escapes in UTF-8 `bytes` in place (the text only shrinks); an escape of a
    /// lone surrogate or of a malformed form stays as written.
    static func resolve(in bytes: inout [UInt8]) {
        guard let first = firstEscape(in: bytes, from: 0) else { return }
        var output = Array(bytes[..<first])
        var index = first
        while index < bytes.count {
            guard let unit = codeUnit(in: bytes, at: index) else {
                output.append(bytes[index])
                index += 1
                continue
            }
            var scalar = Unicode.Scalar(UInt32(unit))
            var width = 7
            if UTF16.isLeadSurrogate(unit), let trail = codeUnit(in: bytes, at: index + 7), UTF16.isTrailSurrogate(trail) {
                scalar = Unicode.Scalar(0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(trail - 0xDC00))
                width = 14
            }
            if let scalar {
                output.append(contentsOf: UTF8.encode(scalar)!)
                index += width
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        bytes = output
    }

    private static func firstEscape(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 7 <= bytes.count {
            if bytes[index] == UInt8(ascii: "_"), codeUnit(in: bytes, at: index) != nil { return index }
            index += 1
        }
        return nil
    }

    /// The code unit of an escape `_xHHHH_` starting at `index`.
    private static func codeUnit(in bytes: [UInt8], at index: Int) -> UInt16? {
        guard index + 7 <= bytes.count, bytes[index] == UInt8(ascii: "_"), bytes[index + 1] == UInt8(ascii: "x"),
            bytes[index + 6] == UInt8(ascii: "_")
        else { return nil }
        var unit: UInt16 = 0
        for offset in 2..<6 {
            let byte = bytes[index + offset]
            let digit: UInt16
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt16(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt16(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt16(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            unit = unit << 4 | digit
        }
        return unit
    }
}
