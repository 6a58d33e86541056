import Foundation
import Mustache

/// The render stage: view models through the theme's layouts into HTML, plus the site's XML and text files.
///
/// Input: the assembled site with rendered Markdown, and the theme. Output: the files to write; a
/// layout that is missing or renders nothing is an error naming the template.
struct SiteRenderer {
    var site: Site
    var theme: Theme
    var noindex: Bool
    /// Pages rendered by earlier builds (the preview server's rebuilds); nil renders every page.
    var memo: RenderMemo?
    /// Sidebars rendered by earlier builds (the preview's).
    var sidebars: RenderMemo? = nil
    /// Pages' HTML from earlier builds, taken over without a view model when nothing it reads changed.
    var shortcuts: ReuseTable<RenderShortcut.Key, Data?>? = nil
    /// Counts pages rendered, for a progress display.
    var progress: BuildProgress?
    /// Where `cnmm build` writes each page as soon as it is rendered, keeping only its size, ids and links
    /// (so a site's pages are never all in memory at once); nil keeps the pages in memory (the preview).
    var spill: StagingFolder? = nil

    /// Renders every page; warnings (a front matter layout the theme lacks) go to `warnings`.
    func render(warnings missingLayouts: DiagnosticLog) throws(BuildFailure) -> [OutputFile] {
        let context = PageContext(site: site, theme: theme, noindex: noindex, memo: sidebars)
        let indices = site.config.publishedLanguages.flatMap { site.ordered[$0.code] ?? [] }
        let shortcut = shortcuts.map { _ in RenderShortcut(site: site, noindex: noindex) }
        let settled = spill.map { _ in
            LinkChecker.Settled(
                basePath: site.config.basePath,
                pages: Set(indices.map { Self.outputPath(url: site.pages[$0].url, basePath: site.config.basePath) }))
        }
        let results = indices.parallelMap { index -> Result<OutputFile, Diagnostic> in
            defer { progress?.pageDone() }
            let page = site.pages[index]
            let layout = layoutName(for: page)
            if let wanted = page.frontMatter.layout, wanted != layout, page.fallbackFrom == nil {
                missingLayouts.report(
                    .warning(page.sourcePath, line: 1, "layout '\(wanted)' is not in the theme; '\(layout)' is used"))
            }
            let render = { () -> Data? in
                let model = context.page(index)
                let html =
                    memo.map {
                        $0.html(layout: layout, context: model) {
                            theme.library.render(context.completed(model), withTemplate: layout)
                        }
                    } ?? theme.library.render(context.completed(model), withTemplate: layout)
                return html.map { Data($0.utf8) }
            }
            let path = Self.outputPath(url: page.url, basePath: site.config.basePath)
            let rendered: Data?
            if let shortcuts, let shortcut, RenderShortcut.applies(to: page) {
                // A page taken over keeps its very bytes, which spares the later stages comparing them.
                rendered = shortcuts.value(path, input: shortcut.key(page, layout: layout), make: render)
            } else {
                rendered = render()
            }
            guard let html = rendered else {
                return .failure(
                    .error(
                        page.sourcePath.isEmpty ? "layouts/\(layout).mustache" : page.sourcePath,
                        "template not found: \(layout)"))
            }
            let file = OutputFile(path: path, content: .data(html))
            guard let spill else { return .success(file) }
            do {
                return .success(try spill.keep(file, settled: settled))
            } catch {
                return .failure(.error(file.path, "cannot write into the staging folder: \(error)"))
            }
        }
        var files: [OutputFile] = []
        var errors: [Diagnostic] = []
        for result in results {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let diagnostic): errors.append(diagnostic)
            }
        }
        // A 404 page at the root, and in each language's folder as Hugo writes one (`/de/404.html`).
        for language in [nil] + site.config.publishedLanguages.map(\.code) {
            let prefix = language.map(site.config.languagePrefix) ?? ""
            guard language == nil || !prefix.isEmpty else { continue }
            if let html = theme.library.render(context.notFound(language: language), withTemplate: "404") {
                files.append(OutputFile(path: prefix + "404.html", text: html))
            } else {
                errors.append(.error("layouts/404.mustache", "template not found: 404"))
                break
            }
        }
        let (aliases, aliasProblems) = Aliases(site: site).files(taken: Set(files.map(\.path)))
        files += aliases
        files += Aliases(site: site).languageRoot(taken: Set(files.map(\.path)))
        errors += aliasProblems
        if !errors.isEmpty { throw BuildFailure(errors) }
        files.append(OutputFile(path: "sitemap.xml", text: Sitemap(site: site).xml()))
        files.append(OutputFile(path: "robots.txt", text: robots()))
        if !theme.iconSymbols.isEmpty {
            files.append(OutputFile(path: IconSprite.fileName, text: IconSprite.file(theme.iconSymbols)))
        }
        if site.models.values.contains(where: { !$0.levels.isEmpty }) {
            files.append(OutputFile(path: "model.json", content: .data(ModelJSON(site: site).data())))
        }
        return files
    }

    /// The layout for a page: its front matter `layout` when the theme has it, else one by kind.
    func layoutName(for page: Page) -> String {
        if let layout = page.frontMatter.layout, theme.templateNames.contains(layout) { return layout }
        if let generated = page.generated { return generated.layout }
        if theme.templateNames.contains("level"),
            site.models[page.language]?.levels.contains(where: { site.pages[$0.page].sourcePath == page.sourcePath })
                == true
        {
            return "level"
        }
        switch page.kind {
        case .home: return "home"
        case .section: return "section"
        case .page: return "page"
        }
    }

    /// `/base/de/level-3/` → `de/level-3/index.html`.
    static func outputPath(url: String, basePath: String) -> String {
        let path = String(url.dropFirst(basePath.count))
        guard path.utf8.contains(UInt8(ascii: "%")) else { return path + "index.html" }
        return (path.removingPercentEncoding ?? path) + "index.html"
    }

    private func robots() -> String {
        var text = "User-agent: *\n"
        if noindex { text += "Disallow: /\n" }
        if site.config.hasAbsoluteBaseURL {
            text += "Sitemap: \(site.config.absoluteURL(site.config.basePath + "sitemap.xml"))\n"
        }
        return text
    }
}
