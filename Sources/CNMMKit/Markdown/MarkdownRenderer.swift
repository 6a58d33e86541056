import Foundation

/// The Markdown stage for one page: shortcodes expanded, Markdown rendered, headings given ids and icons.
///
/// Input: a page's body and where it starts in its file. Output: the HTML, the headings (with ids unique in
/// the page, plain text, icon name and real file line), and diagnostics for what could not be done.
public struct MarkdownRenderer: Sendable {
    /// Inline SVG for each icon name the theme has.
    public var icons: [String: String]
    /// Icon name → dimension id: a `##` heading with such an icon is that dimension's section.
    public var dimensionIcons: [String: String]

    public init(icons: [String: String], dimensionIcons: [String: String] = [:]) {
        self.icons = icons
        self.dimensionIcons = dimensionIcons
    }

    public struct Output: Sendable {
        public var html: String
        public var headings: [Heading]
        public var diagnostics: [Diagnostic]
        /// A hash of `html` (`PageHTML.digest`), made when a preview keeps the output.
        var digest: Int? = nil
        /// A hash of `headings`, made when a preview keeps the output.
        var headingsDigest: Int? = nil
    }

    /// Renders Markdown whose first line is line `firstLine` of the file at `path`.
    public func render(
        _ markdown: String, path: String, firstLine: Int, resolvePage: (String) -> String? = { _ in nil }
    ) -> Output {
        var headings: [Heading] = []
        var diagnostics: [Diagnostic] = []
        var slugs = Slug.Registry()
        var dimension: String?
        let rewriteLink = { (url: String, line: Int, isImage: Bool) -> String? in
            if MarkdownLinks.isScript(url, isImage: isImage) {
                diagnostics.append(
                    .warning(
                        path, line: line + firstLine - 1,
                        "\(isImage ? "image" : "link") URL \(url.prefix(40)) runs script; it is removed"))
                return "#"
            }
            guard !isImage, let target = MarkdownLinks.exportedPageLink(url) else { return nil }
            if let resolved = resolvePage(target) { return resolved }
            diagnostics.append(
                .error(
                    path, line: line + firstLine - 1,
                    "link \(url) names a Markdown file that is not a page of this site"))
            return nil
        }
        let html = CMark.render(markdown, rewriteLink: rewriteLink) { node in
            let line = node.line + firstLine - 1
            let icon = IconMarkup.iconName(in: node.inlineHTML)
            // Dimension sections get language-neutral anchors (`people`), their topics `people-<slug>`.
            if node.level <= 2 { dimension = icon.flatMap { dimensionIcons[$0] } }
            let slug = Slug.make(node.plainText)
            let id: String
            switch (node.level, dimension) {
            case (2, let dimension?): id = slugs.unique(dimension)
            case (3, let dimension?): id = slugs.unique("\(dimension)-\(slug)")
            default: id = slugs.unique(slug)
            }
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
            let text = node.plainText.trimmingWhitespaceAndNewlines
            var heading = Heading(level: node.level, id: id, text: text, icon: icon, line: line)
            heading.dimension = dimension
            heading.slug = slug
            headings.append(heading)
            return "<h\(node.level) id=\"\(id)\">\(inner.trimmingWhitespace)</h\(node.level)>"
        }
        return Output(html: MarkdownLinks.addNoopener(html), headings: headings, diagnostics: diagnostics)
    }
}
