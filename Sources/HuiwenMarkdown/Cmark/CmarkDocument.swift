// Parsing and HTML rendering. This folder is the only one that talks to cmark-gfm's C API:
// nothing outside it sees a pointer.
import CCmarkGFM
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `cmark_gfm_core_extensions_ensure_registered` is an unsynchronised check-then-set; a global
/// `let` initialiser runs exactly once per process, whichever thread gets there first.
// Internal (not private): the document path in CmarkDocument+Transforms.swift shares it.
let coreExtensionsRegistered: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    return true
}()

/// Extensions add and remove characters in a process-global table during
/// `cmark_parser_finish` (cmark-gfm PR #176): two parsers finishing at once corrupt each other's
/// output. Every finish in the process goes through this lock.
// Internal (not private): the document path in CmarkDocument+Transforms.swift shares it.
let parserFinishLock = Mutex(())

enum CmarkDocument {
    static func renderHTML(_ markdown: String, options: MarkdownOptions) -> String {
        withParsedDocument(markdown, options: options) { root, flags, extensions in
            html(of: root, flags: flags, extensions: extensions)
        } ?? ""
    }

    /// Parses `markdown` and hands the tree to `body` (which may change it), then frees it.
    /// nil when cmark could not allocate a parser or a tree.
    static func withParsedDocument<Result>(
        _ markdown: String,
        options: MarkdownOptions,
        _ body: (_ root: OpaquePointer, _ flags: Int32, _ extensions: UnsafeMutablePointer<cmark_llist>?) -> Result
    ) -> Result? {
        precondition(coreExtensionsRegistered)
        var flags = CMARK_OPT_DEFAULT
        if options.footnotes { flags |= CMARK_OPT_FOOTNOTES }
        if options.allowsRawHTML { flags |= CMARK_OPT_UNSAFE }

        guard let parser = cmark_parser_new(flags) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in options.extensions {
            if let extensionPointer = cmark_find_syntax_extension(name.rawValue) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }

        var source = markdown
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        nonisolated(unsafe) var finished: OpaquePointer?
        parserFinishLock.withLock { _ in finished = cmark_parser_finish(parser) }
        guard let root = finished else { return nil }
        defer { cmark_node_free(root) }
        return body(root, flags, cmark_parser_get_syntax_extensions(parser))
    }

    /// The HTML of a parsed tree, with the parser's flags and extensions.
    static func html(of root: OpaquePointer, flags: Int32, extensions: UnsafeMutablePointer<cmark_llist>?) -> String {
        guard let rendered = cmark_render_html(root, flags, extensions) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
