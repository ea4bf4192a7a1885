/// The two safety rules cmark-gfm's HTML writer applies to values the body tree carries, so
/// the tree holds what the HTML shows: GFM's tagfilter on raw HTML and safe mode's blanking of
/// dangerous link destinations.
enum HTMLSafety {
    /// Tags the tagfilter extension disarms (GFM spec, "Disallowed Raw HTML").
    private static let filteredTags: [[UInt8]] = [
        "title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext",
    ].map { Array($0.utf8) }

    /// `html` with the `<` of every filtered tag written `&lt;`. A raw HTML block is checked at
    /// every `<`; an inline HTML node only at its first byte, as cmark-gfm does.
    static func tagFiltered(_ html: String, isBlock: Bool) -> String {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        var changed = false
        for index in bytes.indices {
            if bytes[index] == UInt8(ascii: "<"), isBlock || index == 0, opensFilteredTag(bytes[index...]) {
                output += Array("&lt;".utf8)
                changed = true
            } else {
                output.append(bytes[index])
            }
        }
        return changed ? String(decoding: output, as: UTF8.self) : html
    }

    /// tagfilter's `is_tag`: `<` or `</`, a filtered name in any case, then white space, `>`
    /// or `/>`.
    private static func opensFilteredTag(_ tag: ArraySlice<UInt8>) -> Bool {
        guard tag.count >= 3 else { return false }
        var start = tag.startIndex + 1
        if tag[start] == UInt8(ascii: "/") { start += 1 }
        return filteredTags.contains { name in
            let end = start + name.count
            guard end < tag.endIndex,
                  zip(tag[start..<end], name).allSatisfy({ lowercased($0) == $1 })
            else { return false }
            let next = tag[end]
            if next == UInt8(ascii: ">") || isSpace(next) { return true }
            return next == UInt8(ascii: "/") && end + 1 < tag.endIndex && tag[end + 1] == UInt8(ascii: ">")
        }
    }

    /// Whether safe mode drops `url` from `href`/`src`: `javascript:`, `vbscript:`, `file:` and
    /// `data:` other than PNG, GIF, JPEG or WebP images, in any case (cmark's `scan_dangerous_url`).
    static func isDangerous(url: String) -> Bool {
        let head = String(url.utf8.prefix(16).map { Character(Unicode.Scalar(lowercased($0))) })
        for image in ["png", "gif", "jpeg", "webp"] where head.hasPrefix("data:image/" + image) {
            return false
        }
        return ["javascript:", "vbscript:", "file:", "data:"].contains { head.hasPrefix($0) }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    /// cmark's `cmark_isspace`: space, tab, line feed, vertical tab, form feed, carriage return.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
