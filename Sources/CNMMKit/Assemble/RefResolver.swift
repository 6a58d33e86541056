import Foundation

/// Resolves the targets of `ref` and `relref` shortcodes to page URLs.
///
/// A target names a page by its path in the language (`/level-1`, `level-1/index.md`, `/about/_index.md`),
/// relative to the current page when it does not start with `/`, and may carry a `#anchor`. Like Hugo's
/// `ref`, a bare name also finds a page whose last path component it is, when that is unique.
struct RefResolver: Sendable {
    private var paths: [String: [String: String]] = [:]
    private var names: [String: [String: String?]] = [:]
    private var config: SiteConfig

    init(site: Site) {
        config = site.config
        // The keys are made on all cores: one per page, before any page's Markdown can be rendered.
        let keys = site.pages.map(\.path).parallelMap { Self.normalise($0) }
        for (page, key) in zip(site.pages, keys) {
            paths[page.language, default: [:]][key] = page.url
            let name = key.split(separator: "/").last.map(String.init) ?? ""
            if names[page.language]?[name] != nil {
                names[page.language]?[name] = .some(nil)
            } else {
                names[page.language, default: [:]][name] = page.url
            }
        }
    }

    /// Resolves in `language`; a page that exists only in the default language resolves to the fallback page
    /// it will have in `language` (unless fallback pages are switched off).
    func resolve(_ target: String, language: String, from page: Page) -> String? {
        if let url = resolveIn(target, language: language, from: page) { return url }
        let source = config.defaultLanguage
        guard config.translationFallback, language != source,
            let url = resolveIn(target, language: source, from: page)
        else { return nil }
        let sourceRoot = config.basePath + config.languagePrefix(source)
        return config.basePath + config.languagePrefix(language) + url.dropFirst(sourceRoot.count)
    }

    private func resolveIn(_ target: String, language: String, from page: Page) -> String? {
        var target = target
        var anchor = ""
        if let hash = target.firstIndex(of: "#") {
            anchor = String(target[hash...])
            target = String(target[..<hash])
        }
        if target.isEmpty { return anchor.isEmpty ? nil : page.url + anchor }
        let normalised = Self.normalise(target)
        let table = paths[language] ?? [:]
        if target.hasPrefix("/") {
            return table[normalised].map { $0 + anchor }
        }
        // Relative targets start in the folder of the page's file: a bundle's own folder, else its parent.
        let isIndexFile = page.sourcePath.hasSuffix("/index.md") || page.sourcePath.hasSuffix("/_index.md")
        let folder = page.kind == .page && !isIndexFile ? (page.parentPath ?? "") : page.path
        let relative = Self.normalise(folder.isEmpty ? normalised : folder + "/" + normalised)
        if let url = table[relative] ?? table[normalised] { return url + anchor }
        if let unique = names[language]?[normalised], let url = unique { return url + anchor }
        return nil
    }

    /// Resolves `.` and `..` in a relative file path (`a/./b/../c.html` → `a/c.html`), keeping case.
    static func normaliseFile(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/") + (path.hasSuffix("/") ? "/" : "")
    }

    /// The same cleaning as URLs get: NFC, lower case, spaces as `-`. ASCII text is its own NFC and skips
    /// Foundation (NFC through Foundation was most of the time of resolving a shortcode).
    static func clean(_ target: String) -> String {
        var path =
            target.utf8.allSatisfy { $0 < 0x80 }
            ? target.lowercased()
            : target.precomposedStringWithCanonicalMapping.lowercased()
        if path.utf8.contains(UInt8(ascii: " ")) { path = path[...].replacingAll(" ", with: "-") }
        return path
    }

    /// `/About/_index.md` → `about`; `level-1/index` → `level-1`; `./a/../b` → `b`.
    static func normalise(_ target: String) -> String {
        var path = clean(target)
        for suffix in [".md"] where path.hasSuffix(suffix) { path = String(path.dropLast(suffix.count)) }
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        if let last = parts.last, last == "index" || last == "_index" { parts.removeLast() }
        return parts.joined(separator: "/")
    }
}
