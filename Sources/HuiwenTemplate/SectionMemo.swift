import HuiwenData
import HuiwenDiagnostics
import OrderedCollections
import Synchronization

/// The text of sections that every document of a batch renders alike, kept from one merge to
/// the next: a notice per city repeats the same task table 2,000 times.
///
/// A section over a list is kept when its render read nothing but its own items (every name
/// found in a frame the section pushed: none from the item or the data around it), its body
/// holds no partial, parent or block (their indentation and expansion counts are render
/// state), and it reported no problem. It is used again when the same tag (its template
/// position) meets an equal list (`Value ==`, at once when the list is the same storage).
/// Whatever the section read came from that list, so the text, its escaped ranges and the
/// line state after it are what a render would make: the output is byte-identical with or
/// without the memo (tested).
///
/// One entry per tag: a tag whose list differs from document to document replaces its entry
/// instead of growing the memo. Shared by the threads that merge a template's documents.
public final class SectionMemo: Sendable {
    struct Entry {
        /// The list the text was rendered from.
        var value: Value
        var text: String
        /// Escaped ranges of `text`, from its start.
        var escapedRanges: [Range<Int>]
        /// Whether `text` ended a line.
        var endsLine: Bool
    }

    private let entries = Mutex<[SourceLocation: Entry]>([:])
    /// Whether each tag's body can be kept (no partial, parent or block in it), decided once.
    private let verdicts = Mutex<[SourceLocation: Bool]>([:])

    public init() {}

    /// The entry for the tag at `location` if it was rendered from a list equal to `value`.
    func entry(at location: SourceLocation, for value: Value) -> Entry? {
        guard let entry = entries.withLock({ $0[location] }), entry.value == value else { return nil }
        return entry
    }

    func keep(_ entry: Entry, at location: SourceLocation) {
        entries.withLock { $0[location] = entry }
    }

    /// How many sections are kept (for tests).
    var count: Int { entries.withLock { $0.count } }

    /// Whether the section at `location` with `body` may be kept; decided once per tag.
    func accepts(_ body: [TemplateNode], at location: SourceLocation) -> Bool {
        if let verdict = verdicts.withLock({ $0[location] }) { return verdict }
        let verdict = Self.holdsOnlyTextValuesAndSections(body)
        verdicts.withLock { $0[location] = verdict }
        return verdict
    }

    private static func holdsOnlyTextValuesAndSections(_ nodes: [TemplateNode]) -> Bool {
        nodes.allSatisfy { node in
            switch node {
            case .text, .interpolation: true
            case .section(_, _, let body, _): holdsOnlyTextValuesAndSections(body)
            case .partial, .parent, .block: false
            }
        }
    }
}

/// The merged text of front matter fields, kept from one merge of a template to the next: in
/// a batch, `issuer: "{{meeting.issuer}}"` reads the same data for every item.
///
/// A field's text is used again when every top-level name its render read has the same value
/// in the new context (`Value ==`, at once for the same storage); a name the item gives
/// (`recipients: "{{人民政府}}："`) differs, so that field is rendered. A render that included
/// a partial, read the whole context or failed is not kept.
final class FieldMemo: Sendable {
    struct Entry {
        /// Each top-level name the render read, with its value then (nil: absent).
        var reads: [(name: String, value: Value?)]
        var text: String
        var inputs: TemplateInputs
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// How many fields are kept (for tests).
    var count: Int { entries.withLock { $0.count } }

    /// The entry of the field at `keyPath` if what it read is unchanged in `context`.
    func entry(at keyPath: String, in context: OrderedDictionary<String, Value>) -> Entry? {
        guard let entry = entries.withLock({ $0[keyPath] }),
            entry.reads.allSatisfy({ context[$0.name] == $0.value })
        else { return nil }
        return entry
    }

    /// Keeps `rendered` (made with `recordsInputs`) for the field at `keyPath`, when it can be.
    func keep(_ rendered: RenderedText, at keyPath: String, in context: OrderedDictionary<String, Value>) {
        let inputs = rendered.inputs
        guard inputs.partialPaths.isEmpty, !inputs.rootNames.contains(TemplateInputs.wholeContext) else { return }
        let reads = inputs.rootNames.map { (name: $0, value: context[$0]) }
        entries.withLock { $0[keyPath] = Entry(reads: reads, text: rendered.text, inputs: inputs) }
    }
}
