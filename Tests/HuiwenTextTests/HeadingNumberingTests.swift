import HuiwenText
import Testing

@Suite struct HeadingNumberingTests {
    @Test func numberingIsNamedAsInFrontMatter() {
        #expect(HeadingNumbering(rawValue: "gongwen") == .gongwen)
        #expect(HeadingNumbering(rawValue: "none") == HeadingNumbering.none)
        #expect(HeadingNumbering(rawValue: "GB/T 9704") == nil)
        #expect(HeadingNumbering.allCases == [.none, .gongwen])
    }
}
