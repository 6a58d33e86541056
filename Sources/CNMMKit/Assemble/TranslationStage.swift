import Foundation

/// The translation stage: no reader lands on a dead end, and translators see what lags behind.
///
/// Input: the site after Markdown (default-language pages are the sources). Output: the site with
/// (1) a fallback page in every language for each source page that has no translation there (the
/// source's content, marked with its language), unless `site.yml` sets `translationFallback: false`;
/// (2) on translated level pages, the source's dimension sections that the translation lacks, marked;
/// (3) on translations whose source changed in git after them, an `outdated` note naming the changed sections.
struct TranslationStage {
    var site: Site
    var git: GitHistory?

    func run() -> [Page] {
        var pages = site.pages
        let config = site.config
        let source = config.defaultLanguage
        for language in config.languages where language.code != source {
            for index in site.ordered[source] ?? [] where pages[index].generated == nil {
                let original = pages[index]
                if let translated = site.translations[index]?[language.code] {
                    if pages[translated].sourcePath.isEmpty, !original.sourcePath.isEmpty, config.translationFallback {
                        // A made-up home or section page: show the source's instead.
                        pages[translated] = fallback(of: original, in: language.code, url: pages[translated].url)
                    } else if !pages[translated].sourcePath.isEmpty {
                        if config.translationFallback { addMissingSections(from: original, to: &pages[translated]) }
                        pages[translated].outdated = outdated(pages[translated], source: original)
                    }
                } else if config.translationFallback {
                    let url = SiteAssembler(config: config).url(language: language.code, path: original.path)
                    pages.append(fallback(of: original, in: language.code, url: url))
                }
            }
        }
        return pages
    }

    private func fallback(of original: Page, in language: String, url: String) -> Page {
        var page = original
        page.language = language
        page.url = url
        page.fallbackFrom = original.language
        return page
    }

    /// Appends the source's dimension sections that the translation lacks, in the source's order.
    private func addMissingSections(from original: Page, to page: inout Page) {
        let present = Set(page.headings.filter { $0.level == 2 }.compactMap(\.dimension))
        let missing = original.headings.contains { heading in
            heading.level == 2 && heading.dimension.map { !present.contains($0) } == true
        }
        guard missing else { return }
        // Every id the translation has, so that the source's Hugo ids that the translation also has are left out.
        var used = Set(page.headings.map(\.id) + page.headings.compactMap(\.alias))
        for section in original.content.sections(of: original) where original.headings[section.heading].level == 2 {
            guard let dimension = original.headings[section.heading].dimension, !present.contains(dimension) else {
                continue
            }
            // The section is written for the translation's URL: its links lead where they lead on the source page.
            let shown = PageContent.write(
                original, section.start..<section.end, for: page.url, ids: .kept(avoiding: used))
            var headings = original.allHeadings(in: section)
            for index in headings.indices where headings[index].alias.map(used.contains) == true {
                headings[index].alias = nil
            }
            used.formUnion(headings.map(\.id) + headings.compactMap(\.alias))
            page.append(
                html: "<div class=\"fallback-section\" lang=\"\(original.language)\">\n", content: PageContent(),
                headings: [])
            page.append(html: shown.html, content: shown.content, headings: headings)
            page.append(html: "</div>\n", content: PageContent(), headings: [])
            page.fallbackSections.append(dimension)
        }
    }

    /// The translation is outdated when its source's last commit is newer than the translation's.
    private func outdated(_ translation: Page, source: Page) -> Page.Outdated? {
        guard let sourceCommit = source.lastCommit, let translationCommit = translation.lastCommit,
            sourceCommit.timestamp > translationCommit.timestamp
        else { return nil }
        var changed: [String] = []
        if let lines = git?.changedLines(of: source.sourcePath, since: translationCommit.hash) {
            let dimensionHeadings = source.headings.filter { $0.level == 2 }
            for line in lines {
                guard let heading = dimensionHeadings.last(where: { $0.line <= line }),
                    let dimension = heading.dimension
                else { continue }
                if !changed.contains(dimension) { changed.append(dimension) }
            }
        }
        return Page.Outdated(sourceDate: sourceCommit.date, sections: changed)
    }
}
