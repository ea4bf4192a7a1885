import Foundation
import HuiwenData
import HuiwenDiagnostics
import Testing

/// The repository is the example project: its `data/` must load cleanly and hold the raw
/// figures behind every percentage of the reference speech.
@Suite struct ExampleDataTests {
    static let projectRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let data = DataLoader().load(projectRoot: ExampleDataTests.projectRoot)

    func decimal(_ path: String) -> Decimal? {
        data.root.value(at: path.split(separator: ".").map(String.init))?.numberValue
    }

    /// A ratio as a percentage at one decimal, rounded half-up, the way the helpers print it.
    func percent(_ part: Decimal, _ whole: Decimal) -> String {
        var ratio = part / whole * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &ratio, 1, .plain)
        return "\(rounded)"
    }

    @Test func loadsWithoutDiagnostics() {
        #expect(lines(data.diagnostics) == [])
        #expect(data.files.map(\.path) == [
            "data/actions.yaml", "data/cities.xlsx", "data/enterprises.json", "data/meeting.yaml",
            "data/safeguards.yaml", "data/sectors.yaml", "data/statistics.yaml",
        ])
    }

    @Test func yearOverYearDropsAreThoseOfTheSpeech() throws {
        let accidents = try #require(decimal("statistics.accidents.current"))
        let lastAccidents = try #require(decimal("statistics.accidents.previous"))
        let deaths = try #require(decimal("statistics.deaths.current"))
        let lastDeaths = try #require(decimal("statistics.deaths.previous"))
        #expect(percent(lastAccidents - accidents, lastAccidents) == "27.9")
        #expect(percent(lastDeaths - deaths, lastDeaths) == "16.7")
    }

    @Test func nationalSharesAreThoseOfTheSpeech() throws {
        let accidents = try #require(decimal("statistics.nationalShare.accidents.part"))
        let deaths = try #require(decimal("statistics.nationalShare.deaths.part"))
        #expect(accidents == decimal("statistics.accidents.current"))
        #expect(deaths == decimal("statistics.deaths.current"))
        #expect(percent(accidents, try #require(decimal("statistics.nationalShare.accidents.whole"))) == "3.4")
        #expect(percent(deaths, try #require(decimal("statistics.nationalShare.deaths.whole"))) == "4.3")
    }

    @Test func enterpriseFiguresAreThoseOfTheSpeech() throws {
        #expect(decimal("enterprises.highRiskUnits") == 40000)
        #expect(decimal("enterprises.highRiskEnterprises") == 12133)
        #expect(decimal("enterprises.fireworks.total") == 2748)
        let compliant = try #require(decimal("enterprises.fireworks.compliant"))
        #expect(compliant < 2748 / 2)
        #expect(decimal("enterprises.fireworks.compliantShare.part") == compliant)
        #expect(decimal("enterprises.tailingsPonds.total") == 651)
        let dangerous = try #require(decimal("enterprises.tailingsPonds.dangerous"))
        #expect(percent(dangerous, 651) == "86.3")
    }

    @Test func citiesAddUpToTheProvince() throws {
        let cities = try #require(data.root["cities"]?.listItems)
        #expect(cities.count == 14)
        #expect(cities.first?["区号"]?.stringValue == "0731")
        for (column, total) in [
            ("事故起数.current", "statistics.accidents.current"), ("事故起数.previous", "statistics.accidents.previous"),
            ("死亡人数.current", "statistics.deaths.current"), ("死亡人数.previous", "statistics.deaths.previous"),
        ] {
            let keys = column.split(separator: ".").map(String.init)
            let sum = cities.reduce(Decimal(0)) { $0 + ($1.value(at: keys)?.numberValue ?? 0) }
            #expect(sum == decimal(total), "\(column)")
        }
    }

    /// `data/cities.xlsx` is laid out as a secretariat's table: its title row names the year
    /// of the statistics, its two-row header gives the keys the city notice reads.
    @Test func citiesComeFromAWorkbookWithATitleAndATwoRowHeader() throws {
        let cities = try #require(data.root["cities"]?.listItems)
        #expect(cities.first?.mapEntries.map { Array($0.keys) } == ["地区", "人民政府", "区号", "事故起数", "死亡人数"])
        #expect(cities.first?["事故起数"]?.mapEntries.map { Array($0.keys) } == ["current", "previous"])
        #expect(cities.first?.location?.description == "data/cities.xlsx:4:1")
        #expect(cities.last?.value(at: ["死亡人数", "previous"])?.location?.description == "data/cities.xlsx:17:7")
    }

    @Test func everyTaskHasTitleDetailUnitsAndDueDate() throws {
        for list in ["actions", "safeguards"] {
            let items = try #require(data.root[list]?.listItems)
            #expect(!items.isEmpty)
            for item in items {
                #expect(item["title"]?.stringValue?.isEmpty == false)
                #expect(item["detail"]?.stringValue?.hasSuffix("。") == true)
                #expect(item["lead"]?.stringValue?.isEmpty == false)
                #expect(item["partners"]?.listItems?.isEmpty == false)
                guard case .date = item["due"]?.kind else {
                    Issue.record("\(list): due is not a date at \(item.location?.description ?? "?")")
                    continue
                }
            }
        }
        #expect(data.root["safeguards"]?.listItems?.count == 6)
        #expect(data.root.value(at: ["meeting", "noticeDate"])?.kind == .date(CalendarDate(year: 2026, month: 1, day: 12)))
        #expect(data.root["sectors"]?.listItems?.compactMap { $0["name"]?.stringValue } == [
            "煤矿", "道路交通", "非煤矿山", "危险化学品", "烟花爆竹", "消防", "建筑",
        ])
    }
}
