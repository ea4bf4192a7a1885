import Foundation

/// A file format a document is written in: front matter's `formats:` and the command line's
/// `--to` name them.
public enum OutputFormat: String, CaseIterable, Sendable, Hashable, Comparable {
    /// The self-contained HTML page (`NAME.html`) and the merged Markdown (`NAME.md`).
    case html
    /// The Word file (`NAME.docx`).
    case docx
    /// The page printed by headless Chromium (`NAME.pdf`).
    case pdf

    /// The order formats are written in: the order of the cases.
    public static func < (lhs: OutputFormat, rhs: OutputFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The formats named in a comma-separated list (`html,docx`); nil with the first name
    /// that is not a format.
    public static func list(_ text: String) -> Result<[OutputFormat], UnknownName> {
        var formats: [OutputFormat] = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let format = OutputFormat(rawValue: name.lowercased()) else { return .failure(UnknownName(name: name)) }
            if !formats.contains(format) { formats.append(format) }
        }
        return .success(formats)
    }

    /// A name that is no format, with the nearest one.
    public struct UnknownName: Error, Sendable, CustomStringConvertible {
        public var name: String
        public var description: String {
            let choices = OutputFormat.allCases.map(\.rawValue)
            let hint = NameSuggester.closest(to: name, among: choices).map { "; did you mean '\($0)'?" } ?? ""
            return "unknown format '\(name)' (formats: \(choices.joined(separator: ", ")))\(hint)"
        }
    }
}
