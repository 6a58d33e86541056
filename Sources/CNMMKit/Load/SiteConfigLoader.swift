import Foundation

/// Reads `site.yml` into a `SiteConfig`, or Hugo's configuration when there is no `site.yml`, or makes one from
/// the content folders when there is neither.
///
/// With no configuration, the languages are the folders under `content/`; English is the default when
/// present, otherwise the first in alphabetical order. Output: the configuration, the file it came from, and
/// the notes to print (the keys of Hugo's configuration it does not use).
struct SiteConfigLoader {
    var sourceRoot: URL
    /// The config file's path relative to the source root (or absolute), which must exist; nil: the first of
    /// `site.yml` and Hugo's files that exists (`configFile(in:)`), else none.
    var configPath: String?

    /// A configuration read, with where it came from.
    struct Loaded {
        var config: SiteConfig
        /// The file as messages show it; `site.yml` when there was none.
        var path: String
        var notes: [Diagnostic] = []
        /// The keys of Hugo's configuration not used (what the note names), as written.
        var unused: [String] = []
    }

    /// The keys of `site.yml` that are settings; every other key is a parameter for templates.
    static let settingKeys: Set<String> = [
        "title", "description", "baseURL", "baseUrl", "base_url", "defaultLanguage", "defaultContentLanguage",
        "languages", "repository", "dimensions", "translationFallback", "translationGuide",
    ]

    /// The config file a build reads when none is named: `site.yml`, else the first of Hugo's files; nil for none.
    static func configFile(in root: URL) -> String? {
        (["site.yml"] + HugoConfig.fileNames).first { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(
                atPath: root.appendingPathComponent(name).path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }

    func load() throws(BuildFailure) -> Loaded {
        let contentLanguages = Self.contentLanguages(in: sourceRoot)
        guard let shown = configPath ?? Self.configFile(in: sourceRoot) else {
            return Loaded(config: Self.defaults(languages: contentLanguages), path: "site.yml")
        }
        let url = URL.resolving(shown, against: sourceRoot)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BuildFailure([.error(shown, "config file not found")])
        }
        let text: String
        do { text = try SourceText.decode(data, path: shown) } catch { throw BuildFailure([error]) }
        if HugoConfig.reads(shown) {
            var hugo = HugoConfig(path: shown, document: try HugoDocument.parse(text, path: shown))
            var config = Self.defaults(languages: contentLanguages)
            let declaredDefault = try hugo.read(into: &config)
            try Self.complete(&config, declaredDefault: declaredDefault, path: shown)
            return Loaded(config: config, path: shown, notes: hugo.note.map { [$0] } ?? [], unused: hugo.unusedSorted)
        }
        return Loaded(config: try siteYAML(text, path: shown, contentLanguages: contentLanguages), path: shown)
    }

    /// Orders the languages and settles the default one (declared, else English when present, else the first).
    static func complete(_ config: inout SiteConfig, declaredDefault: String?, path: String)
        throws(BuildFailure)
    {
        config.languages.sort { ($0.weight, $0.code) < ($1.weight, $1.code) }
        if config.languages.isEmpty { config.languages = [Language(code: "en")] }
        config.defaultLanguage = declaredDefault ?? Self.pickDefault(config.languages.map(\.code))
        if config.language(config.defaultLanguage) == nil {
            throw BuildFailure([
                .error(path, "defaultLanguage '\(config.defaultLanguage)' is not one of the languages")
            ])
        }
    }

    static func defaults(languages: [String]) -> SiteConfig {
        let codes = languages.isEmpty ? ["en"] : languages
        let defaultLanguage = pickDefault(codes)
        let ordered = [defaultLanguage] + codes.filter { $0 != defaultLanguage }
        return SiteConfig(
            languages: ordered.enumerated().map { Language(code: $1, weight: $0 + 1) },
            defaultLanguage: defaultLanguage
        )
    }

    private static func pickDefault(_ codes: [String]) -> String {
        codes.contains("en") ? "en" : (codes.sorted().first ?? "en")
    }

    static func slashed(_ url: String) -> String { url.hasSuffix("/") ? url : url + "/" }

    /// The language folders under `content/`, normalised and sorted.
    static func contentLanguages(in root: URL) -> [String] {
        let content = root.appendingPathComponent("content")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: content.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".")
                && FileManager.default.fileExists(
                    atPath: content.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.map(Language.normalise).sorted()
    }
}
