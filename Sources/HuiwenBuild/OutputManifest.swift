import Foundation

/// `output/.huiwen-manifest`: every file huiwen wrote into the output folder, with the template
/// it came from. A build deletes only files listed here (never a file it did not write), and
/// keeps the entries of documents that failed, so their previous files stay in place.
///
/// One line per file, sorted: `FILE<TAB>TEMPLATE<TAB>LAYOUT<TAB>TITLE<TAB>RECIPIENTS` (the last
/// three for pages, so the index can list a document that was not rebuilt this time).
struct OutputManifest: Sendable, Equatable {
    static let fileName = ".huiwen-manifest"

    struct Entry: Sendable, Equatable {
        var file: String
        var template: String
        var layout: String
        var title: String
        var recipients: String = ""
    }

    var entries: [String: Entry] = [:]

    init(entries: [Entry] = []) {
        for entry in entries { self.entries[entry.file] = entry }
    }

    init(reading directory: URL) {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent(Self.fileName)) else { return }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5, OutputWriter.isPlainFileName(fields[0]) else { continue }
            entries[fields[0]] = Entry(
                file: fields[0], template: fields[1], layout: fields[2], title: fields[3], recipients: fields[4])
        }
    }

    var text: String {
        entries.keys.sorted().map { file in
            let entry = entries[file]!
            return [entry.file, entry.template, entry.layout, Self.clean(entry.title), Self.clean(entry.recipients)].joined(separator: "\t") + "\n"
        }.joined()
    }

    /// Tabs and line breaks would break the line format; titles never need them.
    private static func clean(_ text: String) -> String {
        String(text.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : Character($0) })
    }
}
