import Foundation
import Yams

/// A `SiteConfig` written as a commented `site.yml` that reads back as the same configuration.
///
/// Every setting has a comment line saying what it does and which key of Hugo's configuration it came from; the
/// values are written by Yams, a string quoted wherever YAML 1.2 would read it as something else (`"yes"` stays
/// text, `"2023"` too), so `SiteConfigLoader` reads back exactly this configuration.
struct SiteYAMLText {
    var config: SiteConfig
    /// The Hugo file the configuration was read from, as the comments name it.
    var source: String
    /// The keys of that file cnmm does not use, listed at the end.
    var unused: [String]

    func text() throws(BuildFailure) -> String {
        var out = Self.comment(
            "cnmm's configuration, written by `cnmm init --from-hugo` from \(source): the same site. cnmm reads "
                + "site.yml first, so \(source) is no longer read; the README's \"Configuration\" has every key.")
        out += "\n"
        out += try setting("The site's title (Hugo: title).", "title", .string(config.title))
        if let description = config.description {
            out += try setting(
                "The site's description, where a language has none of its own (Hugo: params.description).",
                "description", .string(description))
        }
        out += try setting(
            "Where the site is published; its path prefixes every link (Hugo: baseURL).", "baseURL",
            .string(config.baseURL))
        out += try setting(
            "The language at the site's root; every other one is under /<code>/ (Hugo: defaultContentLanguage).",
            "defaultLanguage", .string(config.defaultLanguage))
        if config.defaultLanguageInSubdir {
            out += try setting(
                "The default language under its own folder too, the root sending readers there "
                    + "(Hugo: defaultContentLanguageInSubdir).", "defaultLanguageInSubdir", .bool(true))
        }
        out += try setting(
            "The languages in order of weight (Hugo: languages): code, name in the language switcher (languageName), "
                + "weight, content folder (contentDir), and the site's title, description and own edition's URL "
                + "(baseURL) in that language.", "languages", .list(config.languages.map(Self.language)),
            order: Self.languageKeys)
        if let repository = config.repository {
            out += try setting(
                "\"Edit this page\" links: the repository, its branch, and the site's folder in it "
                    + "(Hugo: params.github.repo, branch and subdir).", "repository",
                .map([
                    "url": .string(repository.url), "branch": .string(repository.branch),
                    "path": .string(repository.path),
                ]),
                order: ["url", "branch", "path"])
        }
        if !config.menu.isEmpty {
            out += try setting(
                "The main menu's entries beside the pages that join it by front matter (Hugo: menu.main): name, "
                    + "page (pageRef) or url, weight.", "menu", .list(config.menu.map(Self.menuEntry)),
                order: Self.menuKeys)
        }
        for (key, value) in config.params.sorted(by: { $0.key < $1.key }) {
            out += try setting("For templates as params.\(key) (Hugo: params.\(key)).", key, value)
        }
        out += Self.comment(
            "Not set, so cnmm's defaults hold: dimensions (the model's five), translationFallback (true), "
                + "translationGuide (the repository's README, else the site's /translations/ page).")
        if !unused.isEmpty {
            out += Self.comment("Keys of \(source) cnmm does not use: \(unused.joined(separator: ", ")).")
        }
        return out
    }

    private func setting(_ explanation: String, _ key: String, _ value: YAMLValue, order: [String] = [])
        throws(BuildFailure) -> String
    {
        let node = Node.mapping(.init([(Self.key(key), Self.node(value, order: order))]))
        do {
            return Self.comment(explanation)
                + (try Yams.serialize(node: node, indent: 2, width: -1, allowUnicode: true)) + "\n"
        } catch {
            throw BuildFailure([.error("site.yml", "could not write '\(key)' as YAML: \(error)")])
        }
    }
}

private extension SiteYAMLText {
    static func language(_ language: Language) -> YAMLValue {
        var map: [String: YAMLValue] = [
            "code": .string(language.code), "name": .string(language.name), "weight": .int(language.weight),
        ]
        map["contentDir"] = language.contentDir.map(YAMLValue.string)
        map["title"] = language.title.map(YAMLValue.string)
        map["description"] = language.description.map(YAMLValue.string)
        map["baseURL"] = language.baseURL.map(YAMLValue.string)
        map["menu"] = language.menu.map { .list($0.map(menuEntry)) }
        if !language.params.isEmpty { map["params"] = .map(language.params) }
        return .map(map)
    }

    static func menuEntry(_ entry: MenuEntry) -> YAMLValue {
        var map: [String: YAMLValue] = ["name": .string(entry.name), "weight": .int(entry.weight)]
        map["page"] = entry.page.map(YAMLValue.string)
        map["url"] = entry.url.map(YAMLValue.string)
        return .map(map)
    }

    static let menuKeys = ["name", "page", "url", "weight"]

    static let languageKeys = [
        "code", "name", "weight", "contentDir", "title", "description", "baseURL", "menu", "params",
    ]

    /// `order`: keys of the mapping (or of each mapping in the list) written first, in this order; the rest sorted.
    static func node(_ value: YAMLValue, order: [String] = []) -> Node {
        switch value {
        case .string(let text): return .scalar(.init(text, .implicit, style(for: text)))
        case .int(let number): return .scalar(.init(String(number)))
        case .double(let number):
            if number.isNaN { return .scalar(.init(".nan")) }
            if number.isInfinite { return .scalar(.init(number < 0 ? "-.inf" : ".inf")) }
            return .scalar(.init(String(number)))
        case .bool(let flag): return .scalar(.init(flag ? "true" : "false"))
        case .null: return .scalar(.init("null"))
        case .list(let items): return .sequence(.init(items.map { node($0, order: order) }))
        case .map(let map):
            let first = order.filter { map[$0] != nil }
            let rest = map.keys.filter { !first.contains($0) }.sorted()
            return .mapping(.init((first + rest).map { (key($0), node(map[$0] ?? .null)) }))
        }
    }

    static func key(_ name: String) -> Node {
        .scalar(.init(name, .implicit, style(for: name)))
    }

    /// Plain where YAML reads the text back as text, else double-quoted (`"true"`, `"2023"`, `""`). Text YAML 1.1
    /// would read otherwise (`"yes"`, `"no"`) is quoted too, though cnmm reads it as text, for other tools' sake.
    static func style(for text: String) -> Node.Scalar.Style {
        let plain = Node.scalar(.init(text))
        let isText = [YAMLSchema.resolver, Resolver.default].allSatisfy { $0.resolveTag(of: plain) == .str }
        return !text.isEmpty && !text.contains("\n") && isText ? .plain : .doubleQuoted
    }

    /// `# ` lines of at most 120 columns.
    static func comment(_ text: String) -> String {
        var lines: [String] = []
        var line = "#"
        for word in text.split(separator: " ") {
            if line.count + 1 + word.count > 120 && line != "#" {
                lines.append(line)
                line = "#"
            }
            line += " " + word
        }
        lines.append(line)
        return lines.joined(separator: "\n") + "\n"
    }
}
