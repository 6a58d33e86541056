/// Each language's search page: its content page with `layout: search`, else one the generator adds at `search`.
///
/// Input: the pages after the translation stage, the theme's layouts and the UI strings. Search exists only when
/// the theme has a `search` layout. Output: the pages with a generated search page (titled with the UI string
/// `search`, kept out of the sidebar) for each language that has no search page of its own; fallback copies of
/// another language's search page are dropped, so the page speaks the reader's language. A content page without
/// the layout at `search` (or its fallback copy) keeps its place; that language gets no search page, and a warning
/// says why.
struct SearchPages {
    var languages: [Language]
    var templates: Set<String>
    var strings: [String: UIStrings]

    /// The layout that makes a page a search page.
    static let layout = "search"

    func complete(_ pages: [Page]) -> (pages: [Page], diagnostics: [Diagnostic]) {
        guard templates.contains(Self.layout) else { return (pages, []) }
        var pages = pages
        var diagnostics: [Diagnostic] = []
        var warned: Set<String> = []
        for language in languages {
            pages.removeAll { $0.language == language.code && Self.isSearchPage($0) && $0.fallbackFrom != nil }
            if pages.contains(where: { $0.language == language.code && Self.isSearchPage($0) }) { continue }
            if let taken = pages.first(where: { $0.language == language.code && $0.path.lowercased() == "search" }) {
                if warned.insert(taken.sourcePath).inserted {
                    diagnostics.append(
                        .warning(
                            taken.sourcePath,
                            "this page is at the search page's place; add 'layout: search' to make it the search page"))
                }
                continue
            }
            let title = strings[language.code]?["search"] ?? "Search"
            pages.append(Page.generated(.search, path: "search", title: title, language: language.code))
        }
        return (pages, diagnostics)
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
