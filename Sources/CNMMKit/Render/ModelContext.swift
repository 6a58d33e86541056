/// View models for the maturity model: level-page links, the overview matrix, dimension and topic pages.
///
/// Content shown on dimension and topic pages is the level pages' sections (one source), written for the page
/// that shows them (`PageContent.write`): each link leads where it leads on the level page, and heading ids are
/// prefixed with the level (`level-3-people-security`) so that a page never repeats an id.
struct ModelContext {
    var site: Site
    var icons: [String: String]
    var strings: UIStrings
    var language: String
    /// Renders a theme partial with the given data (the links placed inside level pages).
    var renderPartial: (String, [String: Any]) -> String

    private var model: MaturityModel { site.models[language] ?? MaturityModel(language: language, levels: []) }

    private func url(_ path: String) -> String? {
        site.lookup[language]?[path].map { site.pages[$0].url }
    }

    private func dimensionData(_ dimension: Dimension) -> [String: Any] {
        var data: [String: Any] = [
            "id": dimension.id, "name": dimension.name(in: language, fallback: site.config.defaultLanguage),
            "icon": icons[dimension.icon] ?? "",
        ]
        data["url"] = url("dimensions/\(dimension.id)")
        return data
    }

    private func levelData(_ level: MaturityModel.Level) -> [String: Any] {
        ["number": level.number, "title": level.title, "url": level.url]
    }

    // MARK: Level pages

    /// Previous and next level of a level page, and its HTML with links placed in every dimension section and topic.
    func levelPage(_ index: Int) -> (context: [String: Any], html: String)? {
        let levels = model.levels
        guard let position = levels.firstIndex(where: { $0.page == index }) else { return nil }
        let level = levels[position]
        var context: [String: Any] = ["number": level.number]
        if position > 0 { context["previous"] = levelData(levels[position - 1]) }
        if position + 1 < levels.count { context["next"] = levelData(levels[position + 1]) }
        context["overview_url"] = url("model")

        let page = site.pages[index]
        // Partials go in after each dimension's and each topic's heading, at the places the Markdown stage noted.
        var insertions: [(position: Int, html: String)] = []
        for (headingIndex, heading) in page.headings.enumerated() where headingIndex < page.content.headings.count {
            guard let dimensionID = heading.dimension,
                let dimension = site.config.dimensions.first(where: { $0.id == dimensionID })
            else { continue }
            var data: [String: Any] = ["t": strings.table, "dimension": dimensionData(dimension)]
            let bodyStart = page.content.headings[headingIndex].end
            if heading.level == 2 {
                guard level.cells[dimensionID]?.anchor == heading.id else { continue }
                let previous = levels[..<position].last { $0.cells[dimensionID] != nil }
                let next = levels[(position + 1)...].first { $0.cells[dimensionID] != nil }
                if let previous { data["previous"] = cellLink(previous, dimensionID) }
                if let next { data["next"] = cellLink(next, dimensionID) }
                var inserted = renderPartial("partials/dimension-links", data)
                if page.fallbackSections.contains(dimensionID) {
                    let notice = TranslationNotices(site: site, strings: strings, language: language).sectionNotice()
                    inserted = renderPartial("partials/notice", notice) + inserted
                }
                insertions.append((bodyStart, inserted))
            } else if heading.level == 3, let topicURL = url("dimensions/\(dimensionID)/\(heading.slug)") {
                data["topic"] = ["title": heading.text, "url": topicURL]
                insertions.append((bodyStart, renderPartial("partials/topic-link", data)))
            }
        }
        var source = page.html
        let html = source.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + insertions.reduce(0) { $0 + $1.html.utf8.count })
            var cursor = 0
            for insertion in insertions where insertion.position >= cursor && insertion.position <= bytes.count {
                out += bytes[cursor..<insertion.position]
                out += insertion.html.utf8
                cursor = insertion.position
            }
            out += bytes[cursor...]
            return String(decoding: out, as: UTF8.self)
        }
        return (context, html)
    }

    private func cellLink(_ level: MaturityModel.Level, _ dimension: String) -> [String: Any] {
        let anchor = level.cells[dimension]?.anchor ?? dimension
        return ["number": level.number, "title": level.title, "url": level.url + "#" + anchor]
    }

    // MARK: Generated pages

    /// The view model of a generated page at `url`.
    func generated(_ kind: Page.Generated, url pageURL: String) -> [String: Any] {
        switch kind {
        case .overview: return overview()
        case .dimensions: return ["dimensions": presentDimensions().map(dimensionData)]
        case .dimension(let id): return dimension(id, pageURL: pageURL)
        case .topic(let dimension, let slug): return topic(dimension: dimension, slug: slug, pageURL: pageURL)
        case .translations: return TranslationReportContext(site: site, strings: strings, language: language).data()
        case .search: return [:]
        }
    }

    private func presentDimensions() -> [Dimension] {
        site.config.dimensions.filter { !model.levels(with: $0.id).isEmpty }
    }

    private func overview() -> [String: Any] {
        let rows = site.config.dimensions.map { dimension -> [String: Any] in
            let cells = model.levels.map { level -> [String: Any] in
                guard let cell = level.cells[dimension.id] else { return ["empty": true, "level": level.number] }
                return [
                    "level": level.number,
                    "url": level.url + "#" + cell.anchor,
                    "heading": cell.heading,
                    "topics": cell.topics.map { ["title": $0.title, "url": level.url + "#" + $0.anchor] },
                    "has_topics": !cell.topics.isEmpty,
                ]
            }
            return ["dimension": dimensionData(dimension), "cells": cells]
        }
        return ["levels": model.levels.map(levelData), "rows": rows]
    }

    private func dimension(_ id: String, pageURL: String) -> [String: Any] {
        guard let dimension = site.config.dimensions.first(where: { $0.id == id }) else { return [:] }
        let sections = model.levels(with: id).map { level -> [String: Any] in
            let cell = level.cells[id]!
            var data = levelData(level)
            data["anchor"] = "level-\(level.number)"
            data["cell_url"] = level.url + "#" + cell.anchor
            data["heading"] = cell.heading
            data["html"] = shown(cell.body, of: level, at: pageURL)
            return data
        }
        let topics = ModelAssembler.recurringTopics(model, dimension: id).compactMap { topic -> [String: Any]? in
            url("dimensions/\(id)/\(topic.slug)").map { ["title": topic.title, "url": $0] }
        }
        return [
            "dimension": dimensionData(dimension), "sections": sections, "topics": topics,
            "has_topics": !topics.isEmpty,
        ]
    }

    private func topic(dimension id: String, slug: String, pageURL: String) -> [String: Any] {
        guard let dimension = site.config.dimensions.first(where: { $0.id == id }) else { return [:] }
        let sections = model.levels(with: id).compactMap { level -> [String: Any]? in
            guard let topic = level.cells[id]?.topics.first(where: { $0.slug == slug }) else { return nil }
            var data = levelData(level)
            data["anchor"] = "level-\(level.number)"
            data["topic_url"] = level.url + "#" + topic.anchor
            data["heading"] = topic.title
            // The topic is a `###` on the level page and the level an `<h2>` here: its `####` become `<h3>`.
            data["html"] = shown(topic.body, of: level, at: pageURL, raisingHeadingsBy: 1)
            return data
        }
        return ["dimension": dimensionData(dimension), "sections": sections]
    }

    /// A stretch of a level page written for the generated page at `pageURL`, its heading ids prefixed with the level
    /// and its headings `raise` levels higher (`<h4>` → `<h3>`), so that the page's outline skips no level.
    private func shown(
        _ body: Range<Int>, of level: MaturityModel.Level, at pageURL: String, raisingHeadingsBy raise: UInt8 = 0
    ) -> String {
        let written = PageContent.write(
            site.pages[level.page], body, for: pageURL, ids: .prefixed("level-\(level.number)-"))
        guard raise > 0, !written.content.headings.isEmpty else { return written.html }
        // Each heading's place runs from its `<hN` to just after its `</hN>`: the two digits are changed in place.
        var bytes = Array(written.html.utf8)
        let h = UInt8(ascii: "h")
        for place in written.content.headings {
            let opening = place.opening.lowerBound
            let closing = place.end - 5
            guard opening + 2 < closing, closing + 4 < bytes.count, bytes[opening + 1] == h,
                bytes[closing + 1] == UInt8(ascii: "/"), bytes[closing + 2] == h,
                bytes[opening + 2] == bytes[closing + 3], bytes[opening + 2] >= UInt8(ascii: "2") + raise
            else { continue }
            bytes[opening + 2] -= raise
            bytes[closing + 3] -= raise
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
