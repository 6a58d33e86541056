/// Runs the Markdown stage over a whole site: `ref` shortcodes resolved, every page body rendered on all cores.
struct MarkdownStage {
    var site: Site
    var icons: [String: String]
    var dimensions: [Dimension]
    /// Pages rendered by the preview's earlier builds; nil renders every page.
    var memo: ReuseTable<Input, MarkdownRenderer.Output>?

    /// What a page's HTML is made from: its own text and place, and a summary of everything else it can
    /// depend on (every page's URL, for `ref` and `.md` links; the icons; the dimensions).
    struct Input: Equatable, Sendable {
        var body: String
        var bodyLine: Int
        var path: String
        var url: String
        var kind: PageKind
        var site: Int
    }

    func run(log: DiagnosticLog) -> Site {
        let resolver = RefResolver(site: site)
        let dimensionIcons = Dictionary(dimensions.map { ($0.icon, $0.id) }, uniquingKeysWith: { a, _ in a })
        let renderer = MarkdownRenderer(icons: icons, dimensionIcons: dimensionIcons)
        let pages = site.pages
        let shape = memo == nil ? 0 : siteShape(dimensionIcons: dimensionIcons)
        let outputs = Array(pages.indices).parallelMap { index -> MarkdownRenderer.Output in
            let page = pages[index]
            guard !page.body.isEmpty else { return MarkdownRenderer.Output(html: "", headings: [], diagnostics: []) }
            guard let memo else { return render(page, resolver: resolver, renderer: renderer) }
            let input = Input(
                body: page.body, bodyLine: page.bodyLine, path: page.path, url: page.url, kind: page.kind, site: shape)
            return memo.value(page.language + "\u{0}" + page.sourcePath, input: input) {
                var output = render(page, resolver: resolver, renderer: renderer)
                output.digest = PageHTML.digest(of: output.html)
                output.headingsDigest = output.headings.hashValue
                return output
            }
        }
        var site = site
        for (index, output) in outputs.enumerated() {
            site.pages[index].html = output.html
            site.pages[index].htmlDigest = output.digest
            site.pages[index].headings = output.headings
            site.pages[index].headingsDigest = output.headingsDigest
            site.pages[index].content = output.content
            output.diagnostics.forEach(log.report)
        }
        return site
    }

    private func render(_ page: Page, resolver: RefResolver, renderer: MarkdownRenderer) -> MarkdownRenderer.Output {
        let shortcodes = Shortcodes { target, language in
            resolver.resolve(target, language: language.map(Language.normalise) ?? page.language, from: page)
        }
        let (markdown, problems) = shortcodes.expand(page.body, path: page.sourcePath, firstLine: page.bodyLine)
        var output = renderer.render(markdown, path: page.sourcePath, firstLine: page.bodyLine, pageURL: page.url) {
            target in
            resolver.resolve(target, language: page.language, from: page)
        }
        output.diagnostics = problems + output.diagnostics
        return output
    }

    /// A hash of what every page's Markdown may depend on beyond its own text: pages' languages, paths and
    /// URLs, the configuration's languages and base path, the icons and the dimensions.
    private func siteShape(dimensionIcons: [String: String]) -> Int {
        var hasher = Hasher()
        for page in site.pages {
            hasher.combine(page.language)
            hasher.combine(page.path)
            hasher.combine(page.url)
        }
        hasher.combine(site.config.basePath)
        hasher.combine(site.config.defaultLanguage)
        hasher.combine(site.config.translationFallback)
        for language in site.config.languages { hasher.combine(site.config.languagePrefix(language.code)) }
        for key in icons.keys.sorted() { hasher.combine(key + "=" + (icons[key] ?? "")) }
        for key in dimensionIcons.keys.sorted() { hasher.combine(key + "=" + (dimensionIcons[key] ?? "")) }
        return hasher.finalize()
    }
}
