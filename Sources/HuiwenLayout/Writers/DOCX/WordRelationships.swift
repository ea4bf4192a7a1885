/// The hyperlinks of one part (`document.xml` or `footnotes.xml`): each distinct target is an
/// external relationship of that part, numbered in order of first use (no random ids).
struct WordRelationships {
    /// The first number hyperlinks get (the document's own parts come before them).
    private let first: Int
    private var targets: [String] = []
    private var indexes: [String: Int] = [:]

    init(first: Int) {
        self.first = first
    }

    /// The relationship id of a link to `url`.
    mutating func hyperlink(_ url: String) -> String {
        let target = Self.uriReference(url)
        if let index = indexes[target] { return "rId\(first + index)" }
        indexes[target] = targets.count
        targets.append(target)
        return "rId\(first + targets.count - 1)"
    }

    /// The `Relationship` elements of the hyperlinks, in order.
    var xml: String {
        var xml = ""
        for (index, target) in targets.enumerated() {
            xml += #"<Relationship Id="rId\#(first + index)" Type="\#(WordPackage.relationshipType("hyperlink"))" "#
            xml += #"Target="\#(XMLText.escaped(target))" TargetMode="External"/>"#
        }
        return xml
    }

    /// `url` with the bytes a URI may not hold percent-encoded (spaces, non-ASCII, `"<>\^`{|}`):
    /// Word refuses a relationship target that is not a valid URI; `%` already there is kept.
    static func uriReference(_ url: String) -> String {
        var output = ""
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            case _ where "-._~:/?#[]@!$&'()*+,;=%".utf8.contains(byte):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                output += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return output
    }
}
