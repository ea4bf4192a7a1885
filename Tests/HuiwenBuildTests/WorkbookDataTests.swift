import Foundation
import HuiwenBuild
import Testing

/// A notice built from a workbook is the notice built from the same figures in YAML, byte for byte.
@Suite struct WorkbookDataTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The figures of the example's data/cities.xlsx, typed again as YAML.
    static let citiesYAML = """
        - {地区: 长沙市, 人民政府: 长沙市人民政府, 区号: "0731", 事故起数: {current: 1328, previous: 1867}, 死亡人数: {current: 487, previous: 583}}
        - {地区: 株洲市, 人民政府: 株洲市人民政府, 区号: "0731", 事故起数: {current: 630, previous: 880}, 死亡人数: {current: 195, previous: 251}}
        - {地区: 湘潭市, 人民政府: 湘潭市人民政府, 区号: "0731", 事故起数: {current: 451, previous: 567}, 死亡人数: {current: 147, previous: 166}}
        - {地区: 衡阳市, 人民政府: 衡阳市人民政府, 区号: "0734", 事故起数: {current: 964, previous: 1307}, 死亡人数: {current: 307, previous: 359}}
        - {地区: 邵阳市, 人民政府: 邵阳市人民政府, 区号: "0739", 事故起数: {current: 745, previous: 1095}, 死亡人数: {current: 262, previous: 339}}
        - {地区: 岳阳市, 人民政府: 岳阳市人民政府, 区号: "0730", 事故起数: {current: 680, previous: 1046}, 死亡人数: {current: 241, previous: 293}}
        - {地区: 常德市, 人民政府: 常德市人民政府, 区号: "0736", 事故起数: {current: 734, previous: 1020}, 死亡人数: {current: 261, previous: 286}}
        - {地区: 张家界市, 人民政府: 张家界市人民政府, 区号: "0744", 事故起数: {current: 273, previous: 382}, 死亡人数: {current: 95, previous: 117}}
        - {地区: 益阳市, 人民政府: 益阳市人民政府, 区号: "0737", 事故起数: {current: 570, previous: 695}, 死亡人数: {current: 185, previous: 205}}
        - {地区: 郴州市, 人民政府: 郴州市人民政府, 区号: "0735", 事故起数: {current: 726, previous: 935}, 死亡人数: {current: 220, previous: 282}}
        - {地区: 永州市, 人民政府: 永州市人民政府, 区号: "0746", 事故起数: {current: 659, previous: 943}, 死亡人数: {current: 222, previous: 272}}
        - {地区: 怀化市, 人民政府: 怀化市人民政府, 区号: "0745", 事故起数: {current: 569, previous: 801}, 死亡人数: {current: 177, previous: 214}}
        - {地区: 娄底市, 人民政府: 娄底市人民政府, 区号: "0738", 事故起数: {current: 472, previous: 652}, 死亡人数: {current: 150, previous: 180}}
        - {地区: 湘西土家族苗族自治州, 人民政府: 湘西土家族苗族自治州人民政府, 区号: "0743", 事故起数: {current: 183, previous: 270}, 死亡人数: {current: 60, previous: 65}}

        """

    @Test func cityNoticesFromTheWorkbookEqualThoseFromYAML() throws {
        let shared = ["templates/city-notice.md", "data/meeting.yaml", "data/actions.yaml"]
        var texts: [String: String] = [:]
        for path in shared {
            texts[path] = try String(contentsOf: Self.repository.appendingPathComponent(path), encoding: .utf8)
        }
        let fromYAML = try BuildFixture(texts.merging(["data/cities.yaml": Self.citiesYAML]) { $1 }, data: [:])
        defer { fromYAML.remove() }
        let fromWorkbook = try BuildFixture(texts, data: [:])
        defer { fromWorkbook.remove() }
        try FileManager.default.copyItem(
            at: Self.repository.appendingPathComponent("data/cities.xlsx"),
            to: fromWorkbook.root.appendingPathComponent("data/cities.xlsx"))

        let yamlReport = fromYAML.render()
        let workbookReport = fromWorkbook.render()
        #expect(yamlReport.diagnostics.map(\.description) == [])
        #expect(workbookReport.diagnostics.map(\.description) == [])
        #expect(workbookReport.pages.count == 14)
        #expect(workbookReport.pages.map(\.name) == yamlReport.pages.map(\.name))
        for (workbookPage, yamlPage) in zip(workbookReport.pages, yamlReport.pages) {
            for (workbookFile, yamlFile) in zip(workbookPage.files, yamlPage.files) {
                #expect(workbookFile.name == yamlFile.name)
                #expect(workbookFile.contents == yamlFile.contents, "\(workbookFile.name) differs")
            }
        }
    }
}
