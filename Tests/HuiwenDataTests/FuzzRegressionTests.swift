import HuiwenData
import HuiwenTestSupport
import Testing

/// Data files fuzzing found (Tests/FuzzRegressions): each is refused with an error about the
/// file, never a crash.
@Suite struct FuzzRegressionTests {
    @Test(arguments: [("FuzzCSV", DataFormat.csv), ("FuzzJSON", .json), ("FuzzYAML", .yaml), ("FuzzXLSX", .xlsx)])
    func foundInputsAreRefusedWithAnErrorAboutTheFile(target: String, format: DataFormat) throws {
        for (name, bytes) in try FuzzRegressions.inputs(of: target) {
            let found = problems(format, bytes, path: "data/\(name)")
            #expect(!found.isEmpty, "\(target)/\(name) was accepted")
            #expect(found.allSatisfy { $0.location?.path == "data/\(name)" }, "\(target)/\(name): \(found)")
        }
    }

    @Test func aZIPDirectoryPointingPastTheEndIsRefused() throws {
        let input = try #require(try FuzzRegressions.inputs(of: "FuzzXLSX").first { $0.name == "memory-file-read-past-end.xlsx" })
        #expect(lines(problems(.xlsx, input.bytes, path: "data/c.xlsx")) == [
            "data/c.xlsx: error: the workbook is truncated or damaged: its ZIP directory cannot be read; save it again in Excel or WPS",
        ])
    }
}
