import Foundation
import HuiwenData
import HuiwenDiagnostics
import Testing

/// Hostile input: each case must end in a clear error, never a crash or a hang.
@Suite struct LimitsTests {
    @Test func tenThousandDeepJSONListIsRefused() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(lines(problems(.json, text, path: "d")) == ["d:1:257: error: nesting deeper than 256 levels"])
    }

    @Test func tenThousandDeepYAMLFlowListIsRefused() {
        let text = "a: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let found = problems(.yaml, text, path: "d")
        #expect(found.count == 1)
        #expect(found.first?.message == "nesting deeper than 256 levels")
        #expect(found.first?.location?.line == 1)
    }

    @Test func tenThousandDeepYAMLBlockListIsRefused() {
        let text = String(repeating: "- ", count: 10_000) + "x\n"
        #expect(problems(.yaml, text).first?.message == "nesting deeper than 256 levels")
        var staircase = ""
        for level in 0..<2_000 { staircase += String(repeating: " ", count: level) + "k:\n" }
        #expect(problems(.yaml, staircase).first?.message == "nesting deeper than 256 levels")
    }

    @Test func aCSVHeaderNestingPastTheLimitIsRefusedAtItsCell() throws {
        let deep = Array(repeating: "a", count: 10_000).joined(separator: ".")
        #expect(lines(problems(.csv, "名称," + deep + "\n长沙,1\n", path: "d.csv")) == [
            "d.csv:1:4: error: column name has 10000 parts between dots: nesting deeper than 256 levels",
        ])
        // 254 parts are allowed: with a workbook's map of sheets, its list and the row, they
        // nest 256 levels (here, in CSV: the list, the row and 253 maps).
        let limit = Array(repeating: "a", count: 254).joined(separator: ".")
        var value = try read(.csv, limit + "\n1\n")
        var containers = 0
        while let next = value.listItems?.first ?? value.mapEntries?.values.first {
            value = next
            containers += 1
        }
        #expect(containers == 255)
        #expect(problems(.csv, limit + ".a\n1\n").map(\.message) == ["column name has 255 parts between dots: nesting deeper than 256 levels"])
    }

    @Test func quoteInAPlainScalarCannotHideDeepNesting() {
        let levels = String(repeating: ", [ \"]\"", count: 10_000)
        #expect(problems(.yaml, "a: [x\n\"" + levels).first?.message == "nesting deeper than 256 levels")
        #expect(problems(.yaml, "a: x\n  \"\nb: [1" + levels).first?.message == "nesting deeper than 256 levels")
        let blockText = "a: |\n  \"\n  '\nb: [1" + levels
        #expect(problems(.yaml, blockText).first?.message == "nesting deeper than 256 levels")
    }

    @Test func quotesAndBracketsInsideTextAreText() throws {
        let value = try read(.yaml, "a: x [1\nb: it's \"quoted\n  on\"\nc: >\n  [[[ \"\nd: [\"]]]\", '[[[']\n")
        #expect(value["a"]?.stringValue == "x [1")
        #expect(value["b"]?.stringValue == "it's \"quoted on\"")
        #expect(value["c"]?.stringValue == "[[[ \"\n")
        #expect(value["d"]?.listItems?.compactMap(\.stringValue) == ["]]]", "[[["])
    }

    @Test func manyShallowListsLoad() throws {
        let text = String(repeating: "- partners: [省公安厅, 省交通运输厅]\n  nested: {a: [1, {b: 2}]}\n", count: 2_000)
        #expect(try read(.yaml, text).listItems?.count == 2_000)
    }

    @Test func nestingWithinTheLimitLoads() throws {
        let depth = 200
        let json = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: Never.self) { try read(.json, json) }
        #expect(throws: Never.self) { try read(.yaml, json) }
    }

    @Test func yamlUpToLibyamlsOwnCapLoadsWhenTheLimitIsRaised() throws {
        // libyaml stops at 1,000 levels; below that, Yams's recursion runs on our large stack.
        let limits = DataLimits(maxDepth: 100_000)
        let flow = "a: " + String(repeating: "[", count: 990) + String(repeating: "]", count: 990)
        #expect(try read(.yaml, flow, limits: limits)["a"] != nil)
        let block = String(repeating: "- ", count: 990) + "x\n"
        #expect(try read(.yaml, block, limits: limits).listItems?.count == 1)
    }

    @Test func deepNestingBuiltFromAliasesIsRefused() {
        let level = String(repeating: "[", count: 100) + "%@" + String(repeating: "]", count: 100)
        var text = "a: &a0 1\n"
        for index in 1...4 {
            text += "b\(index): &a\(index) " + level.replacingOccurrences(of: "%@", with: "*a\(index - 1)") + "\n"
        }
        #expect(problems(.yaml, text).first?.message == "nesting deeper than 256 levels")
    }

    @Test func billionLaughsIsRefusedWithoutExpanding() {
        var text = "lol0: &lol0 lol\n"
        for index in 1...9 {
            let aliases = Array(repeating: "*lol\(index - 1)", count: 10).joined(separator: ", ")
            text += "lol\(index): &lol\(index) [\(aliases)]\n"
        }
        let clock = ContinuousClock()
        let start = clock.now
        let found = problems(.yaml, text, path: "data/bomb.yaml")
        #expect(clock.now - start < .seconds(5))
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("more than 1000000 values once aliases are expanded") == true)
        #expect(found.first?.location?.path == "data/bomb.yaml")
    }

    @Test func valueCountLimitAppliesToEveryFormat() {
        let limits = DataLimits(maxValues: 10)
        let list = "[" + Array(repeating: "1", count: 20).joined(separator: ",") + "]"
        #expect(problems(.json, list, limits: limits).first?.message == "more than 10 values in one file")
        #expect(problems(.yaml, list, limits: limits).first?.message == "more than 10 values in one file")
        let csv = "a\n" + String(repeating: "1\n", count: 20)
        #expect(problems(.csv, csv, limits: limits).first?.message == "more than 10 values in one file")
    }

    @Test func fileOverTheSizeLimitIsRefused() {
        let limits = DataLimits(maxFileSize: 100)
        let found = problems(.json, String(repeating: " ", count: 101), path: "data/big.json", limits: limits)
        #expect(lines(found) == ["data/big.json: error: file is 101 bytes, over the limit of 100 bytes"])
    }

    @Test func fiftyMegabyteFileLoadsOrIsRefusedQuickly() throws {
        // 50 MB of a CSV column: under the 64 MiB limit, over the value limit.
        let row = "12345678901234567890123456789012345678901234567\n"
        var bytes = Array("a\n".utf8)
        bytes.reserveCapacity(50_000_000)
        while bytes.count + row.utf8.count <= 50_000_000 { bytes.append(contentsOf: row.utf8) }
        let clock = ContinuousClock()
        var start = clock.now
        let found = problems(.csv, bytes)
        #expect(found.map(\.message) == ["more than 1000000 values in one file"])
        print("50 MB CSV refused in \(clock.now - start)")
        #expect(clock.now - start < .seconds(60))
        let yaml = Array(repeating: UInt8(ascii: "#"), count: 50_000_000)
        start = clock.now
        #expect(problems(.yaml, yaml).isEmpty)
        print("50 MB YAML comment loaded in \(clock.now - start)")
    }

    @Test func invalidUTF8IsReportedWithItsByteOffsetLineAndColumn() {
        let bytes = Array("a,b\n长沙,".utf8) + [0xFF] + Array("1\n".utf8)
        #expect(lines(problems(.csv, bytes, path: "data/x.csv")) == [
            "data/x.csv:2:4: error: invalid UTF-8 at byte 11"
        ])
        let withBOM = [0xEF, 0xBB, 0xBF] + Array("a: ".utf8) + [0xE6, 0xB9]
        #expect(lines(problems(.yaml, withBOM, path: "y")) == ["y:1:4: error: invalid UTF-8 at byte 6"])
    }

    @Test(arguments: DataFormat.allCases)
    func randomBytesGiveErrorsNotCrashes(format: DataFormat) {
        var generator = SeededGenerator(seed: 0x4855_4957)
        for length in [1, 7, 64, 1000, 20_000] {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                _ = problems(format, bytes)
                let ascii = (0..<length).map { _ in UInt8.random(in: 0x09...0x7E, using: &generator) }
                _ = problems(format, ascii)
            }
        }
    }

    @Test(arguments: DataFormat.allCases)
    func punctuationSoupGivesErrorsNotCrashes(format: DataFormat) {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("[]{}\"',:-?*&!|># \n\r\t\\a1".utf8)
        for _ in 0..<400 {
            let bytes = (0..<200).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
            _ = problems(format, bytes)
        }
    }
}

/// splitmix64: reproducible random input, so a failure can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
