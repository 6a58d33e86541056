/// The generated-pages stage: every page the generator makes, added to the site under one rule.
///
/// Input: the pages after the translation stage, the pages the generator wants (the maturity model's, the
/// translation status, the search pages) and the theme's layouts. Output: the pages with the generated ones
/// placed, and an error for each place two sources claim.
///
/// The rule, the same for every generated page: a content page at a generated page's URL that asks for its layout
/// (`layout: model` at `/model/`) takes its place and becomes that page, with its own title and text; a fallback
/// copy of another language's page gives way to the generated page, which speaks the reader's language; any other
/// page there is an error listing every source. A search page is the one kind a content page can stand for
/// anywhere: a page with `layout: search` at any URL is its language's search page, and none is generated.
struct GeneratedPages {
    var config: SiteConfig

    func place(_ wanted: [Page], into pages: [Page]) -> (pages: [Page], diagnostics: [Diagnostic]) {
        var pages = pages
        var diagnostics: [Diagnostic] = []
        let assembler = SiteAssembler(config: config)
        var atURL: [String: [Int]] = [:]
        for (index, page) in pages.enumerated() {
            atURL[assembler.url(language: page.language, path: page.path), default: []].append(index)
        }
        let searchLanguages = Set(
            pages.filter { $0.fallbackFrom == nil && $0.frontMatter.layout == SearchPages.layout }.map(\.language))
        for page in wanted {
            guard let kind = page.generated else { continue }
            if kind == .search && searchLanguages.contains(page.language) { continue }
            let url = assembler.url(language: page.language, path: page.path)
            let present = atURL[url] ?? []
            let own = present.filter { pages[$0].fallbackFrom == nil && pages[$0].generated == nil }
            if own.count == 1, pages[own[0]].frontMatter.layout == kind.layout {
                pages[own[0]].generated = kind
                continue
            }
            if !own.isEmpty {
                let sources = own.map {
                    pages[$0].sourcePath.isEmpty ? "a section page cnmm makes" : pages[$0].sourcePath
                }
                let claim = "cnmm generates the \(kind.description) at \(url)"
                for index in own where !pages[index].sourcePath.isEmpty {
                    diagnostics.append(
                        .error(
                            pages[index].sourcePath, line: 1,
                            "\(claim), and \(sources.joined(separator: " and ")) \(sources.count == 1 ? "is" : "are") "
                                + "there too: move the page, or give it 'layout: \(kind.layout)' to make it that page"))
                }
                continue
            }
            if let fallback = present.first(where: { pages[$0].fallbackFrom != nil }) {
                // In place, so that the indices of every other page stay as they are.
                pages[fallback] = page
                pages[fallback].url = url
                continue
            }
            var placed = page
            placed.url = url
            atURL[url, default: []].append(pages.count)
            pages.append(placed)
        }
        return (pages, diagnostics)
    }
}

extension Page.Generated: CustomStringConvertible {
    /// What the page is, in a message: `overview of the model`.
    public var description: String {
        switch self {
        case .overview: return "model overview"
        case .dimensions: return "list of dimensions"
        case .dimension(let id): return "page of the dimension '\(id)'"
        case .topic(let dimension, let slug): return "page of the topic '\(slug)' of '\(dimension)'"
        case .translations: return "translation status page"
        case .search: return "search page"
        }
    }
}
