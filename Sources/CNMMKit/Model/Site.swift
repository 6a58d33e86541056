/// The assembled site: every page with its URL, in order, and the relations between pages.
///
/// Indices point into `pages`. Built by `SiteAssembler`; read by the Markdown and render stages.
public struct Site: Sendable {
    public var config: SiteConfig
    public var pages: [Page]
    /// Per language, its pages in reading order (weight, then title, then path).
    public var ordered: [String: [Int]] = [:]
    /// Per page, its child pages in order (sections and home list their children).
    public var children: [Int: [Int]] = [:]
    /// Per language, its home page.
    public var home: [String: Int] = [:]
    /// Per page, the same page in each language (itself included).
    public var translations: [Int: [String: Int]] = [:]
    /// How complete each translation is; nil for a one-language site.
    public var translationReport: TranslationReport?
    /// Per language, the maturity model found in its level pages.
    public var models: [String: MaturityModel] = [:]

    public init(config: SiteConfig, pages: [Page]) {
        self.config = config
        self.pages = pages
    }

    /// The parent page (section or home) of a page, if any.
    public func parent(of index: Int) -> Int? {
        let page = pages[index]
        guard let parentPath = page.parentPath else { return nil }
        return lookup[page.language]?[parentPath.lowercased()] ?? home[page.language]
    }

    /// Language → logical path → page index.
    public var lookup: [String: [String: Int]] = [:]
}
