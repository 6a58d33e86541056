internal import CCmarkGFM
import Foundation

/// The project's only door to cmark-gfm: Markdown in, HTML out, with a hook to rewrite headings.
///
/// Ownership: the parser and the document tree are freed with `defer` right after they are made;
/// every string cmark returns is copied into Swift at once and then `free`d.
enum CMark {
    /// A heading as cmark parsed it.
    struct HeadingNode {
        var level: Int
        /// 1-based line within the Markdown given to `render`.
        var line: Int
        /// Text and code of the heading, with inline HTML left out.
        var plainText: String
        /// The text Hugo makes a heading's id of: `plainText` with its typographer's dashes, which ids leave out (a
        /// run of hyphens outside code counts as one `-` when its length leaves 1 over threes, else as nothing).
        var anchorText: String
        /// Raw inline HTML fragments inside the heading (`<i class="fas fa-users">`).
        var inlineHTML: [String]
        /// The heading's inner HTML as cmark renders it.
        var innerHTML: String
    }

    /// Renders GitHub-flavoured Markdown (tables, strikethrough, autolinks, task lists) to HTML, with
    /// raw HTML passed through. The headings, all at once in document order, are replaced by the HTML `rewrite`
    /// returns for them, one string each (a heading's id can depend on the headings after it).
    ///
    /// `quickHeadings: false` makes every heading's inner HTML with cmark's renderer (tests compare the two ways).
    static func render(
        _ markdown: String, rewriteLink: (_ url: String, _ line: Int, _ isImage: Bool) -> String? = { _, _, _ in nil },
        quickHeadings: Bool = true, rewrite: ([HeadingNode]) -> [String]
    ) -> String {
        render(markdown, rewriteLink: rewriteLink, quickHeadings: quickHeadings, rewrite: rewrite) { bytes in
            String(decoding: bytes, as: UTF8.self)
        }
    }

    /// `render`, handing the HTML to `finish` as the bytes cmark wrote (valid only during the call), so that a caller
    /// that goes over them makes one Swift string, not two.
    static func render<Result>(
        _ markdown: String, rewriteLink: (_ url: String, _ line: Int, _ isImage: Bool) -> String? = { _, _, _ in nil },
        rewriteHTML: (_ html: String, _ line: Int) -> String? = { _, _ in nil },
        quickHeadings: Bool = true, rewrite: ([HeadingNode]) -> [String],
        finish: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        registerExtensions
        // Table alignment as style attributes: the align attribute is obsolete HTML.
        let options = CMARK_OPT_UNSAFE | CMARK_OPT_GITHUB_PRE_LANG | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        guard let parser = cmark_parser_new(options) else { return finish(UnsafeBufferPointer(start: nil, count: 0)) }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            // Extensions are found by name after registration; the parser keeps the list the renderer needs.
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        var utf8 = Array(markdown.utf8)
        let hasTilde = utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
            guard let start = buffer.baseAddress, buffer.count > 0 else { return false }
            return memchr(start, Int32(UInt8(ascii: "~")), buffer.count) != nil
        }
        // See `finishing`: a page with a `~` parses alone, the others side by side.
        hasTilde ? finishing.lockAlone() : finishing.lockShared()
        let finished = cmark_parser_finish(parser)
        finishing.unlock()
        guard let document = finished else { return finish(UnsafeBufferPointer(start: nil, count: 0)) }
        defer { cmark_node_free(document) }
        // The extension list belongs to the parser: render before the parser is freed (the defer order does this).
        let extensions = cmark_parser_get_syntax_extensions(parser)

        let (headingNodes, links, htmlNodes) = nodes(in: document)
        for node in htmlNodes {
            // Raw HTML's literal is owned by the node; the setter copies the new one.
            guard let pointer = cmark_node_get_literal(node) else { continue }
            if let replacement = rewriteHTML(String(cString: pointer), Int(cmark_node_get_start_line(node))) {
                cmark_node_set_literal(node, replacement)
            }
        }
        for link in links {
            // Link URLs are owned by the node; the setter copies the new one.
            guard let pointer = cmark_node_get_url(link) else { continue }
            let url = String(cString: pointer)
            let isImage = cmark_node_get_type(link) == CMARK_NODE_IMAGE
            if let replacement = rewriteLink(url, Int(cmark_node_get_start_line(link)), isImage) {
                cmark_node_set_url(link, replacement)
            }
        }
        let replacements = rewrite(
            headingNodes.map { headingNode($0, extensions: extensions, options: options, quick: quickHeadings) })
        for (heading, replacement) in zip(headingNodes, replacements) {
            guard let block = cmark_node_new(CMARK_NODE_HTML_BLOCK) else { continue }
            cmark_node_set_literal(block, replacement)
            cmark_node_replace(heading, block)
            cmark_node_free(heading)
        }
        guard let html = cmark_render_html(document, options, extensions) else {
            return finish(UnsafeBufferPointer(start: nil, count: 0))
        }
        // Allocated by cmark for the caller: freed once `finish` has read it.
        defer { free(html) }
        return html.withMemoryRebound(to: UInt8.self, capacity: 1) { start in
            finish(UnsafeBufferPointer(start: start, count: strlen(html)))
        }
    }

    /// Who may finish a parse (parse its inlines) at the same time as whom.
    ///
    /// cmark-gfm keeps the characters that start an inline in a table the whole process shares, and each parse
    /// switches its extensions' characters on when it starts parsing inlines and off when it ends: two parsers
    /// on different threads switched `~` off under each other, and a few pages in a hundred lost their `<del>`.
    /// The autolink extension's `:` and `w` are switched on once for good (`registerExtensions`), so only
    /// strikethrough's `~` still flips; it matters only to a page that has one. Such a page finishes alone;
    /// pages without a `~` finish side by side.
    private static let finishing = ReadWriteLock()

    /// Registers the core extensions once per process (cmark-gfm's own guard is not thread-safe), and takes
    /// the autolink extension's characters (`:`, `w`) out of the switching (see `finishing`): they are switched
    /// on once, and the extension is then given an empty list (public API). It needs no list to be asked: each
    /// special character is offered to every inline extension; the list only decides which characters are
    /// special, and for a delimiter like `~`, which extension owns it (so strikethrough keeps its own).
    private static let registerExtensions: Void = {
        cmark_gfm_core_extensions_ensure_registered()
        guard let autolink = cmark_find_syntax_extension("autolink"), let parser = cmark_parser_new(CMARK_OPT_DEFAULT)
        else { return }
        defer { cmark_parser_free(parser) }
        cmark_parser_attach_syntax_extension(parser, autolink)
        cmark_manage_extensions_special_characters(parser, 1)
        cmark_syntax_extension_set_special_inline_chars(autolink, nil)
    }()

    /// Headings, links and raw HTML in document order, collected before the tree is changed (an iterator must not see edits).
    private static func nodes(in document: OpaquePointer) -> ([OpaquePointer], [OpaquePointer], [OpaquePointer]) {
        var result: [OpaquePointer] = []
        var links: [OpaquePointer] = []
        var html: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return (result, links, html) }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            if cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                let node = cmark_iter_get_node(iterator)
            {
                switch cmark_node_get_type(node) {
                case CMARK_NODE_HEADING: result.append(node)
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE: links.append(node)
                case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK: html.append(node)
                default: break
                }
            }
        }
        return (result, links, html)
    }

    /// A heading's text, inline HTML and inner HTML. A heading of text, code, inline HTML and line breaks only
    /// (nearly all) gets its inner HTML written here as cmark's renderer writes it; any other gets the renderer
    /// (setting one up for each heading was a tenth of the Markdown stage).
    private static func headingNode(
        _ node: OpaquePointer, extensions: UnsafeMutablePointer<cmark_llist>?, options: Int32, quick: Bool
    ) -> HeadingNode {
        var text = ""
        var anchor = ""
        var inlineHTML: [String] = []
        var inner = ""
        var simple = quick
        if let iterator = cmark_iter_new(node) {
            defer { cmark_iter_free(iterator) }
            while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                    let child = cmark_iter_get_node(iterator)
                else {
                    continue
                }
                switch cmark_node_get_type(child) {
                case CMARK_NODE_TEXT:
                    let value = literal(child)
                    text += value
                    anchor += typographerDashes(value)
                    inner += escaped(value)
                case CMARK_NODE_CODE:
                    let value = literal(child)
                    text += value
                    anchor += value
                    inner += "<code>" + escaped(value) + "</code>"
                case CMARK_NODE_SOFTBREAK:
                    text += " "
                    anchor += " "
                    inner += "\n"
                case CMARK_NODE_LINEBREAK:
                    text += " "
                    anchor += " "
                    inner += "<br />\n"
                case CMARK_NODE_HTML_INLINE:
                    let value = literal(child)
                    inlineHTML.append(value)
                    inner += value
                case CMARK_NODE_HEADING where child == node:
                    break
                default:
                    simple = false
                }
            }
        }
        if simple {
            return HeadingNode(
                level: Int(cmark_node_get_heading_level(node)), line: Int(cmark_node_get_start_line(node)),
                plainText: text, anchorText: anchor, inlineHTML: inlineHTML, innerHTML: inner)
        }
        inner = ""
        // Rendering the heading node alone gives "<hN>inner</hN>\n"; keep the inner part.
        let whole = takeString(cmark_render_html(node, options, extensions))
        let bytes = Array(whole.utf8)
        if let open = bytes.firstIndex(of: UInt8(ascii: ">")),
            let close = bytes.indices.last(where: {
                $0 + 2 < bytes.count && bytes[$0] == UInt8(ascii: "<") && bytes[$0 + 1] == UInt8(ascii: "/")
                    && bytes[$0 + 2] == UInt8(ascii: "h")
            }), open < close
        {
            inner = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
        }
        return HeadingNode(
            level: Int(cmark_node_get_heading_level(node)),
            line: Int(cmark_node_get_start_line(node)),
            plainText: text,
            anchorText: anchor,
            inlineHTML: inlineHTML,
            innerHTML: inner
        )
    }

    /// Text as Hugo's typographer leaves it for an id: each run of `-` becomes one `-` when its length is 1 more than a
    /// multiple of 3 (`-`, `----`: dashes and one hyphen), else nothing (`--` and `---` are en and em dashes).
    static func typographerDashes(_ text: String) -> String {
        guard text[...].firstUTF8Range(of: "--") != nil else { return text }
        var out: [UInt8] = []
        var run = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "-") {
                run += 1
                continue
            }
            if run % 3 == 1 { out.append(UInt8(ascii: "-")) }
            run = 0
            out.append(byte)
        }
        if run % 3 == 1 { out.append(UInt8(ascii: "-")) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Text as cmark's HTML renderer escapes it: `"`, `&`, `<` and `>` (not `'` or `/`, outside attributes).
    private static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x22 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "&quot;"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func literal(_ node: OpaquePointer) -> String {
        guard let pointer = cmark_node_get_literal(node) else { return "" }
        return String(cString: pointer)  // owned by the node: copy, never free
    }

    /// Copies a string cmark allocated for the caller, then frees it.
    private static func takeString(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
