import Foundation

/// Builds the template data of each page: the view model that keeps templates logic-less.
///
/// Every decision (what is current, which strings, which URLs, whether a TOC shows) is taken here;
/// the theme only places the values.
struct PageContext: Sendable {
    var site: Site
    var theme: Theme
    /// The sidebar, rendered once per language and open branch.
    var sidebar: Sidebar
    var strings: [String: UIStrings]
    /// Icon name → its markup on a page.
    var icons: [String: String]
    /// Whether to add `noindex` (preview builds, drafts).
    var noindex: Bool
    /// Language → its search page, for the search box in the header.
    var searchPages: [String: Int]
    /// Per language, the `main` menu in order: its pages (by front matter) and the configuration's entries, each
    /// with the page it leads to (nil for a URL of the configuration's). Found once, not once per page.
    private var mainMenus: [String: [(title: String, url: String, page: Int?)]]

    /// `memo`: the preview's sidebars rendered by earlier builds.
    init(site: Site, theme: Theme, noindex: Bool, memo: RenderMemo? = nil) {
        self.site = site
        self.theme = theme
        self.sidebar = Sidebar(navigation: Navigation(site: site)) { [library = theme.library] data in
            guard let memo else { return library.render(data, withTemplate: Sidebar.template) }
            return memo.html(layout: Sidebar.template, context: data) {
                library.render(data, withTemplate: Sidebar.template)
            }
        }
        self.noindex = noindex
        self.icons = theme.icons(basePath: site.config.basePath)
        self.searchPages = SearchPages.find(in: site, templates: theme.templateNames)
        var strings: [String: UIStrings] = [:]
        for language in site.config.languages {
            strings[language.code] = UIStrings(
                language: language.code, defaultLanguage: site.config.defaultLanguage, all: theme.strings)
        }
        self.strings = strings
        var mainMenus: [String: [(title: String, url: String, page: Int?)]] = [:]
        for language in site.config.languages {
            // (weight, position among equals, entry): pages in reading order, then the configuration's by name.
            var entries: [(weight: Int, order: Int, entry: (title: String, url: String, page: Int?))] = []
            for index in site.ordered[language.code] ?? [] {
                guard let weight = site.pages[index].frontMatter.menus["main"] else { continue }
                entries.append((weight, index, (site.pages[index].linkTitle, site.pages[index].url, index)))
            }
            let configured = (language.menu ?? site.config.menu).sorted { ($0.weight, $0.name) < ($1.weight, $1.name) }
            for (position, item) in configured.enumerated() {
                let order = site.pages.count + position
                if let page = item.page {
                    guard let index = site.lookup[language.code]?[RefResolver.normalise(page)] else { continue }
                    entries.append((item.weight, order, (item.name, site.pages[index].url, index)))
                } else if let url = item.url {
                    let local = url.hasPrefix("/") && !url.hasPrefix("//")
                    entries.append(
                        (item.weight, order, (item.name, local ? site.config.basePath + url.dropFirst() : url, nil)))
                }
            }
            mainMenus[language.code] = entries.sorted { ($0.weight, $0.order) < ($1.weight, $1.order) }.map(\.entry)
        }
        self.mainMenus = mainMenus
    }

    /// The data for the page at `index`.
    func page(_ index: Int) -> [String: Any] {
        let page = site.pages[index]
        var context = common(language: page.language, current: index)
        let t = strings[page.language] ?? UIStrings(language: page.language, defaultLanguage: "", all: [:])
        let isHome = page.kind == .home
        let siteTitle = context["site_title"] as? String ?? site.config.title
        context["title"] = isHome ? siteTitle : "\(page.title) | \(siteTitle)"
        context["description"] = (page.frontMatter.description ?? context["site_description"] as? String)?.nonEmpty
        var data = pageData(page, index: index, strings: t)
        let model = ModelContext(
            site: site, icons: icons, strings: t, language: page.language,
            renderPartial: { [theme] name, data in theme.library.render(data, withTemplate: name) ?? "" })
        if let generated = page.generated {
            context["model"] = model.generated(generated, url: page.url)
        } else if let level = model.levelPage(index) {
            context["level"] = level.context
            data["content"] = level.html
        }
        let notices = TranslationNotices(site: site, strings: t, language: page.language).notices(for: page)
        data["notices"] = notices
        data["has_notices"] = !notices.isEmpty
        data["content_lang"] = page.fallbackFrom
        context["page"] = data
        if SearchPages.isSearchPage(page) {
            context["search"] = SearchPageContext(site: site, page: page).data()
        }
        context["alternates"] = alternates(index)
        context["og"] = openGraph(page, title: isHome ? siteTitle : page.title)
        if site.config.hasAbsoluteBaseURL { context["canonical"] = site.config.absoluteURL(page.url) }
        return context
    }

    /// OpenGraph and Twitter card data: title, description, URL, image (front matter `image`, else site.yml `image`).
    private func openGraph(_ page: Page, title: String) -> [String: Any] {
        var data: [String: Any] = [
            "title": title, "type": page.kind == .page ? "article" : "website",
            "locale": page.language.replacingOccurrences(of: "-", with: "_"),
            "site_name": site.config.language(page.language)?.title ?? site.config.title,
        ]
        data["description"] =
            (page.frontMatter.description ?? site.config.language(page.language)?.description ?? site.config.description)?
            .nonEmpty
        if site.config.hasAbsoluteBaseURL { data["url"] = site.config.absoluteURL(page.url) }
        let image = page.frontMatter.params["image"]?.string ?? site.config.params["image"]?.string
        if let image, !image.isEmpty {
            if image.contains("://") {
                data["image"] = image
            } else {
                let path = image.hasPrefix("/") ? site.config.basePath + image.dropFirst() : page.url + image
                data["image"] = site.config.absoluteURL(path)
            }
        }
        data["card"] = data["image"] == nil ? "summary" : "summary_large_image"
        return data
    }

    /// `<link rel="alternate" hreflang>` targets: every real translation of the page, and x-default.
    private func alternates(_ index: Int) -> [[String: Any]] {
        let translations = (site.translations[index] ?? [:]).filter { site.pages[$0.value].fallbackFrom == nil }
        guard translations.count > 1 else { return [] }
        let path = site.pages[index].path
        let href = { (code: String) -> String? in
            guard let target = translations[code] else { return nil }
            if site.config.edition == nil || code == site.config.edition {
                return site.config.absoluteURL(site.pages[target].url)
            }
            return site.config.editionURL(language: code, path: path)
        }
        var links: [[String: Any]] = site.config.languages.compactMap { language in
            href(language.code).map { ["hreflang": language.code, "href": $0] }
        }
        guard links.count > 1 else { return [] }
        if let original = href(site.config.defaultLanguage) {
            links.append(["hreflang": "x-default", "href": original])
        }
        return links
    }

    /// The data for the site's 404 page, in the default language.
    /// The 404 page's view model, in `language` (the root's language unless given).
    func notFound(language: String? = nil) -> [String: Any] {
        let language = language ?? site.config.rootLanguage
        var context = common(language: language, current: -1)
        let t = strings[language] ?? UIStrings(language: language, defaultLanguage: language, all: [:])
        context["title"] = "\(t["not_found_title"]) | \(context["site_title"] as? String ?? site.config.title)"
        context["description"] = t["not_found_text"]
        context["noindex"] = true
        context["homes"] = site.config.publishedLanguages.compactMap { language -> [String: Any]? in
            guard let home = site.home[language.code] else { return nil }
            let t = strings[language.code] ?? t
            return [
                "url": site.pages[home].url, "name": language.name, "code": language.code, "text": t["not_found_home"],
            ]
        }
        return context
    }

    private func common(language code: String, current: Int) -> [String: Any] {
        let t = strings[code] ?? UIStrings(language: code, defaultLanguage: code, all: [:])
        var context = languageData(code, strings: t)
        context["sidebar"] = sidebar.html(
            current: current, url: current >= 0 ? site.pages[current].url : nil, language: code, data: context,
            strings: t)
        let menu = self.menu(language: code, current: current)
        let languages = languageLinks(current: current, language: code)
        context["menu"] = menu
        context["has_menu"] = !menu.isEmpty
        context["languages"] = languages
        context["has_languages"] = languages.count > 1
        context["noindex"] = noindex
        // The search page has its own form; the header's box is for every other page.
        context["search_url"] = searchPages[code].flatMap { $0 == current ? nil : site.pages[$0].url }
        return context
    }

    /// The data of a language that is the same on each of its pages; what the sidebar sees.
    private func languageData(_ code: String, strings t: UIStrings) -> [String: Any] {
        let language = site.config.language(code) ?? Language(code: code)
        var context: [String: Any] = [
            "lang": language.code,
            "site_title": language.title ?? site.config.title,
            "site_description": language.description ?? site.config.description ?? "",
            "home_url": site.home[code].map { site.pages[$0].url } ?? site.config.basePath,
            "asset_base": site.config.basePath,
            "t": t.table,
            "params": site.config.params.merging(language.params) { _, own in own }.mapValues(\.templateValue),
        ]
        context["translations_url"] = site.lookup[code]?["translations"].map { site.pages[$0].url }
        return context
    }

    private func pageData(_ page: Page, index: Int, strings t: UIStrings) -> [String: Any] {
        let showTOC =
            page.headings.contains { $0.level == 2 || $0.level == 3 } && page.frontMatter.params["notoc"] != .bool(true)
        var data: [String: Any] = [
            "title": page.title,
            "link_title": page.linkTitle,
            "url": page.url,
            "kind": page.kind.rawValue,
            "is_home": page.kind == .home,
            "content": page.htmlDigest.map { PageHTML(page.html, digest: $0) as Any } ?? page.html,
            "has_toc": showTOC,
            "params": page.frontMatter.params.mapValues(\.templateValue),
        ]
        data["description"] = page.frontMatter.description.nonEmpty
        if theme.usesTOCEntries { data["toc"] = TableOfContents.entries(page.headings, icons: icons) }
        if showTOC && !theme.templateNames.contains(Self.tocListTemplate) {
            data["toc_html"] = TableOfContents.html(page.headings, icons: icons)
        }
        let children = (site.children[index] ?? []).filter { !site.pages[$0].frontMatter.tocHide || page.kind != .home }
        data["children"] = children.map { child -> [String: Any] in
            let page = site.pages[child]
            var entry: [String: Any] = ["title": page.title, "url": page.url]
            entry["description"] = page.frontMatter.description.nonEmpty
            return entry
        }
        data["has_children"] = !children.isEmpty
        if let commit = page.lastCommit {
            var commitURL = ""
            if let repository = site.config.repository { commitURL = repository.url + "/commit/" + commit.hash }
            var lastModified: [String: Any] = [
                "label": t["last_modified"],
                "date": Self.formatDate(commit.date, language: page.language),
                "iso_date": commit.date,
                "subject": commit.subject,
                "hash": commit.shortHash,
            ]
            lastModified["commit_url"] = commitURL.nonEmpty
            data["last_modified"] = lastModified
        }
        if let repository = site.config.repository, !page.sourcePath.isEmpty {
            let folder =
                repository.path.isEmpty
                ? "" : repository.path.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/"
            data["edit_url"] = "\(repository.url)/edit/\(repository.branch)/\(folder)\(page.sourcePath)"
        }
        return data
    }

    /// A theme's own markup for `page.toc_html`; without it the list is made in Swift (`TableOfContents.html`).
    static let tocListTemplate = "partials/toc-list"

    /// The page data with `page.toc_html` made by the theme's `partials/toc-list` when it has one (from
    /// `page.toc`, once per page: layouts place it twice, a compact box for narrow screens and a column for wide
    /// ones). Called just before rendering, after a preview's memo missed: it is a fair part of a page's time.
    /// Without that partial `page.toc_html` is in the page data already.
    func completed(_ context: [String: Any]) -> [String: Any] {
        guard theme.templateNames.contains(Self.tocListTemplate), var page = context["page"] as? [String: Any],
            page["has_toc"] as? Bool == true, let toc = page["toc"] as? [[String: Any]]
        else { return context }
        var context = context
        let list = ["page": ["toc": toc], "t": context["t"] ?? [String: String]()]
        page["toc_html"] = theme.library.render(list, withTemplate: Self.tocListTemplate) ?? ""
        context["page"] = page
        return context
    }

    private func menu(language: String, current: Int) -> [[String: Any]] {
        (mainMenus[language] ?? []).map { entry in
            ["title": entry.title, "url": entry.url, "current": entry.page == current && current >= 0]
        }
    }

    /// One link per language: to this page's translation, else to that language's home page. An edition build
    /// lists only the other editions that have their own URL.
    private func languageLinks(current: Int, language code: String) -> [[String: Any]] {
        let translations = current >= 0 ? site.translations[current] ?? [:] : [:]
        let path = current >= 0 ? site.pages[current].path : ""
        return site.config.languages.compactMap { language -> [String: Any]? in
            let target = translations[language.code] ?? site.home[language.code]
            let translated = translations[language.code].map { site.pages[$0].fallbackFrom == nil } ?? false
            let url: String
            if site.config.edition == nil || language.code == code {
                url = target.map { site.pages[$0].url } ?? site.config.basePath
            } else if let editionURL = site.config.editionURL(language: language.code, path: translated ? path : "") {
                url = editionURL
            } else {
                return nil
            }
            return [
                "code": language.code, "name": language.name, "url": url, "current": language.code == code,
                "translated": translated,
            ]
        }
    }

    /// `2023-10-10` as a long date in the page's language (`October 10, 2023`, `10. Oktober 2023`).
    static func formatDate(_ iso: String, language: String) -> String {
        LongDates.shared.text(iso, language: language)
    }
}

extension Optional where Wrapped == String {
    /// The text, or nil when there is none: Mustache treats an empty string as true, so sections test nil instead.
    var nonEmpty: String? {
        guard let self, !self.isEmpty else { return nil }
        return self
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
