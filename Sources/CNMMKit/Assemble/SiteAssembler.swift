import Foundation

/// The assemble stage: work that needs all pages at once.
///
/// Input: the config and the loaded pages. Output: a `Site` with URLs, reading order, parents and
/// children (missing home and section pages are made, as Hugo does), translations, and errors for
/// two pages that would be written to one URL.
struct SiteAssembler {
    var config: SiteConfig

    func assemble(_ loaded: [Page]) -> (Site, [Diagnostic]) {
        var pages = loaded
        var diagnostics: [Diagnostic] = []
        addMissingParents(&pages)
        var lookup: [String: [String: Int]] = [:]
        var byURL: [String: Int] = [:]
        for index in pages.indices {
            pages[index].url = url(language: pages[index].language, path: pages[index].path)
            if let other = byURL[pages[index].url] {
                let (page, earlier) = (pages[index], pages[other])
                let name = { (page: Page) in page.sourcePath.isEmpty ? "the page cnmm generates there" : page.sourcePath
                }
                diagnostics.append(
                    .error(
                        page.sourcePath.isEmpty ? earlier.sourcePath : page.sourcePath, line: 1,
                        "\(name(page)) and \(name(earlier)) both have the URL \(page.url)"))
                continue
            }
            byURL[pages[index].url] = index
            lookup[pages[index].language, default: [:]][pages[index].path.lowercased()] = index
        }
        var site = Site(config: config, pages: pages)
        site.lookup = lookup
        for language in config.languages {
            let indices = pages.indices.filter { pages[$0].language == language.code && byURL[pages[$0].url] == $0 }
            site.ordered[language.code] = indices.sorted { Self.readingOrder(pages[$0], pages[$1]) }
            site.home[language.code] = lookup[language.code]?[""]
        }
        for language in config.languages {
            for index in site.ordered[language.code] ?? [] {
                if let parent = site.parent(of: index) { site.children[parent, default: []].append(index) }
            }
        }
        var groups: [String: [String: Int]] = [:]
        for language in config.languages {
            for index in site.ordered[language.code] ?? [] {
                groups[pages[index].translationKey, default: [:]][language.code] = index
            }
        }
        for group in groups.values {
            for index in group.values { site.translations[index] = group }
        }
        return (site, diagnostics)
    }

    /// `/level-3/` in the default language, `/de/level-3/` in others, under the base path; lowercased and with
    /// spaces as `-` as Hugo does, in Unicode NFC, and percent-encoded where a URL needs it (`#`, `%`, `?`).
    func url(language: String, path: String) -> String {
        let tail = path.isEmpty ? "" : Self.urlPath(path) + "/"
        return config.basePath + config.languagePrefix(language) + tail
    }

    static func urlPath(_ path: String) -> String {
        // Most paths are already lowercase ASCII words: nothing to normalise, lower or escape.
        let plain = path.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "/")
                || byte == UInt8(ascii: ".")
        }
        if plain { return path }
        let cleaned = path.precomposedStringWithCanonicalMapping.lowercased().replacingOccurrences(of: " ", with: "-")
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "%#?;")
        return cleaned.addingPercentEncoding(withAllowedCharacters: allowed) ?? cleaned
    }

    /// Weight first (an unset weight of 0 sorts after every set one), then title, then path.
    static func readingOrder(_ a: Page, _ b: Page) -> Bool {
        let wa = a.frontMatter.weight == 0 ? Int.max : a.frontMatter.weight
        let wb = b.frontMatter.weight == 0 ? Int.max : b.frontMatter.weight
        if wa != wb { return wa < wb }
        let ta = a.title.lowercased()
        let tb = b.title.lowercased()
        if ta != tb { return ta < tb }
        return a.path < b.path
    }

    /// Every language gets a home page, and every folder that holds pages a section page.
    private func addMissingParents(_ pages: inout [Page]) {
        var existing = Set(pages.map { "\($0.language)\u{0}\($0.path)" })
        for language in config.languages {
            var needed: [String] = [""]
            for page in pages where page.language == language.code {
                var parent = page.parentPath
                while let path = parent, !path.isEmpty {
                    needed.append(path)
                    parent = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
                }
            }
            for path in needed where existing.insert("\(language.code)\u{0}\(path)").inserted {
                var frontMatter = FrontMatter()
                if path.isEmpty {
                    frontMatter.title = language.title ?? config.title
                } else {
                    let name = path.split(separator: "/").last.map(String.init) ?? path
                    frontMatter.title = name.replacingOccurrences(of: "-", with: " ").capitalized
                }
                pages.append(
                    Page(
                        sourcePath: "", language: language.code, kind: path.isEmpty ? .home : .section, path: path,
                        frontMatter: frontMatter, body: "", bodyLine: 1))
            }
        }
    }
}
