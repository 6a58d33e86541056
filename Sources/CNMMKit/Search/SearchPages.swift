/// Each language's search page: its content page with `layout: search`, else one the generator adds at `search`.
///
/// Search exists only when the theme has a `search` layout. The pages are placed by the generated-pages stage
/// (`GeneratedPages`), titled with the UI string `search` and kept out of the sidebar.
enum SearchPages {
    /// The layout that makes a page a search page.
    static let layout = "search"

    /// The search page each language would get, when the theme has the layout.
    static func wanted(languages: [Language], templates: Set<String>, strings: [String: UIStrings]) -> [Page] {
        guard templates.contains(layout) else { return [] }
        return languages.map { language in
            Page.generated(
                .search, path: "search", title: strings[language.code]?["search"] ?? "Search", language: language.code)
        }
    }

    /// The pages without fallback copies of another language's search page, when the theme has search: each
    /// language gets a search page in its own language instead.
    static func withoutFallbackCopies(_ pages: [Page], templates: Set<String>) -> [Page] {
        guard templates.contains(layout) else { return pages }
        return pages.filter { !($0.fallbackFrom != nil && isSearchPage($0)) }
    }

    /// Whether a page is meant as a search page: generated as one, or with `layout: search`.
    static func isSearchPage(_ page: Page) -> Bool {
        page.generated == .search || page.frontMatter.layout == layout
    }

    /// Language → the index of its search page (the first in reading order), when the theme has the layout.
    static func find(in site: Site, templates: Set<String>) -> [String: Int] {
        guard templates.contains(layout) else { return [:] }
        var found: [String: Int] = [:]
        for (language, indices) in site.ordered {
            found[language] = indices.first { isSearchPage(site.pages[$0]) }
        }
        return found
    }
}
