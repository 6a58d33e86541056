/// Redirect pages for the old URLs a page lists in `aliases`.
///
/// `/old/` is taken from the page's language root, `old` from the page's folder; each becomes
/// `<alias>/index.html` (or the alias itself when it ends in `.html`) that sends the reader to the page.
struct Aliases {
    var site: Site

    func files(taken: Set<String>) -> ([OutputFile], [Diagnostic]) {
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        var owners: [String: String] = [:]
        for language in site.config.publishedLanguages {
            for index in site.ordered[language.code] ?? [] {
                let page = site.pages[index]
                guard page.fallbackFrom == nil else { continue }
                for alias in page.frontMatter.aliases {
                    let path = outputPath(alias, page: page)
                    let line = page.frontMatter.aliasesLine
                    if path == SiteRenderer.outputPath(url: page.url, basePath: site.config.basePath) {
                        diagnostics.append(
                            .error(page.sourcePath, line: line, "alias \(alias) is this page's own URL; remove it"))
                    } else if taken.contains(path) {
                        diagnostics.append(
                            .error(page.sourcePath, line: line, "alias \(alias) is the URL of another page"))
                    } else if let owner = owners[path] {
                        diagnostics.append(
                            .error(page.sourcePath, line: line, "alias \(alias) is also an alias of \(owner)"))
                    } else {
                        owners[path] = page.sourcePath
                        files.append(OutputFile(path: path, text: redirect(to: page)))
                    }
                }
            }
        }
        return (files, diagnostics)
    }

    /// Where Hugo also publishes the home page of the language at the site's root, `/en/` (a site with several
    /// languages, the default one at the root): a redirect to the root, so that links to it keep working.
    /// With the default language in its folder (`defaultLanguageInSubdir`), the reverse: the root sends to `/en/`.
    func languageRoot(taken: Set<String>) -> [OutputFile] {
        let config = site.config
        guard config.edition == nil, let home = site.home[config.defaultLanguage] else { return [] }
        let inSubdir = !config.languagePrefix(config.defaultLanguage).isEmpty
        guard inSubdir || config.languages.count > 1 else { return [] }
        let path = inSubdir ? "index.html" : config.defaultLanguage.lowercased() + "/index.html"
        guard !taken.contains(path) else { return [] }
        return [OutputFile(path: path, text: redirect(to: site.pages[home]))]
    }

    private func outputPath(_ alias: String, page: Page) -> String {
        let base = alias.hasPrefix("/") ? "" : (page.parentPath ?? "")
        var path = RefResolver.normaliseFile(base + "/" + alias)
        path = site.config.languagePrefix(page.language) + path
        if path.hasSuffix(".html") { return path }
        return (path.hasSuffix("/") || path.isEmpty ? path : path + "/") + "index.html"
    }

    private func redirect(to page: Page) -> String {
        let target = site.config.absoluteURL(page.url)
        let escaped = SafeText.html(target)
        return """
            <!DOCTYPE html>
            <html lang="\(page.language)">
            <head>
            <meta charset="utf-8">
            <title>\(escaped)</title>
            <link rel="canonical" href="\(escaped)">
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url=\(escaped)">
            </head>
            <body><p><a href="\(escaped)">\(escaped)</a></p></body>
            </html>

            """
    }
}
