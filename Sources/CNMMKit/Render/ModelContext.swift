/// View models for the maturity model: level-page links, the overview matrix, dimension and topic pages.
///
/// Content shown on dimension and topic pages is the level pages' own rendered HTML (one source); its
/// ids are prefixed with the level (`level-3-people-security`) so that a page never repeats an id.
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
        var html = page.html
        let sections = HeadingSections(html: html, headings: page.headings)
        // Insert from the end so earlier positions stay valid.
        for section in sections.sections.reversed() {
            let heading = section.heading
            guard let dimensionID = heading.dimension,
                let dimension = site.config.dimensions.first(where: { $0.id == dimensionID })
            else { continue }
            var data: [String: Any] = ["t": strings.table, "dimension": dimensionData(dimension)]
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
                html.insert(contentsOf: inserted, at: section.bodyStart)
            } else if heading.level == 3, let topicURL = url("dimensions/\(dimensionID)/\(heading.slug)") {
                data["topic"] = ["title": heading.text, "url": topicURL]
                html.insert(contentsOf: renderPartial("partials/topic-link", data), at: section.bodyStart)
            }
        }
        return (context, html)
    }

    private func cellLink(_ level: MaturityModel.Level, _ dimension: String) -> [String: Any] {
        let anchor = level.cells[dimension]?.anchor ?? dimension
        return ["number": level.number, "title": level.title, "url": level.url + "#" + anchor]
    }

    // MARK: Generated pages

    func generated(_ kind: Page.Generated) -> [String: Any] {
        switch kind {
        case .overview: return overview()
        case .dimensions: return ["dimensions": presentDimensions().map(dimensionData)]
        case .dimension(let id): return dimension(id)
        case .topic(let dimension, let slug): return topic(dimension: dimension, slug: slug)
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

    private func dimension(_ id: String) -> [String: Any] {
        guard let dimension = site.config.dimensions.first(where: { $0.id == id }) else { return [:] }
        let sections = model.levels(with: id).map { level -> [String: Any] in
            let cell = level.cells[id]!
            var data = levelData(level)
            data["anchor"] = "level-\(level.number)"
            data["cell_url"] = level.url + "#" + cell.anchor
            data["heading"] = cell.heading
            data["html"] = Self.embed(cell.html, from: level.url, prefix: "level-\(level.number)-")
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

    private func topic(dimension id: String, slug: String) -> [String: Any] {
        guard let dimension = site.config.dimensions.first(where: { $0.id == id }) else { return [:] }
        let sections = model.levels(with: id).compactMap { level -> [String: Any]? in
            guard let topic = level.cells[id]?.topics.first(where: { $0.slug == slug }) else { return nil }
            var data = levelData(level)
            data["anchor"] = "level-\(level.number)"
            data["topic_url"] = level.url + "#" + topic.anchor
            data["heading"] = topic.title
            data["html"] = Self.embed(topic.html, from: level.url, prefix: "level-\(level.number)-")
            return data
        }
        return ["dimension": dimensionData(dimension), "sections": sections]
    }

    /// Makes a fragment of the page at `base` fit into another page: every `id="…"` and same-page
    /// `href="#…"` gets `prefix`, and relative `href`/`src` links are made absolute from `base`.
    static func embed(_ html: String, from base: String, prefix: String) -> String {
        var result = html[...].replacingAll(" id=\"", with: " id=\"\(prefix)")[...]
            .replacingAll(" href=\"#", with: " href=\"#\(prefix)")
        for attribute in ["href", "src"] {
            var output = ""
            var rest = result[...]
            let marker = " \(attribute)=\""
            while let start = rest.firstUTF8Range(of: marker) {
                output += rest[..<start.upperBound]
                rest = rest[start.upperBound...]
                let isRelative = !(rest.hasPrefix("/") || rest.hasPrefix("#") || rest.prefix(12).contains(":"))
                if isRelative { output += base }
            }
            output += rest
            result = output
        }
        return result
    }
}
