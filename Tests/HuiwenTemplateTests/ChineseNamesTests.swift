import HuiwenData
import HuiwenTemplate
import Testing

@Suite struct ChineseNamesTests {
    @Test func chineseNamesWorkInEveryKindOfTag() throws {
        let context = Value.map([
            "地区": .string("湖南"),
            "统计": .map(["事故起数": .number(7210)]),
            "单位": .list([.string("省公安厅"), .string("省交通运输厅")]),
        ])
        let source = "{{地区}}{{{统计.事故起数}}}{{& 地区 }}{{#单位}}、{{.}}{{/单位}}{{^缺}}无{{/缺}}"
        #expect(try renderTemplate(source, context) == "湖南7210湖南、省公安厅、省交通运输厅无")
    }

    @Test func changedDelimitersWorkAroundChineseContent() throws {
        let context = Value.map(["年份": .number(2026), "标题": .string("通知")])
        let source = "{{=【 】=}}【年份】年{{不是标签}}【标题】【={{ }}=】{{标题}}"
        #expect(try renderTemplate(source, context) == "2026年{{不是标签}}通知通知")
    }

    @Test func chineseDelimitersReportColumnsInCharacters() {
        let errors = templateErrors("{{=【 】=}}\n一二【缺失】", .map([:]))
        #expect(errors.first?.location?.line == 2)
        #expect(errors.first?.location?.column == 3)
    }
}
