import Foundation

/// `output/.huiwen-manifest`: every file huiwen wrote into the output folder, with the template
/// it came from. A build deletes only files listed here (never a file it did not write), and
/// keeps the entries of documents that failed, so their previous files stay in place.
///
/// One line per file, sorted: `FILE<TAB>TEMPLATE<TAB>LAYOUT<TAB>TITLE<TAB>RECIPIENTS` (the last
/// three for pages, so the index can list a document that was not rebuilt this time). A
/// document's first file adds `<TAB>KEY<TAB>HASH<TAB>FILES<TAB>INPUTS`, its `DocumentCache`
/// record: FILES and INPUTS comma-separated, `%`-escaped.
///
/// The manifest is rewritten once, at the end of a build; a file the build writes under a name
/// the manifest does not list yet is first appended to the journal, `.huiwen-journal` (lines
/// of the same form), and removed once the manifest is written. A build killed in between
/// leaves the journal, which the next build reads with the manifest: every file huiwen wrote
/// stays accounted for, so none is left behind that a later build could not remove.
struct OutputManifest: Sendable, Equatable {
    static let fileName = ".huiwen-manifest"
    static let journalName = ".huiwen-journal"

    struct Entry: Sendable, Equatable {
        var file: String
        var template: String
        var layout: String
        var title: String
        var recipients: String = ""
        /// The document's cache record, on its first file's line.
        var cache: DocumentCache.Record?
    }

    var entries: [String: Entry] = [:]

    init(entries: [Entry] = []) {
        for entry in entries { self.entries[entry.file] = entry }
    }

    /// The entry of a line's fields (5, or 9 with a cache record); the previous build's
    /// manifest is read by `ManifestFile`.
    static func entry(fields: [String]) -> Entry {
        Entry(
            file: fields[0], template: fields[1], layout: fields[2], title: fields[3], recipients: fields[4],
            cache: fields.count == 9 ? record(fields[5...]) : nil)
    }

    /// The file names in order.
    var sortedFiles: [String] {
        entries.keys.sorted()
    }

    /// The manifest's bytes, its files given in order; `replacement` gives the line of a file
    /// in place of its entry (the index's own line). Sized before it is filled (exactly, unless
    /// a file name needs `%`-escapes): the manifest of 20,000 documents is 10 MB, and a growing
    /// array holds its old storage and its new at once.
    func bytes(of sortedFiles: [String], replacement: (String) -> Entry? = { _ in nil }) -> [UInt8] {
        func entry(_ file: String) -> Entry { replacement(file) ?? entries[file]! }
        var count = 0
        for file in sortedFiles {
            let entry = entry(file)
            // Five fields, or nine with a cache record, each followed by a tab or the line break.
            count += [entry.file, entry.template, entry.layout, entry.title, entry.recipients].reduce(5) { $0 + $1.utf8.count }
            if let record = entry.cache {
                count += 4 + record.key.utf8.count + record.hash.utf8.count + record.inputList.utf8.count
                count += record.files.reduce(max(0, record.files.count - 1)) { $0 + $1.utf8.count }
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        for file in sortedFiles { Self.append(entry(file), to: &bytes) }
        return bytes
    }

    /// The line of one entry, with its line break.
    static func line(_ entry: Entry) -> String {
        var bytes: [UInt8] = []
        append(entry, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the line of one entry, with its line break.
    private static func append(_ entry: Entry, to bytes: inout [UInt8]) {
        for (index, field) in fields(of: entry).enumerated() {
            if index > 0 { bytes.append(0x09) }
            bytes.append(contentsOf: field.utf8)
        }
        bytes.append(0x0A)
    }

    /// The fields of one entry's line.
    private static func fields(of entry: Entry) -> [String] {
        var fields = [entry.file, entry.template, entry.layout, clean(entry.title), clean(entry.recipients)]
        if let record = entry.cache {
            fields += [record.key, record.hash, field(record.files), record.inputList]
        }
        return fields
    }

    /// A cache record's four fields; nil when they do not read as one.
    static func record(_ fields: ArraySlice<String>) -> DocumentCache.Record? {
        let fields = Array(fields)
        let files = list(fields[2])
        guard !fields[0].isEmpty, !fields[1].isEmpty, !files.isEmpty else { return nil }
        return DocumentCache.Record(key: fields[0], hash: fields[1], inputList: fields[3], files: files)
    }

    /// Names as one comma-separated field.
    static func field(_ names: [String]) -> String {
        names.map(escaped).joined(separator: ",")
    }

    /// The names of a comma-separated field.
    static func list(_ field: String) -> [String] {
        var names: [String] = []
        var utf8 = field.utf8[...]
        while !utf8.isEmpty {
            let end = utf8.firstIndex(of: 0x2C) ?? utf8.endIndex
            if end > utf8.startIndex { names.append(unescaped(Substring(utf8[..<end]))) }
            utf8 = end == utf8.endIndex ? utf8[end...] : utf8[utf8.index(after: end)...]
        }
        return names
    }

    /// A name in a comma-separated field: `%`, `,`, tabs and line breaks `%`-escaped.
    private static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x25 || $0 == 0x2C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%", ",", "\t", "\n", "\r": result += String(format: "%%%02X", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func unescaped(_ text: Substring) -> String {
        guard text.utf8.contains(0x25) else { return String(text) }
        return String(text).removingPercentEncoding ?? String(text)
    }

    /// Tabs and line breaks would break the line format; titles never need them.
    private static func clean(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return String(text.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : Character($0) })
    }
}
