import FuzzSupport

/// A whole template file: the front matter splitter, its YAML, the typed front matter, the
/// compiled texts and the body; then merged with data. Refusals name the file and a line.
let data = Value.map([
    "meeting": .map(["year": .number(2026), "title": .string("全省安全生产电视电话会议")]),
    "cities": .list([.map(["name": .string("长沙市")]), .map(["name": .string("株洲市")])]),
])
let partials = PartialLibrary(["task-table": "| 任务 |\n|---|\n| {{meeting.title}} |\n"])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let source = Fuzz.text(start, count)
    let document: DocumentTemplate
    do {
        document = try DocumentTemplate(source: source, path: "templates/fuzz.md")
    } catch {
        Fuzz.expectPositioned(error.diagnostics, source)
        return 0
    }
    do {
        _ = try document.merge(data: data, item: .map(["name": .string("长沙市")]), partials: partials, helpers: TemplateHelpers.standard)
    } catch {
        Fuzz.expectPositioned(error.diagnostics, source)
    }
    return 0
}
