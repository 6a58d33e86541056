/// What a content file is, by Hugo's conventions.
public enum PageKind: String, Sendable, Hashable {
    /// `content/<lang>/_index.md`.
    case home
    /// `_index.md` anywhere else: a section that lists its pages.
    case section
    /// `name/index.md` (a bundle) or `name.md`.
    case page
}

/// A content page as it flows through the pipeline.
///
/// Loading fills the source fields and front matter; assembling sets `url` and order;
/// the Markdown stage fills `html` and `headings`.
public struct Page: Sendable {
    /// The file, relative to the source root (`content/en/level-3/index.md`).
    public var sourcePath: String
    public var language: String
    public var kind: PageKind
    /// The logical path inside the language (`level-3`, `about`, empty for home).
    public var path: String
    public var frontMatter: FrontMatter
    /// The Markdown after the front matter.
    public var body: String
    /// The file line on which `body` starts (1-based).
    public var bodyLine: Int
    /// Other files of a page bundle, relative to the source root, copied next to the page.
    public var bundleFiles: [String] = []

    /// The page's URL path, starting with the site's base path (`/level-3/`).
    public var url: String = ""
    public var html: String = "" {
        didSet { htmlDigest = nil }
    }
    /// A hash of `html`, kept by the preview's Markdown memo so that fingerprinting a page's view model need
    /// not read its HTML again; nil when unknown (any change of `html` clears it).
    var htmlDigest: Int?
    public var headings: [Heading] = [] {
        didSet { headingsDigest = nil }
    }
    /// Where each heading and each link to the site sits in `html` (set with it).
    public var content = PageContent()
    /// A hash of `headings`, kept with `htmlDigest` (nil when unknown; any change of `headings` clears it).
    var headingsDigest: Int?
    public var lastCommit: Commit?
    /// Set on the pages the maturity model generates; nil for content pages.
    public var generated: Generated?
    /// Set when this page has no translation and shows the content of that language instead.
    public var fallbackFrom: String?
    /// Dimension sections this translated level page lacks and shows from the default language.
    public var fallbackSections: [String] = []
    /// Set when the page's source (in the default language) changed after this translation.
    public var outdated: Outdated?

    /// How a translation lags behind its source.
    public struct Outdated: Sendable, Hashable {
        /// The date of the source's newest commit (`YYYY-MM-DD`).
        public var sourceDate: String
        /// Dimension ids of the source's sections changed since the translation, when git can tell.
        public var sections: [String]
    }

    /// The kinds of page the maturity model generates.
    public enum Generated: Sendable, Hashable {
        /// `/model/`: levels × dimensions.
        case overview
        /// `/dimensions/`: the list of dimensions.
        case dimensions
        /// `/dimensions/<id>/`: one dimension across all levels.
        case dimension(String)
        /// `/dimensions/<id>/<topic>/`: one recurring topic across the levels that have it.
        case topic(dimension: String, slug: String)
        /// `/translations/`: the translation status report for translators.
        case translations
        /// `/search/`: the search page of a language that has none of its own (`layout: search`).
        case search

        /// The theme layout that renders this kind of page.
        public var layout: String {
            switch self {
            case .overview: return "model"
            case .dimensions: return "dimensions"
            case .dimension: return "dimension"
            case .topic: return "topic"
            case .translations: return "translations"
            case .search: return "search"
            }
        }
    }

    public init(
        sourcePath: String, language: String, kind: PageKind, path: String, frontMatter: FrontMatter, body: String,
        bodyLine: Int
    ) {
        self.sourcePath = sourcePath
        self.language = language
        self.kind = kind
        self.path = path
        self.frontMatter = frontMatter
        self.body = body
        self.bodyLine = bodyLine
    }

    /// A page the generator makes (not from a content file), with its title and an optional weight.
    static func generated(
        _ kind: Generated, path: String, title: String, language: String, pageKind: PageKind = .page, weight: Int = 0
    ) -> Page {
        var frontMatter = FrontMatter()
        frontMatter.title = title
        frontMatter.weight = weight
        frontMatter.tocHide = kind == .translations || kind == .search
        var page = Page(
            sourcePath: "", language: language, kind: pageKind, path: path, frontMatter: frontMatter, body: "",
            bodyLine: 1)
        page.generated = kind
        return page
    }

    /// Adds HTML at the end of the page's, with its structure and headings (offsets counted from its own start).
    mutating func append(html more: String, content moreContent: PageContent, headings moreHeadings: [Heading]) {
        let offset = html.utf8.count
        html += more
        headings += moreHeadings
        for place in moreContent.headings {
            content.headings.append(
                PageContent.HeadingPlace(
                    opening: (place.opening.lowerBound + offset)..<(place.opening.upperBound + offset),
                    end: place.end + offset))
        }
        for var link in moreContent.links {
            link.range = (link.range.lowerBound + offset)..<(link.range.upperBound + offset)
            content.links.append(link)
        }
    }

    /// The headings of a section: its own and every one inside it.
    func allHeadings(in section: PageContent.Section) -> [Heading] {
        var result = [headings[section.heading]]
        for child in section.children { result += allHeadings(in: child) }
        return result
    }

    /// The title shown in the page: front matter `title`, else the last path component.
    public var title: String { frontMatter.title ?? (path.split(separator: "/").last.map(String.init) ?? "") }
    /// The title shown in navigation: `linkTitle`, else `title`.
    public var linkTitle: String { frontMatter.linkTitle ?? title }
    /// The logical path of the parent section (`""` for top-level pages); nil for home.
    public var parentPath: String? {
        guard !path.isEmpty else { return nil }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
    /// The key that matches translations of one page: `translationKey`, else the path.
    public var translationKey: String { frontMatter.translationKey ?? path }
}

/// The last git commit of a source file.
public struct Commit: Sendable, Hashable {
    public var hash: String
    public var shortHash: String
    /// `YYYY-MM-DD`.
    public var date: String
    public var subject: String
    /// Seconds since 1970, for ordering commits.
    public var timestamp: Int = 0
}
