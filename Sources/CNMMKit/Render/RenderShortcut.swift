/// What a preview rebuild needs to know to take a page's HTML over without making its view model.
///
/// Making and fingerprinting every page's view model was most of a rebuild of a large site (the `RenderMemo`
/// still renders only pages whose view model changed, but it has to make them all to tell). A page's view model
/// reads two kinds of things:
/// - its own Markdown output and what was found about it (`page`): HTML, headings, last commit, translation
///   state;
/// - everything else (`site`): the configuration, the site's order, parents, translations and lookups, the
///   maturity model, and every page's place and front matter (titles, URLs, weights, menus, what a sidebar,
///   a list of children or a language switcher shows).
///
/// No page's view model reads another page's Markdown output except through the maturity model (in `site`)
/// and on generated pages (the model's pages, the translation report, the search page), which are always made.
/// So a page whose two keys and layout equal those of the previous build renders to the same HTML. The keys are
/// hashes, compared only within one process; the theme is not in them, since a theme change forgets every page.
struct RenderShortcut {
    struct Key: Equatable, Sendable {
        var site: Int
        var page: Int
        var layout: String
    }

    let site: Int

    init(site: Site, noindex: Bool) {
        var hasher = Hasher()
        hasher.combine(site.config)
        hasher.combine(noindex)
        hasher.combine(site.ordered)
        hasher.combine(site.children)
        hasher.combine(site.home)
        hasher.combine(site.translations)
        hasher.combine(site.lookup)
        hasher.combine(site.models)
        hasher.combine(site.pages.count)
        for page in site.pages {
            hasher.combine(page.sourcePath)
            hasher.combine(page.language)
            hasher.combine(page.kind)
            hasher.combine(page.path)
            hasher.combine(page.url)
            hasher.combine(page.frontMatter)
            hasher.combine(page.generated)
            hasher.combine(page.fallbackFrom)
            hasher.combine(page.bundleFiles)
        }
        self.site = hasher.finalize()
    }

    /// Whether a page may be taken over at all: generated pages and search pages read other pages' output.
    static func applies(to page: Page) -> Bool {
        page.generated == nil && !SearchPages.isSearchPage(page)
    }

    /// The key of a page's HTML rendered with `layout`.
    func key(_ page: Page, layout: String) -> Key {
        var hasher = Hasher()
        if let digest = page.htmlDigest {
            hasher.combine(digest)
        } else {
            hasher.combine(page.html)
        }
        if let digest = page.headingsDigest {
            hasher.combine(digest)
        } else {
            hasher.combine(page.headings)
        }
        hasher.combine(page.lastCommit)
        hasher.combine(page.outdated)
        hasher.combine(page.fallbackSections)
        return Key(site: site, page: hasher.finalize(), layout: layout)
    }
}
