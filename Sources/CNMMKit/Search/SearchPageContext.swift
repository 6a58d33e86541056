import Foundation

/// The view model of a search page: where its language's index is, and the choices of its filters.
///
/// The theme's `search` layout places these values; its script reads the index and the query (`?q=`, `level`,
/// `dimension`) and lists the results. A content search page's own text comes first, when it has any.
struct SearchPageContext {
    var site: Site
    var page: Page

    func data() -> [String: Any] {
        let language = page.language
        let model = site.models[language]
        let levels = (model?.levels ?? []).map { level -> [String: Any] in
            ["number": level.number, "title": level.title]
        }
        let dimensions = site.config.dimensions.filter { model?.levels(with: $0.id).isEmpty == false }.map {
            dimension -> [String: Any] in
            ["id": dimension.id, "name": dimension.name(in: language, fallback: site.config.defaultLanguage)]
        }
        var data: [String: Any] = [
            "index_url": site.config.basePath + SearchIndex.path(language: language, config: site.config),
            "levels": levels,
            "has_levels": !levels.isEmpty,
            "dimensions": dimensions,
            "has_dimensions": !dimensions.isEmpty,
            "has_filters": !levels.isEmpty || !dimensions.isEmpty,
        ]
        data["content"] = page.html.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
        data["overview_url"] = site.lookup[language]?["model"].map { site.pages[$0].url }
        return data
    }
}
