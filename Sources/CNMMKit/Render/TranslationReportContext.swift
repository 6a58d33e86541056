/// The view model of the `/translations/` page: one table per language, with a summary line.
struct TranslationReportContext {
    var site: Site
    var strings: UIStrings
    var language: String

    func data() -> [String: Any] {
        guard let report = site.translationReport else { return [:] }
        let languages = report.languages.map { status -> [String: Any] in
            let pages = status.pages.map { page -> [String: Any] in
                var data: [String: Any] = [
                    "title": page.title,
                    "status": page.status.rawValue,
                    "status_text": strings["status_\(page.status.rawValue)"],
                    "source": page.source,
                    "has_sections": !page.sections.isEmpty,
                    "sections": page.sections.map { section -> [String: Any] in
                        let name =
                            site.config.dimensions.first { $0.id == section.dimension }?
                            .name(in: language, fallback: site.config.defaultLanguage) ?? section.dimension
                        return [
                            "name": name, "status": section.status.rawValue,
                            "status_text": strings["status_\(section.status.rawValue)"],
                        ]
                    },
                ]
                if let ratio = page.wordRatio { data["word_ratio"] = "\(Int((ratio * 100).rounded())) %" }
                if let changed = page.sourceChanged {
                    data["source_changed"] = PageContext.formatDate(changed, language: language)
                }
                if let index = site.lookup[status.code]?[page.path.lowercased()] { data["url"] = site.pages[index].url }
                return data
            }
            return [
                "code": status.code, "name": status.name, "percent": status.percent, "complete": status.complete,
                "total": status.total, "missing": status.missing, "outdated": status.outdated, "pages": pages,
            ]
        }
        return ["languages": languages]
    }
}
