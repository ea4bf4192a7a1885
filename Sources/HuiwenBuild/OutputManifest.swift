import Foundation

/// `output/.huiwen-manifest`: every file huiwen wrote into the output folder, with the template
/// it came from. A build deletes only files listed here (never a file it did not write), and
/// keeps the entries of documents that failed, so their previous files stay in place.
///
/// One line per file, sorted: `FILE<TAB>TEMPLATE<TAB>LAYOUT<TAB>TITLE<TAB>RECIPIENTS` (the last
/// three for pages, so the index can list a document that was not rebuilt this time).
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
            // A journal cut off mid-line by a kill ends in a partial line: it has too few fields.
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard fields.count == 5, OutputWriter.isPlainFileName(fields[0]) else { continue }
                entries[fields[0]] = Entry(
                    file: fields[0], template: fields[1], layout: fields[2], title: fields[3], recipients: fields[4])
            }
        }
    }

    var text: String {
        entries.keys.sorted().map { Self.line(entries[$0]!) }.joined()
    }

    /// The line of one entry, with its line break.
    static func line(_ entry: Entry) -> String {
        [entry.file, entry.template, entry.layout, clean(entry.title), clean(entry.recipients)].joined(separator: "\t") + "\n"
    }

    /// Tabs and line breaks would break the line format; titles never need them.
    private static func clean(_ text: String) -> String {
        String(text.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : Character($0) })
    }
}
