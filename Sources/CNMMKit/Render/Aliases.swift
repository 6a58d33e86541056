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
                    if taken.contains(path) {
                        diagnostics.append(
                            .error(page.sourcePath, line: 1, "alias \(alias) is the URL of another page"))
                    } else if let owner = owners[path] {
                        diagnostics.append(
                            .error(page.sourcePath, line: 1, "alias \(alias) is also an alias of \(owner)"))
                    } else {
                        owners[path] = page.sourcePath
                        files.append(OutputFile(path: path, text: redirect(to: page)))
                    }
                }
            }
        }
        return (files, diagnostics)
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
