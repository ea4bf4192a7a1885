import HuiwenDiagnostics

/// Where the pieces of a merged text came from, so that a problem a later stage finds in the
/// merged Markdown (a chart's spec) is reported in the template file, or in the partial, that
/// wrote it. Made when `RenderOptions.recordsSourceMap` asks for it.
///
/// ```swift
/// let map = rendered.sourceMap              // of "年份：{{year}}\n```chart\n"
/// map?.location(ofByte: 14, in: rendered.text)   // templates/outline.md:9:1, the fence
/// ```
///
/// A byte of template text maps to its own line and column; a byte of a value written by a tag
/// maps to the tag. Lines a partial writes are mapped without the indentation the partial's
/// tag added.
public struct TemplateSourceMap: Sendable, Hashable {
    /// A piece of the merged text: it starts at `offset` (UTF-8) and runs to the next anchor.
    struct Anchor: Sendable, Hashable {
        var offset: Int
        /// Template text: where its first byte is. A value: its tag.
        var location: SourceLocation
        var isTemplateText: Bool
    }

    var anchors: [Anchor] = []

    /// The file position of the byte at `offset` of `text` (the merged text this map was made
    /// with); nil before the first piece (nothing was written there).
    public func location(ofByte offset: Int, in text: String) -> SourceLocation? {
        // The last anchor at or before `offset`.
        var low = 0
        var high = anchors.count
        while low < high {
            let middle = (low + high) / 2
            if anchors[middle].offset <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let anchor = anchors[low - 1]
        guard anchor.isTemplateText else { return anchor.location }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: min(anchor.offset, utf8.count))
        let end = utf8.index(utf8.startIndex, offsetBy: min(max(offset, anchor.offset), utf8.count))
        return anchor.location.advanced(over: String(decoding: utf8[start..<end], as: UTF8.self)[...])
    }

    mutating func append(offset: Int, location: SourceLocation, isTemplateText: Bool) {
        // A piece that wrote nothing is replaced by the one that follows it at the same offset.
        if let last = anchors.last, last.offset == offset { anchors.removeLast() }
        anchors.append(Anchor(offset: offset, location: location, isTemplateText: isTemplateText))
    }
}
