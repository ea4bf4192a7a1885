import HuiwenLayout
import Testing

@Suite struct DocumentKindTests {
    @Test func builtInLayoutNamesGiveTheirKindsAndOthersAreCustom() {
        #expect(Document.Kind(layout: "notice") == .notice)
        #expect(Document.Kind(layout: "outline") == .outline)
        #expect(Document.Kind(layout: "plain") == .plain)
        #expect(Document.Kind(layout: "custom") == .custom)
        #expect(Document.Kind(layout: "letter") == .custom)
    }
}
