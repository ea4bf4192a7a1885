import Foundation
import HuiwenBuild
import HuiwenDiagnostics
import Testing

/// Charts through the build: drawn from the project's data (a batch item's keys too), their
/// problems reported at the template's (or partial's) line and column like every other
/// diagnostic, the document left out; what a chart reads counts as what its document reads.
@Suite struct ChartBuildTests {
    static let data = [
        "data/statistics.yaml": """
            byYear:
              - {year: 2024年, accidents: 12460, deaths: 3612}
              - {year: 2025年, accidents: 8984, deaths: 3009}

            """,
        "data/cities.yaml": """
            - name: 长沙市
              months: [{m: 1月, n: 12}, {m: 2月, n: 9}]
            - name: 株洲市
              months: [{m: 1月, n: 7}, {m: 2月, n: 11}]

            """,
    ]

    static let spec = "type: grouped\ntitle: 同比\ndata: statistics.byYear\nx: year\ny: [accidents, deaths]\n"

    @Test func aChartIsDrawnFromTheDataAndItsDocumentReadsThatData() throws {
        let fixture = try BuildFixture(["templates/outline.md": "---\nlayout: outline\ntitle: 讲话\n---\n正文。\n\n```chart\n\(Self.spec)```\n"], data: Self.data)
        defer { fixture.remove() }
        let report = fixture.render()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let page = try #require(report.pages.first)
        #expect(page.document.body.rendered.html.contains(#"<figure class="chart"><svg"#))
        // (An HTML-only build renders no body tree: the figure is all there is.)
        #expect(report.outcomes["templates/outline.md"]?.inputs.namespaces.contains("statistics") == true)
    }

    @Test func eachBatchItemChartsItsOwnRows() throws {
        let template = "---\nlayout: plain\neach: cities\noutput: c-{{name}}\ntitle: \"{{name}}\"\n---\n```chart\ntype: line\ntitle: \"{{name}}各月\"\ndata: months\nx: m\ny: n\n```\n"
        let fixture = try BuildFixture(["templates/city.md": template], data: Self.data)
        defer { fixture.remove() }
        let report = fixture.render()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let html = report.pages.map(\.document.body.rendered.html)
        #expect(html.count == 2)
        #expect(html.first?.contains("长沙市各月</title><desc") == true && html.first?.contains(">1月：12；2月：9。</desc>") == true)
        #expect(html.last?.contains("株洲市各月</title><desc") == true && html.last?.contains(">1月：7；2月：11。</desc>") == true)
    }

    @Test func problemsAreAtTheirPlacesInTheTemplateAndThePartial() throws {
        let files = [
            "templates/notice.md": """
                ---
                layout: notice
                title: 通知
                attachments:
                  - title: 统计图
                    partial: figure
                ---
                {{! 注释占一行 }}
                正文{{statistics.byYear.0.year}}。

                - 列表中的图

                  ```chart
                  type: bar
                  title: 标题
                  data: statistics.byYaer
                  x: year
                  y: accidents
                  ```

                """,
            "templates/partials/figure.md": "说明。\n\n```chart\ntype: pi\ntitle: 构成\ndata: statistics.byYear\nx: year\ny: deaths\n```\n",
        ]
        let fixture = try BuildFixture(files, data: Self.data)
        defer { fixture.remove() }
        let report = fixture.render()
        #expect(report.pages.isEmpty, "a document with a chart problem is left out")
        let places = report.diagnostics.map { "\(BuildFixture.place($0)): \($0.message)" }
        #expect(places == [
            "templates/notice.md:16:9: no 'byYaer' in 'statistics'; did you mean 'byYear'?",
            "templates/partials/figure.md:4:7: unknown chart type 'pi'; did you mean 'pie'? a chart is one of: bar, grouped, stacked, line, pie",
        ])
        // With the line under a caret, as every diagnostic.
        #expect(report.diagnostics.first?.sourceLine == "  data: statistics.byYaer")
    }

    @Test func aChartWrittenByAValueIsReportedAtItsTag() throws {
        let template = "---\nlayout: plain\ntitle: 文\n---\n正文。\n\n{{{figure}}}\n"
        let data = ["data/figure.yaml": "|\n  ```chart\n  type: bra\n  ```\n"]
        let fixture = try BuildFixture(["templates/doc.md": template], data: data)
        defer { fixture.remove() }
        let report = fixture.render()
        #expect(!report.diagnostics.isEmpty)
        #expect(Set(report.diagnostics.map(BuildFixture.place)) == ["templates/doc.md:7:1"])
    }
}
