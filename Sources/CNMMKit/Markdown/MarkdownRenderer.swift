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
        /// Where the headings and the site's links sit in `html`.
        public var content = PageContent()
        /// A hash of `html` (`PageHTML.digest`), made when a preview keeps the output.
        var digest: Int? = nil
        /// A hash of `headings`, made when a preview keeps the output.
        var headingsDigest: Int? = nil
    }

    /// Renders Markdown whose first line is line `firstLine` of the file at `path`, for the page at `pageURL`
    /// (links are resolved from there). `resolvePage` turns a link to a Markdown file into its page's URL.
    public func render(
        _ markdown: String, path: String, firstLine: Int, pageURL: String = "/",
        resolvePage: (String) -> String? = { _ in nil }
    ) -> Output {
        var diagnostics: [Diagnostic] = []
        // Links and headings are first written as tokens, found again in cmark's HTML (see `SlotTokens`).
        var tokens = SlotTokens(avoiding: markdown)
        // Each link with its text for the page's own HTML (`raw`: as written in raw HTML, not escaped again).
        var links: [(link: ContentLink, written: String, raw: Bool)] = []
        let rewriteLink = { (url: String, line: Int, isImage: Bool) -> String? in
            let line = line + firstLine - 1
            if MarkdownLinks.isScript(url, isImage: isImage) {
                diagnostics.append(
                    .warning(
                        path, line: line,
                        "\(isImage ? "image" : "link") URL \(url.prefix(40)) runs script; it is removed"))
                return "#"
            }
            var link = ContentLink(range: 0..<0, url: url, isRelative: true, line: line, isImage: isImage)
            var written = url
            if !isImage, let target = MarkdownLinks.exportedPageLink(url) {
                // A file name as written on disk: percent-escapes (`%20`, `%C3%BC`) stand for the characters.
                let decoded =
                    target.utf8.contains(UInt8(ascii: "%")) ? target.removingPercentEncoding ?? target : target
                guard let resolved = resolvePage(decoded) else {
                    diagnostics.append(
                        .error(path, line: line, "link \(url) names a Markdown file that is not a page of this site"))
                    link.isResolved = false
                    links.append((link, url, false))
                    return tokens.token(.link, links.count - 1)
                }
                link.url = resolved
                link.isRelative = false
                written = resolved
            } else if !URLReference.isLocal(url) {
                return nil
            } else if url.hasPrefix("/") || url.hasPrefix("\\") {
                link.url = URLReference.resolve(url, against: pageURL)
                link.isRelative = false
            }
            links.append((link, written, false))
            return tokens.token(.link, links.count - 1)
        }
        var headings: [Heading] = []
        var headingInner: [String] = []
        let replacement = { (kind: SlotTokens.Kind, index: Int) -> SlotTokens.Replacement in
            switch kind {
            case .link:
                let written = links[index].written
                return .link(links[index].raw ? written : URLReference.escapedForHref(written), links[index].link)
            case .heading:
                let heading = headings[index]
                var opening = "<h\(heading.level) id=\"\(heading.id)\">"
                if let alias = heading.alias { opening += HeadingMarkup.aliasAnchor(alias) }
                let closing = headingInner[index].utf8.count + "</h\(heading.level)>".utf8.count
                return .heading(opening: opening, rest: closing)
            }
        }
        let (html, content) = CMark.render(
            markdown, rewriteLink: rewriteLink,
            rewriteHTML: { html, line in
                // `href` and `src` in raw HTML lead somewhere too: written for another page like Markdown links.
                RawHTMLLinks.rewrite(html) { value, isImage, offset in
                    let url = RawHTMLLinks.decoded(value)
                    guard !url.isEmpty, URLReference.isLocal(url), !MarkdownLinks.isScript(url, isImage: isImage) else {
                        return nil
                    }
                    var link = ContentLink(
                        range: 0..<0, url: url, isRelative: true, line: line + offset + firstLine - 1, isImage: isImage)
                    if url.hasPrefix("/") {
                        link.url = URLReference.resolve(url, against: pageURL)
                        link.isRelative = false
                    }
                    links.append((link, value, true))
                    return tokens.token(.link, links.count - 1)
                }
            },
            rewrite: { nodes in
                headings = self.headings(nodes, path: path, firstLine: firstLine, diagnostics: &diagnostics)
                headingInner = nodes.map { node in
                    guard let icon = IconMarkup.iconName(in: node.inlineHTML), let svg = icons[icon] else {
                        return node.innerHTML.trimmingWhitespace
                    }
                    return IconMarkup.replace(icon: icon, in: node.innerHTML, with: svg).trimmingWhitespace
                }
                return headings.indices.map { index in
                    tokens.token(.heading, index) + headingInner[index] + "</h\(headings[index].level)>"
                }
            },
            finish: { bytes -> (String, PageContent) in
                // `target="_blank"` in raw HTML (rare) gets `rel` first, on a string; else the tokens are replaced
                // straight from cmark's bytes.
                if MarkdownLinks.mayOpenNewTab(bytes) {
                    let marked = MarkdownLinks.addNoopener(String(decoding: bytes, as: UTF8.self))
                    return tokens.replace(in: marked, replacement)
                }
                return tokens.replace(in: bytes, replacement)
            })
        return Output(html: html, headings: headings, diagnostics: diagnostics, content: content)
    }

    /// The headings of a page with their ids. Every heading has Hugo's id (`HugoAnchor`), so that links into the
    /// site Hugo built still land; a dimension's `##` and its `###` topics also have a language-neutral id, the same
    /// in every language (`people`, `people-<slug>`), which sits on the heading, Hugo's as its `alias` where the
    /// two differ. Hugo's ids are given first, in Hugo's order; a neutral id never takes one of them.
    private func headings(_ nodes: [CMark.HeadingNode], path: String, firstLine: Int, diagnostics: inout [Diagnostic])
        -> [Heading]
    {
        var hugo = HugoAnchor.Registry()
        let hugoIDs = nodes.map { hugo.unique(HugoAnchor.make($0.anchorText)) }
        var used = Set(hugoIDs)
        func unique(_ base: String) -> String {
            let base = base.isEmpty ? "section" : base
            guard used.contains(base) else {
                used.insert(base)
                return base
            }
            var suffix = 1
            while used.contains("\(base)-\(suffix)") { suffix += 1 }
            used.insert("\(base)-\(suffix)")
            return "\(base)-\(suffix)"
        }
        var dimension: String?
        return nodes.enumerated().map { index, node in
            let line = node.line + firstLine - 1
            let icon = IconMarkup.iconName(in: node.inlineHTML)
            if node.level <= 2 { dimension = icon.flatMap { dimensionIcons[$0] } }
            let hugoID = hugoIDs[index]
            // The text's own slug matches a topic across levels and languages' pages; other headings need none.
            let slug = dimension != nil || hugoID.isEmpty ? Slug.make(node.plainText) : ""
            var neutral: String?
            switch (node.level, dimension) {
            case (2, let dimension?): neutral = dimension
            case (3, let dimension?): neutral = "\(dimension)-\(slug)"
            default: neutral = nil
            }
            let id: String
            if let neutral {
                id = neutral == hugoID ? hugoID : unique(neutral)
            } else {
                id = hugoID.isEmpty ? unique(slug) : hugoID
            }
            if let icon, icons[icon] == nil {
                diagnostics.append(
                    .warning(
                        path, line: line, "icon 'fa-\(icon)' is not in the theme's icon set; the <i> element is kept"))
            }
            let text = node.plainText.trimmingWhitespaceAndNewlines
            var heading = Heading(level: node.level, id: id, text: text, icon: icon, line: line)
            heading.alias = hugoID.isEmpty || hugoID == id ? nil : hugoID
            heading.dimension = dimension
            heading.slug = slug
            return heading
        }
    }
}
