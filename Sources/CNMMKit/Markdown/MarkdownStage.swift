/// Runs the Markdown stage over a whole site: `ref` shortcodes resolved, every page body rendered on all cores.
struct MarkdownStage {
    var site: Site
    var icons: [String: String]
    var dimensions: [Dimension]

    func run(log: DiagnosticLog) -> Site {
        let resolver = RefResolver(site: site)
        let renderer = MarkdownRenderer(
            icons: icons,
            dimensionIcons: Dictionary(dimensions.map { ($0.icon, $0.id) }, uniquingKeysWith: { a, _ in a }))
        let pages = site.pages
        let outputs = Array(pages.indices).parallelMap { index -> MarkdownRenderer.Output in
            let page = pages[index]
            guard !page.body.isEmpty else { return MarkdownRenderer.Output(html: "", headings: [], diagnostics: []) }
            let shortcodes = Shortcodes { target, language in
                resolver.resolve(target, language: language.map(Language.normalise) ?? page.language, from: page)
            }
            let (markdown, problems) = shortcodes.expand(page.body, path: page.sourcePath, firstLine: page.bodyLine)
            var output = renderer.render(markdown, path: page.sourcePath, firstLine: page.bodyLine) { target in
                resolver.resolve(target, language: page.language, from: page)
            }
            output.diagnostics = problems + output.diagnostics
            return output
        }
        var site = site
        for (index, output) in outputs.enumerated() {
            site.pages[index].html = output.html
            site.pages[index].headings = output.headings
            output.diagnostics.forEach(log.report)
        }
        return site
    }
}
