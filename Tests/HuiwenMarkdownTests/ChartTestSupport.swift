import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenMarkdown
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An element of a parsed SVG (or of the figure around it): what the tests look at.
final class SVGNode {
    let name: String
    let attributes: [String: String]
    var children: [SVGNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// This node and every node below it, in document order.
    var all: [SVGNode] { [self] + children.flatMap(\.all) }

    /// The nodes below of this class.
    func nodes(_ className: String) -> [SVGNode] {
        all.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(className)) }
    }

    /// The text of every node of this class, in order.
    func texts(_ className: String) -> [String] {
        nodes(className).map(\.text)
    }

    func number(_ attribute: String) -> Double {
        Double(attributes[attribute] ?? "") ?? .nan
    }

    /// Parses markup as XML (the figure's HTML is well-formed XML); nil when it is not.
    static func parse(_ markup: String) -> SVGNode? {
        let parser = XMLParser(data: Data(markup.utf8))
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse() else { return nil }
        return builder.root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [SVGNode] = []
        var root: SVGNode?

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let node = SVGNode(name: name, attributes: attributes)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}

enum ChartFixture {
    /// The project data the chart tests read.
    static let data: Value = {
        let yaml = """
            statistics:
              byYear:
                - {year: 2024年, accidents: 12460, deaths: 3612}
                - {year: 2025年, accidents: 8984, deaths: 3009}
            sectors:
              - {name: 煤矿, accidents: 120, deaths: 45}
              - {name: 道路交通, accidents: 5210, deaths: 1820}
              - {name: 非煤矿山, accidents: 88, deaths: 31}
              - {name: 危险化学品, accidents: 35, deaths: 12}
              - {name: 烟花爆竹, accidents: 60, deaths: 22}
            text: {rows: [{name: 甲, value: 多}]}
            """
        return try! YAMLReader().read(yaml, path: "data.yaml")
    }()

    static let renderer = MarkdownRenderer()

    /// `markdown` rendered as a document with charts drawn from `data`.
    static func render(_ markdown: String, data: Value = data, literalRanges: [Range<Int>] = []) -> RenderedDocument {
        renderer.document(
            from: markdown, transforms: DocumentTransforms(numbering: .gongwen), literalRanges: literalRanges,
            charts: ChartContext(data: data))
    }

    /// A chart block holding `spec`.
    static func block(_ spec: String) -> String {
        "```chart\n" + spec + (spec.hasSuffix("\n") ? "" : "\n") + "```\n"
    }

    /// The figure of the one chart of `markdown`, parsed; nil when it was not drawn.
    static func svg(_ markdown: String, data: Value = data) -> SVGNode? {
        let html = render(markdown, data: data).html
        guard let start = html.range(of: "<figure"), let end = html.range(of: "</figure>") else { return nil }
        return SVGNode.parse(String(html[start.lowerBound..<end.upperBound]))?.children.first
    }

    /// Each problem as `line:column: message` of `markdown`.
    static func problems(_ markdown: String, data: Value = data) -> [String] {
        render(markdown, data: data).problems.map { problem in
            let location = problem.diagnostic(in: markdown, path: "t.md").location
            return "\(location?.line ?? 0):\(location?.column ?? 0): \(problem.message)"
        }
    }
}
