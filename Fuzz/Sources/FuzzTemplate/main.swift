import FuzzSupport

/// The template scanner, the standalone-line rules, the tree builder and the renderer on any
/// text: compiled and rendered (strict and not, with partials that recurse, parents and
/// blocks), or refused with errors at a line and column. Never a crash, a hang or unbounded output.
let partials = PartialLibrary([
    "p": "{{>p}}{{$b}}{{a}}{{/b}}\n",
    "items": "{{#list}}- {{.}}\n{{>items}}{{/list}}",
    "parent": "[{{$b}}默认{{/b}}]\n  {{$c}}\n  缩进\n  {{/c}}\n",
    "child": "{{<parent}}{{$b}}{{地区}}{{/b}}{{/parent}}",
    "broken": "{{#a}}",
])
let context = Value.map([
    "a": .string("p"),
    "list": .list([.string("甲"), .map(["a": .string("items")]), .bool(false), .number(27.9)]),
    "地区": .string("长沙市"),
    "figures": .map(["current": .number(8984), "previous": .number(12460)]),
    "empty": .list([]),
    "null": .null,
])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let source = Fuzz.text(start, count)
    let template: Template
    do {
        template = try Template(source, path: "templates/fuzz.md", startLine: 3)
    } catch {
        Fuzz.expectPositioned(error.diagnostics, needsLine: true, source)
        return 0
    }
    for strict in [false, true] {
        let options = RenderOptions(
            escaper: MarkdownEscaper(), partials: partials, helpers: TemplateHelpers.standard, strict: strict,
            maxPartialDepth: 16, maxOutputBytes: 1 << 20)
        do {
            let rendered = try template.render(context, options: options)
            // The bound is checked after each value, list item and partial: one more step may pass it.
            if rendered.text.utf8.count > 2 << 20 { fatalError("output of \(rendered.text.utf8.count) bytes") }
        } catch {
            Fuzz.expectPositioned(error.diagnostics, needsLine: true, source)
        }
    }
    return 0
}
