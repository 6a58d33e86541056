import Foundation

/// The model stage: finds the maturity model in the rendered level pages and adds the pages it generates.
///
/// Input: the pages after Markdown and translation, and the configuration. A level page is a page with at least one `##` section whose icon names
/// a dimension. Output: per language a `MaturityModel` (levels in order of weight, then number; cells with
/// their topics), the generated pages (overview, dimensions, one per dimension, one per recurring topic),
/// and warnings for sections without an icon, icons that name no dimension, repeated and missing dimensions.
struct ModelAssembler {
    var config: SiteConfig
    /// The pages; a level's `page` is an index into them.
    var pages: [Page]
    var strings: [String: UIStrings]

    struct Result {
        var models: [String: MaturityModel]
        var generated: [Page]
        var diagnostics: [Diagnostic]
    }

    func assemble() -> Result {
        var result = Result(models: [:], generated: [], diagnostics: [])
        let dimensions = config.dimensions
        let known = Set(dimensions.map(\.id))
        for language in config.languages {
            var levels: [MaturityModel.Level] = []
            // Level pages in reading order (which numbers a level whose path has none).
            let candidates = pages.indices.filter { index in
                pages[index].language == language.code && pages[index].generated == nil
                    && pages[index].headings.contains { $0.level == 2 && $0.dimension != nil }
            }
            for index in candidates.sorted(by: { SiteAssembler.readingOrder(pages[$0], pages[$1]) }) {
                let page = pages[index]
                guard page.generated == nil, page.headings.contains(where: { $0.level == 2 && $0.dimension != nil })
                else {
                    continue
                }
                var level = MaturityModel.Level(
                    page: index, number: Self.levelNumber(page.path) ?? levels.count + 1, title: page.title,
                    url: page.url,
                    cells: [:])
                var firstLine: [String: Int] = [:]
                for section in page.content.allSections(of: page) where page.headings[section.heading].level == 2 {
                    let heading = page.headings[section.heading]
                    guard let dimension = heading.dimension, known.contains(dimension) else {
                        let problem =
                            heading.icon.map { "icon 'fa-\($0)' of section '\(heading.text)' names no dimension" }
                            ?? "section '\(heading.text)' has no dimension icon"
                        result.diagnostics.append(.warning(page.sourcePath, line: heading.line, problem))
                        continue
                    }
                    if let first = firstLine[dimension] {
                        result.diagnostics.append(
                            .warning(
                                page.sourcePath, line: heading.line,
                                "dimension '\(dimension)' appears twice (first at line \(first))"))
                        continue
                    }
                    firstLine[dimension] = heading.line
                    let topics = section.children.filter { page.headings[$0.heading].level == 3 }.map { topic in
                        let topicHeading = page.headings[topic.heading]
                        return MaturityModel.Topic(
                            title: topicHeading.text, slug: topicHeading.slug, anchor: topicHeading.id,
                            html: PageContent.text(of: page, topic.bodyStart..<topic.end),
                            body: topic.bodyStart..<topic.end, line: topicHeading.line)
                    }
                    level.cells[dimension] = MaturityModel.Cell(
                        dimension: dimension, anchor: heading.id, heading: heading.text,
                        html: PageContent.text(of: page, section.bodyStart..<section.end),
                        body: section.bodyStart..<section.end,
                        topics: topics, sourcePath: page.sourcePath, line: heading.line)
                }
                for dimension in dimensions where level.cells[dimension.id] == nil {
                    result.diagnostics.append(
                        .warning(
                            page.sourcePath,
                            "level page has no \(dimension.name(in: "en")) section (fa-\(dimension.icon))"))
                }
                levels.append(level)
            }
            levels.sort { a, b in
                let wa = pages[a.page].frontMatter.weight == 0 ? Int.max : pages[a.page].frontMatter.weight
                let wb = pages[b.page].frontMatter.weight == 0 ? Int.max : pages[b.page].frontMatter.weight
                return (wa, a.number) < (wb, b.number)
            }
            let model = MaturityModel(language: language.code, levels: levels)
            result.models[language.code] = model
            if !levels.isEmpty { result.generated += generatedPages(model, language: language.code) }
        }
        return result
    }

    /// `level-3` → 3.
    static func levelNumber(_ path: String) -> Int? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard name.lowercased().hasPrefix("level-") else { return nil }
        return Int(name.dropFirst(6))
    }

    /// The topics of a dimension that occur at two or more levels, in order of first appearance.
    static func recurringTopics(_ model: MaturityModel, dimension: String) -> [MaturityModel.Topic] {
        var counts: [String: Int] = [:]
        var first: [MaturityModel.Topic] = []
        for level in model.levels {
            for topic in level.cells[dimension]?.topics ?? [] {
                counts[topic.slug, default: 0] += 1
                if counts[topic.slug] == 1 { first.append(topic) }
            }
        }
        return first.filter { (counts[$0.slug] ?? 0) > 1 }
    }

    private func generatedPages(_ model: MaturityModel, language: String) -> [Page] {
        let t = strings[language] ?? UIStrings(language: language, defaultLanguage: language, all: [:])
        func page(_ path: String, _ title: String, _ kind: PageKind, _ generated: Page.Generated, weight: Int) -> Page {
            Page.generated(generated, path: path, title: title, language: language, pageKind: kind, weight: weight)
        }
        var pages = [
            page("model", t["model_overview"], .page, .overview, weight: 900),
            page("dimensions", t["dimensions"], .section, .dimensions, weight: 901),
        ]
        for (position, dimension) in config.dimensions.enumerated() where !model.levels(with: dimension.id).isEmpty {
            pages.append(
                page(
                    "dimensions/\(dimension.id)", dimension.name(in: language, fallback: config.defaultLanguage),
                    .section, .dimension(dimension.id), weight: position + 1))
            for (order, topic) in Self.recurringTopics(model, dimension: dimension.id).enumerated() {
                pages.append(
                    page(
                        "dimensions/\(dimension.id)/\(topic.slug)", topic.title, .page,
                        .topic(dimension: dimension.id, slug: topic.slug), weight: order + 1))
            }
        }
        return pages
    }
}
