import Foundation
import HuiwenData

/// A 128-bit hash of a document's inputs that is the same in every process and on every
/// machine (Swift's `Hasher` is seeded per process), so that the manifest can keep it: two
/// 64-bit lanes, FNV-1a and a multiply-rotate lane, over length-prefixed fields. Not a
/// cryptographic hash: it tells a changed input from an unchanged one; nobody chooses inputs
/// to collide with the documents of their own project.
struct InputHash {
    private var fnv: UInt64 = 0xcbf2_9ce4_8422_2325
    private var mix: UInt64 = 0x9e37_79b9_7f4a_7c15

    init() {}

    /// A hash of `fields` in order.
    init(_ fields: String...) {
        for field in fields { combine(field) }
    }

    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(length: $0.count, bytes: UnsafeRawBufferPointer($0)) }
    }

    mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine(length: $0.count, bytes: $0) }
    }

    private mutating func combine(length: Int, bytes: UnsafeRawBufferPointer) {
        var count = UInt64(length)
        withUnsafeBytes(of: &count) { add($0) }
        add(bytes)
    }

    private mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var fnv = fnv, mix = mix
        for byte in bytes {
            fnv = (fnv ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            mix = (mix ^ UInt64(byte)) &* 0xff51_afd7_ed55_8ccd
            mix = (mix << 29) | (mix >> 35)
        }
        self.fnv = fnv
        self.mix = mix
    }

    /// A value of the data, as the documents see it: its kind and contents, not where it was
    /// read (a row moved down the sheet is the same row).
    mutating func combine(_ value: Value) {
        switch value.kind {
        case .map(let entries):
            combine("{\(entries.count)")
            for (key, entry) in entries {
                combine(key)
                combine(entry)
            }
        case .list(let items):
            combine("[\(items.count)")
            for item in items { combine(item) }
        case .string(let text): combine("s"); combine(text)
        case .number(let number):
            // Its bytes (digits and exponent), not its text: Decimal's description is slow.
            // `1.50` and `1.5` hash apart, which only costs a document built again.
            var number = number
            combine("n")
            withUnsafeBytes(of: &number) { add($0) }
        case .bool(let flag): combine(flag ? "t" : "f")
        case .date(let date): combine("d"); combine(date.description)
        case .null: combine("0")
        }
    }

    /// 32 hexadecimal digits.
    var hex: String {
        String(fnv, radix: 16).leftPadded(to: 16) + String(mix, radix: 16).leftPadded(to: 16)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
