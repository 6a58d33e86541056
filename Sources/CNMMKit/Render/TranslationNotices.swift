/// The notices a page shows about its translation: not translated yet, or behind its source.
struct TranslationNotices {
    var site: Site
    var strings: UIStrings
    var language: String

    /// Where translators learn how to translate.
    var guideURL: String? {
        if let guide = site.config.translationGuide { return guide }
        if let repository = site.config.repository {
            return "\(repository.url)/blob/\(repository.branch)/README.md#translating-the-model"
        }
        return site.lookup[language]?["translations"].map { site.pages[$0].url }
    }

    func notices(for page: Page) -> [[String: Any]] {
        var notices: [[String: Any]] = []
        let languageName = site.config.language(language)?.name ?? language
        if let source = page.fallbackFrom {
            let sourceName = site.config.language(source)?.name ?? source
            notices.append(
                notice(
                    "untranslated",
                    strings.format("notice_untranslated", ["language": languageName, "source": sourceName])))
        }
        if let outdated = page.outdated {
            let sourceName = site.config.language(site.config.defaultLanguage)?.name ?? site.config.defaultLanguage
            var text = strings.format(
                "notice_outdated",
                ["source": sourceName, "date": PageContext.formatDate(outdated.sourceDate, language: language)])
            if !outdated.sections.isEmpty {
                let names = outdated.sections.compactMap { id in
                    site.config.dimensions.first { $0.id == id }?.name(
                        in: language, fallback: site.config.defaultLanguage)
                }
                text += " " + strings.format("notice_outdated_sections", ["sections": names.joined(separator: ", ")])
            }
            notices.append(notice("outdated", text))
        }
        return notices
    }

    /// The notice placed under a dimension heading whose section is shown from the default language.
    func sectionNotice() -> [String: Any] {
        let sourceName = site.config.language(site.config.defaultLanguage)?.name ?? site.config.defaultLanguage
        return notice("untranslated", strings.format("notice_section_untranslated", ["source": sourceName]))
    }

    private func notice(_ kind: String, _ text: String) -> [String: Any] {
        var notice: [String: Any] = ["kind": kind, "text": text, "link_text": strings["notice_translate_link"]]
        notice["link_url"] = guideURL
        return notice
    }
}
