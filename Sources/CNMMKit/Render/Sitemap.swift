/// `sitemap.xml`: every page with its last modification date and its translations as alternates.
struct Sitemap {
    var site: Site

    func xml() -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8" standalone="yes"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        for language in site.config.publishedLanguages {
            for index in site.ordered[language.code] ?? [] {
                let page = site.pages[index]
                xml += "  <url>\n    <loc>\(SafeText.html(site.config.absoluteURL(page.url)))</loc>\n"
                if let commit = page.lastCommit { xml += "    <lastmod>\(commit.date)</lastmod>\n" }
                let translations = site.translations[index] ?? [:]
                if translations.count > 1 {
                    for other in site.config.publishedLanguages {
                        guard let target = translations[other.code] else { continue }
                        xml +=
                            "    <xhtml:link rel=\"alternate\" hreflang=\"\(other.code)\" href=\"\(SafeText.html(site.config.absoluteURL(site.pages[target].url)))\"/>\n"
                    }
                }
                xml += "  </url>\n"
            }
        }
        return xml + "</urlset>\n"
    }
}
