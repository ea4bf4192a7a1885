import Foundation
import HuiwenData
import HuiwenLayout
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The documents the schema test writes: together they take every path through the Word
/// writer, so their parts hold every element and attribute it can emit.
enum DOCXSchemaFixture {
    /// Every kind of block and inline: emphasis with code inside, strong, struck, code, links
    /// with and without a title, a link to an anchor, an image, raw HTML, footnotes (one
    /// referenced twice, one from a table, one with a link, a list and a table in it), soft and
    /// hard breaks, a tab, headings of every level, ordered lists from 3 with nested bullets and
    /// a second paragraph, task items, nested quotes with a list, a code block, tables with the
    /// four alignments, two tables in a row, thematic breaks at the top and in a list.
    static let everyBlock = """
        正文第一段，*强调与`楷体代码`*、**加粗**、~~删除~~、`npm run check`，[链接](<https://example.com/a b?c=1&d=2> "提示")、\
        [无提示](https://example.com/)、[页内](#top)、![图片说明](http://x/y.png)、<b>raw</b>，脚注[^1]，再引[^1]。
        软换行
        硬换行\\
        下一行，制表\t之后。

        ## 一级标题

        ### 二级标题

        #### 三级标题

        ##### 四级标题

        ###### 更深的标题

        3. 从三开始
           - 嵌套的项目
             1. 更深的编号
        4. 第四项

           第四项的第二段

        - [x] 已完成
        - [ ] 未完成

        > 引文第一段
        >
        > > 嵌套引文
        >
        > - 引文中的列表

        ```
        code  with  spaces
        second line
        ```

        | 居中 | 居左 | 居右 | 默认 |
        |:--:|:--|--:|---|
        | 1 | 甲 | 2 | 乙[^2] |
        | 3 | [表中链接](https://example.com/t) | 4 | **粗** |

        | 紧接的表 |
        |---|
        | 表 |

        ---

        - 列表中的分隔线

          ---

        <div>raw html block</div>

        [^1]: 第一个脚注，含[注中链接](https://example.com/note "注")。
        [^2]: 第二个脚注。

            - 注中列表

            | 注中表 |
            |---|
            | 值 |

        """

    /// A notice with every element of the page, two attachments (a table that ends its body;
    /// notes, so that both bodies have notes and the 版记 takes a page of its own).
    static func fullNotice() throws -> Document {
        var partials = DOCXFixture.partials
        partials["points"] = "检查要点[^a]如下。\n\n1. 第一项；\n2. 第二项。\n\n[^a]: 附件的脚注，含[链接](https://example.com/p)。\n"
        return try LayoutFixture.document(DOCXFixture.noticeFrontMatter, body: everyBlock, partials: partials).document
    }

    /// The marks without a 标志 (the 文号 without its red rule), one attachment, the date
    /// without a 署名, the 印发 line alone; notes in the main body only (Word's own marks).
    static let marksNotice = """
        layout: notice
        copyNumber: "000123"
        secrecy: 秘密
        urgency: 加急
        docNumber: 湘安委办〔2026〕2号
        title: 关于开展安全生产检查的通知
        recipients: 各市州：
        attachments:
          - title: 检查表
            partial: table
        date: 2026年1月12日
        printedDate: 2026年1月12日

        """

    /// A 标志 too wide for the line (narrowed with `w:w`), a 署名 without a date, 抄送 alone.
    static let issuerNotice = """
        layout: notice
        issuer: 中华人民共和国应急管理部安全生产执法和工贸安全监督管理局办公室
        title: 通知
        signature: 应急管理部办公厅
        cc: 各有关单位。

        """

    /// Lists deeper than Word's nine levels, and a body that ends with a table.
    static let deepBody = (0..<11).map { String(repeating: "  ", count: $0) + "- 第\($0)层" }.joined(separator: "\n")
        + "\n\n| 末尾的表 |\n|---|\n| 值 |\n"

    /// Every chart type: a bar with a unit and negative values, grouped, stacked in three
    /// series (the hatch), lines in four (every dash and marker), a pie of five slices (the
    /// hatch), with notes; hostile text and a label with spaces at its ends in the data.
    static let charts = """
        正文。

        ```chart
        type: bar
        title: 各地<增减>
        data: rows
        x: name
        y: a
        unit: 起
        ```

        ```chart
        type: grouped
        title: 同比
        data: rows
        x: name
        y: [a, b]
        note: 注：两组 & 比较。
        ```

        ```chart
        type: stacked
        title: 构成
        data: rows
        x: name
        y: [b, c, d]
        ```

        - 列表中的图：

          ```chart
          type: line
          title: 趋势
          data: rows
          x: name
          y: [b, c, d, e]
          unit: 人
          ```

        ```chart
        type: pie
        title: 占比
        data: rows
        x: name
        y: {key: b, label: 数量, unit: 家}
        ```

        """

    static let chartData: Value = {
        let table: [(name: String, a: Int, b: Int)] = [(" 长沙 ", -3, 5), ("株洲", 7, 2), ("湘潭\"&<", 4, 9), ("衡阳", 8, 1), ("邵阳", 2, 6)]
        var rows: [Value] = []
        for row in table {
            let a = Value.number(Decimal(row.a)), b = Value.number(Decimal(row.b))
            let c = Value.number(Decimal(row.b + 1)), d = Value.number(Decimal(row.b * 2)), e = Value.number(Decimal(10 - row.b))
            rows.append(.map(["name": .string(row.name), "a": a, "b": b, "c": c, "d": d, "e": e]))
        }
        return .map(["rows": .list(rows)])
    }()

    /// The documents, by name: every kind (notice, outline, plain) and hostile text.
    static func documents() throws -> [(name: String, document: Document)] {
        let table = ["table": "| 甲 | 乙 |\n|--|--|\n| 1 | 2 |\n"]
        let outlineBody = DOCXFixture.outlineBody + "脚注[^1]与[链接](https://example.com/o)。\n\n[^1]: 提纲的脚注[注中链接](https://example.com/n)。\n"
        return [
            ("notice", try fullNotice()),
            ("marks", try LayoutFixture.document(marksNotice, body: "正文[^1]。\n\n[^1]: 只有正文有脚注。\n", partials: table).document),
            ("issuer", try LayoutFixture.document(issuerNotice).document),
            ("outline", try LayoutFixture.document(DOCXFixture.outlineFrontMatter, body: outlineBody).document),
            ("plain", try LayoutFixture.document("title: 文稿\n", body: deepBody).document),
            ("hostile", try LayoutFixture.document(DOCXFixture.hostileFrontMatter, body: DOCXFixture.hostileBody).document),
            ("charts", try LayoutFixture.document(DOCXFixture.outlineFrontMatter, body: charts, data: chartData).document),
        ]
    }
}

/// The element and attribute names of XML, as prefixed names (`w:p`, `w:val`, `Id`): those a
/// part uses, or those a schema declares (written with the prefixes the writer gives their
/// namespaces), so that the two can be compared.
final class XMLNames: NSObject, XMLParserDelegate {
    /// The prefix the writer gives each namespace the schemas declare names in.
    static let prefixes = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w:",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r:",
        "http://www.w3.org/XML/1998/namespace": "xml:",
        "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": "cp:",
        "http://purl.org/dc/elements/1.1/": "dc:",
        "http://purl.org/dc/terms/": "dcterms:",
        "http://schemas.openxmlformats.org/package/2006/content-types": "",
        "http://schemas.openxmlformats.org/package/2006/relationships": "",
        "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": "",
        "http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes": "s:",
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": "wp:",
        "http://schemas.openxmlformats.org/drawingml/2006/main": "a:",
        "http://schemas.openxmlformats.org/drawingml/2006/chart": "c:",
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main": "",
    ]

    private(set) var elements: Set<String> = []
    private(set) var attributes: Set<String> = []
    /// Namespaces a schema declares names in that `prefixes` does not know.
    private(set) var unknownNamespaces: Set<String> = []
    private let readsSchema: Bool
    private var prefix = ""
    private var qualifiesAttributes = false
    private var open: [String] = []

    private init(readsSchema: Bool) {
        self.readsSchema = readsSchema
    }

    /// The names `xml` uses (namespace declarations and `xsi:` attributes left out).
    static func used(in xml: String) -> XMLNames {
        read(xml, schema: false)
    }

    /// The names the XML Schema `xsd` declares (`xsd:element` and `xsd:attribute` with a name).
    static func declared(in xsd: String) -> XMLNames {
        read(xsd, schema: true)
    }

    private static func read(_ text: String, schema: Bool) -> XMLNames {
        let names = XMLNames(readsSchema: schema)
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = names
        parser.parse()
        return names
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        defer { open.append(name) }
        guard readsSchema else {
            elements.insert(name)
            self.attributes.formUnion(attributes.keys.filter { !$0.hasPrefix("xmlns") && !$0.hasPrefix("xsi:") })
            return
        }
        switch name {
        case "xsd:schema":
            let namespace = attributes["targetNamespace"] ?? ""
            if let known = Self.prefixes[namespace] { prefix = known } else { unknownNamespaces.insert(namespace) }
            qualifiesAttributes = attributes["attributeFormDefault"] == "qualified"
        case "xsd:element":
            if let local = attributes["name"] { elements.insert(prefix + local) }
        case "xsd:attribute":
            // A top-level attribute is always in the namespace; a local one when the schema says so.
            if let local = attributes["name"] {
                self.attributes.insert((open.last == "xsd:schema" || qualifiesAttributes ? prefix : "") + local)
            }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }
}
