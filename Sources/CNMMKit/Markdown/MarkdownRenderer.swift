import Foundation

/// The Markdown stage for one page: shortcodes expanded, Markdown rendered, headings given ids and icons.
///
/// Input: a page's body and where it starts in its file. Output: the HTML, the headings (with ids unique in
/// the page, plain text, icon name and real file line), and diagnostics for what could not be done.
public struct MarkdownRenderer: Sendable {
    /// Inline SVG for each icon name the theme has.
    public var icons: [String: String]

    public init(icons: [String: String]) {
        self.icons = icons
    }

    public struct Output: Sendable {
        public var html: String
        public var headings: [Heading]
        public var diagnostics: [Diagnostic]
    }

    /// Renders Markdown whose first line is line `firstLine` of the file at `path`.
    public func render(_ markdown: String, path: String, firstLine: Int) -> Output {
        var headings: [Heading] = []
        var diagnostics: [Diagnostic] = []
        var slugs = Slug.Registry()
        let html = CMark.render(markdown) { node in
            let line = node.line + firstLine - 1
            let id = slugs.unique(Slug.make(node.plainText))
            let icon = IconMarkup.iconName(in: node.inlineHTML)
            var inner = node.innerHTML
            if let icon {
                if let svg = icons[icon] {
                    inner = IconMarkup.replace(icon: icon, in: inner, with: svg)
                } else {
                    diagnostics.append(
                        .warning(
                            path, line: line,
                            "icon 'fa-\(icon)' is not in the theme's icon set; the <i> element is kept"))
                }
            }
            let text = node.plainText.trimmingCharacters(in: .whitespacesAndNewlines)
            headings.append(Heading(level: node.level, id: id, text: text, icon: icon, line: line))
            return "<h\(node.level) id=\"\(id)\">\(inner.trimmingCharacters(in: .whitespaces))</h\(node.level)>"
        }
        return Output(html: html, headings: headings, diagnostics: diagnostics)
    }
}
