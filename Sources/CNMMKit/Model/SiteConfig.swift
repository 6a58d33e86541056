/// The site-wide settings read from `site.yml` (or Hugo's configuration), completed with defaults.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var description: String?
    /// The URL the site is published at; `/` when unknown. Always ends with `/`.
    public var baseURL: String
    /// Languages ordered by weight, then code. Never empty after loading.
    public var languages: [Language]
    public var defaultLanguage: String
    /// Where the sources live, for "Edit this page" links.
    public var repository: Repository?
    /// Every other top-level key of `site.yml`, for templates.
    public var params: [String: YAMLValue]
    /// Whether a page missing in a language is published there with the default language's content.
    public var translationFallback = true
    /// Where translators learn how to translate; defaults to the repository's README, else `/translations/`.
    public var translationGuide: String?
    /// The model's dimensions, in order; the Cloud Native Maturity Model's five unless `site.yml` declares others.
    public var dimensions: [Dimension] = Dimension.cloudNativeMaturityModel
    /// Entries of the main menu given in the configuration (`menu:` in site.yml, Hugo's `menu.main`), for every
    /// language that has none of its own (`Language.menu`); pages join the menu by their front matter.
    public var menu: [MenuEntry] = []

    /// A source repository that "Edit this page" links point into.
    public struct Repository: Sendable, Hashable {
        public var url: String
        public var branch: String
        /// The folder of the site inside the repository (`website`), empty for its root.
        public var path: String
    }

    public init(
        title: String = "Cloud Native Maturity Model",
        description: String? = nil,
        baseURL: String = "/",
        languages: [Language] = [],
        defaultLanguage: String = "en",
        repository: Repository? = nil,
        params: [String: YAMLValue] = [:]
    ) {
        self.title = title
        self.description = description
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.languages = languages
        self.defaultLanguage = defaultLanguage
        self.repository = repository
        self.params = params
    }

    /// The path part of the base URL (`/` or `/cnmm/`): every internal link starts with it.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return baseURL.hasPrefix("/") ? baseURL : "/" + baseURL }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }

    /// True when the base URL names a host, so absolute URLs (sitemap, canonical) can be made.
    public var hasAbsoluteBaseURL: Bool { baseURL.contains("://") }

    /// An absolute URL for a site path that already starts with `basePath`.
    public func absoluteURL(_ path: String) -> String {
        guard hasAbsoluteBaseURL else { return path }
        return String(baseURL.dropLast(basePath.count)) + path
    }

    public func language(_ code: String) -> Language? { languages.first { $0.code == code } }

    /// The URL prefix of a language: empty for the default language, `de/` for the others; `en/` for the default
    /// one too when `defaultLanguageInSubdir` (an edition build is always at the root).
    public func languagePrefix(_ code: String) -> String {
        code == rootLanguage && (edition != nil || !defaultLanguageInSubdir) ? "" : code.lowercased() + "/"
    }

    /// Whether the default language is published under its own folder (`/en/`) too, the root sending readers there
    /// (Hugo's `defaultContentLanguageInSubdir`).
    public var defaultLanguageInSubdir = false

    /// The language served at the site root: the default one, or the edition's.
    public var rootLanguage: String { edition ?? defaultLanguage }

    /// Set when building one language's edition (`cnmm build --language de`): only it is published, at the root.
    public var edition: String?

    /// The languages whose pages this build publishes.
    public var publishedLanguages: [Language] { languages.filter { edition == nil || $0.code == edition } }

    /// A page's URL in another edition, for the language switcher of an edition build (nil when unknown).
    public func editionURL(language code: String, path: String) -> String? {
        guard edition != nil, code != edition, let base = language(code)?.baseURL else { return nil }
        return (base.hasSuffix("/") ? base : base + "/") + (path.isEmpty ? "" : path.lowercased() + "/")
    }
}

/// An entry of the main menu given in the configuration: a page of the site or any URL, with a name and a weight.
public struct MenuEntry: Sendable, Hashable {
    public var name: String
    /// A page by its path in the language (`/about`), as Hugo's `pageRef`: the entry leads to that page's URL.
    public var page: String?
    /// Any URL, when no page is named: from the site's root (`/search/`, the base path put before it) or external.
    public var url: String?
    /// Order among the menu's entries and pages (the front matter's menu weight); ties by name.
    public var weight: Int

    public init(name: String, page: String? = nil, url: String? = nil, weight: Int = 0) {
        self.name = name
        self.page = page
        self.url = url
        self.weight = weight
    }
}
