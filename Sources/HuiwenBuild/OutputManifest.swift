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

    /// The manifest of `directory`, with the entries of a journal left by a build that did not
    /// finish (the manifest's own entry wins for a file in both).
    init(reading directory: URL) {
        for name in [Self.journalName, Self.fileName] {
            guard let data = try? Data(contentsOf: directory.appendingPathComponent(name)) else { continue }
            // Bytes, not `String.split`: an unchanged rebuild of 20,000 documents reads 40,000 lines.
            data.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                var fields: [String] = []
                var start = 0
                for index in bytes.indices where bytes[index] == 0x09 || bytes[index] == 0x0A {
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    start = index + 1
                    if bytes[index] == 0x0A {
                        add(fields)
                        fields.removeAll(keepingCapacity: true)
                    }
                }
                // A journal cut off mid-line by a kill ends in a partial line: it is left out.
            }
        }
    }

    private mutating func add(_ fields: [String]) {
        guard fields.count == 5 || fields.count == 9, OutputWriter.isPlainFileName(fields[0]) else { return }
        entries[fields[0]] = Entry(
            file: fields[0], template: fields[1], layout: fields[2], title: fields[3], recipients: fields[4],
            cache: fields.count == 9 ? Self.record(fields[5...]) : nil)
    }

    var text: String {
        text(of: sortedFiles)
    }

    /// The manifest's text, its files given in order.
    func text(of sortedFiles: [String]) -> String {
        sortedFiles.map { Self.line(entries[$0]!) }.joined()
    }

    /// The file names in order.
    var sortedFiles: [String] {
        entries.keys.sorted()
    }

    /// The line of one entry, with its line break.
    static func line(_ entry: Entry) -> String {
        var fields = [entry.file, entry.template, entry.layout, clean(entry.title), clean(entry.recipients)]
        if let record = entry.cache {
            fields += [record.key, record.hash, field(record.files), record.inputList]
        }
        return fields.joined(separator: "\t") + "\n"
    }

    /// A cache record's four fields; nil when they do not read as one.
    private static func record(_ fields: ArraySlice<String>) -> DocumentCache.Record? {
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
