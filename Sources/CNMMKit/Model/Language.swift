/// A language the site is published in.
///
/// The default language is served at the site root, every other one under `/<code>/`.
public struct Language: Sendable, Hashable {
    /// The BCP 47 code, normalised (`en`, `de`, `pt-BR`).
    public var code: String
    /// The language's name in its own language (`Deutsch`).
    public var name: String
    public var weight: Int
    /// The site's title in this language; the site-wide title when not set.
    public var title: String?
    /// The site's description in this language.
    public var description: String?
    /// Where this language's own edition is published (`cnmm build --language`), if it has one.
    public var baseURL: String?
    /// The language's content folder (`content/english`, Hugo's `contentDir`), always one folder inside `content/`;
    /// nil: the folder under `content/` named by the code.
    public var contentDir: String?
    /// Parameters for templates in this language, over the site's (`params.<key>`; Hugo's `languages.<code>.params`).
    public var params: [String: YAMLValue] = [:]
    /// This language's main menu entries from the configuration, in place of the site's (`SiteConfig.menu`).
    public var menu: [MenuEntry]?

    public init(code: String, name: String? = nil, weight: Int = 0, title: String? = nil, description: String? = nil) {
        self.code = Language.normalise(code)
        self.name = name ?? Language.knownNames[self.code.lowercased()] ?? self.code
        self.weight = weight
        self.title = title
        self.description = description
    }

    /// The name of the language's folder under `content/` when `contentDir` names one (`english`).
    var contentFolder: String? {
        contentDir.map { String($0.dropFirst(Self.contentPrefix.count)) }
    }

    static let contentPrefix = "content/"

    /// `contentDir` as cnmm keeps it, `content/<folder>`, or nil when the path is not one folder inside `content/`
    /// (`./content/en/` is `content/en`; `docs/en`, `content`, `content/a/b`, absolute paths and hidden folders are nil).
    static func contentDir(_ path: String) -> String? {
        guard !path.hasPrefix("/") else { return nil }
        var parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if parts.first == "." { parts.removeFirst() }
        guard parts.count == 2, parts[0] == "content", !parts[1].hasPrefix(".") else { return nil }
        return contentPrefix + parts[1]
    }

    /// Normalises a language code to BCP 47 case: language lowercase, script title case, region uppercase.
    public static func normalise(_ code: String) -> String {
        let parts = code.replacingOccurrences(of: "_", with: "-").split(separator: "-").map(String.init)
        return parts.enumerated().map { index, part in
            if index == 0 { return part.lowercased() }
            if part.count == 4 { return part.prefix(1).uppercased() + part.dropFirst().lowercased() }
            if part.count == 2 || (part.count == 3 && part.allSatisfy(\.isNumber)) { return part.uppercased() }
            return part.lowercased()
        }.joined(separator: "-")
    }

    static let knownNames = [
        "en": "English", "de": "Deutsch", "fr": "Français", "es": "Español", "it": "Italiano",
        "pt": "Português", "nl": "Nederlands", "ja": "日本語", "zh": "中文", "ko": "한국어",
    ]
}
