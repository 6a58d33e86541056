import Foundation

/// The search index of each language, built from the assembled site.
///
/// Input: the site with its maturity models (each level's cells hold their rendered HTML), the UI strings (the
/// lead lines of generated pages) and each language's search page. Output: per language, records (the levels
/// first, then reading order): one per page, and on a level page one per dimension section and one per `###` topic, each with its
/// level, dimension and anchor; a level page's own record keeps only the text outside its sections, so no
/// text is stored twice. Generated pages are indexed by their title and lead line, as their content is the
/// level pages' (see `SearchIndex+Output.swift` for the files).
struct SearchIndex {
    var site: Site
    var strings: [String: UIStrings]
    /// Language → its search page; only these languages get an index.
    var searchPages: [String: Int]
    /// Text the preview's earlier builds took from the same HTML, by where it was; nil makes all of it.
    var memo: ReuseTable<String, String>? = nil
    /// Each record's JSON as the preview's earlier builds encoded it, by the record (URLs are unique in a site).
    var encoded: ReuseTable<SearchRecord, [UInt8]>? = nil

    /// The plain text of an HTML fragment; `key` names where it is (a URL, with an anchor for a part of a page).
    func plain(_ html: String, key: String) -> String {
        memo.map { $0.value(key, input: html) { SearchText.plain(html) } } ?? SearchText.plain(html)
    }

    /// The records of one language: the levels in order, then the other pages in reading order.
    func records(language: String) -> [SearchRecord] {
        eachPage(language: language) { $0 }.flatMap { $0 }
    }

    /// What `transform` makes of each page's records (a level page has several), in the order of `records`.
    /// Pages are made into records on all cores (their text is the costly part), and `transform` runs there too.
    func eachPage<T: Sendable>(language: String, _ transform: @Sendable ([SearchRecord]) -> T) -> [T] {
        let levels = site.models[language]?.levels ?? []
        var results = levels.parallelMap { transform(levelRecords($0, page: site.pages[$0.page])) }
        let levelPages = Set(levels.map(\.page))
        let others = (site.ordered[language] ?? []).filter {
            !levelPages.contains($0) && !SearchPages.isSearchPage(site.pages[$0])
        }
        results += others.parallelMap { index in
            let page = site.pages[index]
            if let generated = page.generated { return transform([generatedRecord(generated, page: page)]) }
            return transform([
                SearchRecord(kind: .page, url: page.url, title: page.title, text: pageText(page, html: page.html))
            ])
        }
        return results
    }
}

private extension SearchIndex {
    /// The level page's own record (its text outside the dimension sections), then each section and its topics.
    func levelRecords(_ level: MaturityModel.Level, page: Page) -> [SearchRecord] {
        var outside = ""
        var cursor = 0
        var records: [SearchRecord] = []
        for section in page.content.sections(of: page) where page.headings[section.heading].level == 2 {
            let heading = page.headings[section.heading]
            guard let dimension = heading.dimension, let cell = level.cells[dimension], cell.anchor == heading.id
            else { continue }
            outside += PageContent.text(of: page, cursor..<section.start)
            cursor = section.end
            records.append(
                SearchRecord(
                    kind: .section, url: level.url + "#" + cell.anchor, title: cell.heading, level: level.number,
                    dimension: dimension, text: sectionText(cell, key: level.url + "#" + cell.anchor)))
            for topic in cell.topics {
                records.append(
                    SearchRecord(
                        kind: .topic, url: level.url + "#" + topic.anchor, title: topic.title, level: level.number,
                        dimension: dimension, text: plain(topic.html, key: level.url + "#" + topic.anchor)))
            }
        }
        outside += PageContent.text(of: page, cursor..<page.html.utf8.count)
        let own = SearchRecord(
            kind: .page, url: page.url, title: page.title, level: level.number, text: pageText(page, html: outside))
        return [own] + records
    }

    /// A section's text before its first topic; when it has none, its topics' titles, so a result says what is in it.
    func sectionText(_ cell: MaturityModel.Cell, key: String) -> String {
        let intro = cell.topics.first.flatMap { cell.html.range(of: "<h3 id=\"\($0.anchor)\">") }
        let text = plain(intro.map { String(cell.html[..<$0.lowerBound]) } ?? cell.html, key: key)
        return text.isEmpty ? cell.topics.map(\.title).joined(separator: " · ") : text
    }

    /// A generated page: its title and the lead line its layout shows.
    func generatedRecord(_ generated: Page.Generated, page: Page) -> SearchRecord {
        let t = strings[page.language] ?? UIStrings(language: page.language, defaultLanguage: "", all: [:])
        switch generated {
        case .overview:
            return SearchRecord(kind: .page, url: page.url, title: page.title, text: t["model_overview_lead"])
        case .dimensions: return SearchRecord(kind: .page, url: page.url, title: page.title, text: t["dimensions_lead"])
        case .dimension(let id):
            return SearchRecord(
                kind: .page, url: page.url, title: page.title, dimension: id, text: t["dimension_lead"])
        case .topic(let dimension, _):
            return SearchRecord(
                kind: .topic, url: page.url, title: page.title, dimension: dimension, text: t["topic_lead"])
        case .translations:
            return SearchRecord(kind: .page, url: page.url, title: page.title, text: t["translations_lead"])
        case .search: return SearchRecord(kind: .page, url: page.url, title: page.title, text: "")
        }
    }

    /// The page's description, then its text.
    func pageText(_ page: Page, html: some StringProtocol) -> String {
        let text = plain(String(html), key: page.url)
        guard let description = page.frontMatter.description.nonEmpty else { return text }
        // The text is collapsed already: only the description needs it.
        let lead = SearchText.collapsed(description)
        return lead.isEmpty ? text : text.isEmpty ? lead : lead + " " + text
    }
}
