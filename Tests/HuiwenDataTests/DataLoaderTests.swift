import Foundation
import HuiwenData
import HuiwenDiagnostics
import Testing

@Suite struct DataLoaderTests {
    @Test func eachFileLoadsUnderItsNameAndFoldersNest() throws {
        try withProject([
            "data/statistics.yaml": "accidents: {current: 8984, previous: 12460}\n",
            "data/enterprises.json": #"{"fireworks": 2748}"#,
            "data/cities/2026.csv": "name,accidents\n长沙市,1328\n",
            "data/cities/meta.yml": "count: 14\n",
            "data/notes.txt": "ignored",
            "data/.hidden.yaml": "ignored: true\n",
            "data/.git/x.yaml": "ignored: true\n",
            "templates/a.md": "not data",
        ]) { root in
            let result = DataLoader().load(projectRoot: root)
            #expect(result.diagnostics.isEmpty)
            #expect(result.root.mapEntries.map { Array($0.keys) } == ["cities", "enterprises", "statistics"])
            #expect(result.root.value(at: ["cities", "2026", "0", "name"])?.stringValue == "长沙市")
            #expect(result.root.value(at: ["cities", "meta", "count"])?.numberValue == 14)
            #expect(result.root.value(at: ["statistics", "accidents", "previous"])?.numberValue == 12460)
            #expect(result.root.value(at: ["enterprises", "fireworks"])?.location?.path == "data/enterprises.json")
            #expect(result.files == [
                DataFile(path: "data/cities/2026.csv", keyPath: ["cities", "2026"]),
                DataFile(path: "data/cities/meta.yml", keyPath: ["cities", "meta"]),
                DataFile(path: "data/enterprises.json", keyPath: ["enterprises"]),
                DataFile(path: "data/statistics.yaml", keyPath: ["statistics"]),
            ])
        }
    }

    @Test func twoClaimsOnOneKeyAreAnErrorNamingBoth() throws {
        try withProject([
            "data/a.json": "{}",
            "data/a.yaml": "x: 1\n",
            "data/cities.csv": "name\n长沙市\n",
            "data/cities/2026.csv": "name\n株洲市\n",
        ]) { root in
            let result = DataLoader().load(projectRoot: root)
            #expect(lines(result.diagnostics) == [
                "data/a.yaml: error: key \"a\" is claimed by both data/a.json and data/a.yaml",
                "data/cities.csv: error: key \"cities\" is claimed by both data/cities and data/cities.csv",
            ])
            #expect(result.hasErrors)
        }
    }

    @Test func topLevelPageIsReservedButNestedPageIsFine() throws {
        try withProject(["data/page.yaml": "title: x\n", "data/more/page.yaml": "title: y\n"]) { root in
            let result = DataLoader().load(projectRoot: root)
            #expect(lines(result.diagnostics) == [
                "data/page.yaml: error: \"page\" is reserved for a document's front matter; rename this data"
            ])
            #expect(result.root.value(at: ["more", "page", "title"])?.stringValue == "y")
        }
    }

    @Test func errorsOfEveryFileAreReportedTogether() throws {
        try withProject([
            "data/a.json": "{\"x\": 1,\n\"x\": 2}",
            "data/b.csv": "a,b\n1\n",
            "data/c.yaml": "ok: 1\n",
            "data/d.yaml": "k: 1\nk: 2\n",
            "data/e.f.yaml": "x: 1\n",
        ]) { root in
            let result = DataLoader().load(projectRoot: root)
            #expect(lines(result.diagnostics) == [
                "data/a.json:2:1: error: duplicate key \"x\" (first at line 1, column 2)",
                "data/b.csv:2:1: error: row has 1 fields, the header has 2",
                "data/d.yaml:2:1: error: duplicate key \"k\" (first at line 1, column 1)",
                "data/e.f.yaml: error: the key \"e.f\" holds \".\", which separates keys in templates; rename this data",
            ])
            #expect(result.root.mapEntries.map { Array($0.keys) } == ["c"])
            #expect(result.files.map(\.path) == ["data/a.json", "data/b.csv", "data/c.yaml", "data/d.yaml"])
        }
    }

    @Test func projectWithoutDataLoadsAnEmptyMap() throws {
        try withProject(["templates/a.md": "x"]) { root in
            let result = DataLoader().load(projectRoot: root)
            #expect(result.diagnostics.isEmpty)
            #expect(result.root.mapEntries?.isEmpty == true)
        }
    }

    @Test func oversizedFileIsRefusedBeforeReading() throws {
        try withProject(["data/big.json": String(repeating: " ", count: 2000)]) { root in
            let result = DataLoader(limits: DataLimits(maxFileSize: 1000)).load(projectRoot: root)
            #expect(lines(result.diagnostics) == ["data/big.json: error: file is 2000 bytes, over the limit of 1000 bytes"])
        }
    }

    @Test func aWorkbookLoadsUnderItsNameAndLockFilesAreIgnored() throws {
        guard let bytes = workbook("values.xlsx") else { return }
        try withProject([
            // What Excel and WPS (~$) and LibreOffice (.~lock.…#) leave beside an open workbook.
            "data/~$cities.xlsx": "\u{7}owner",
            "data/.~lock.cities.xlsx#": "user,host,/home/user,30.11.2026 10:00,file:///home/user/.config;",
        ]) { root in
            try Data(bytes).write(to: root.appendingPathComponent("data/cities.xlsx"))
            let result = DataLoader().load(projectRoot: root)
            #expect(lines(result.diagnostics) == [])
            #expect(result.files == [DataFile(path: "data/cities.xlsx", keyPath: ["cities"])])
            #expect(result.root.value(at: ["cities", "0", "地区"])?.location?.description == "data/cities.xlsx:2:1")
        }
    }

    @Test func lockFilesAreKnownByName() {
        #expect(DataFormat.isLockFile("~$cities.xlsx"))
        #expect(DataFormat.isLockFile(".~lock.cities.xlsx#"))
        #expect(!DataFormat.isLockFile("cities.xlsx"))
        #expect(!DataFormat.isLockFile(".~lock.cities.xlsx"))
        #expect(DataFormat(fileExtension: "XLSX") == .xlsx)
        #expect(DataFormat.xlsx.isBinary && !DataFormat.csv.isBinary)
    }
}

