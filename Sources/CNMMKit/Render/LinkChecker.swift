import Foundation

/// Checks every internal link and `#anchor` of the rendered site.
///
/// Input: the files about to be written and the site they came from. Output: an error for each `href` or
/// `src` that points at no file, or at an anchor the target page does not have, naming the page's source
/// file and, when the link was written in its Markdown, that line. External links are not fetched.
struct LinkChecker {
    var site: Site
    /// What the preview's earlier builds found in pages with the same bytes; nil reads every page.
    var memo: ReuseTable<PageBytes, Anchors>? = nil
    /// Pages the preview's earlier builds found no problem in, by their links and the site's pages and ids.
    var clean: ReuseTable<CleanInput, Bool>? = nil

    /// What decides whether a page's links are fine: its links, and every page's path and ids (`site`, a
    /// digest). Only pages without problems are taken over: a problem's line number depends on the page's text.
    struct CleanInput: Equatable, Sendable {
        var links: [String]
        var site: Int
    }

    typealias Anchors = PageAnchors

    func check(_ files: [OutputFile]) -> [Diagnostic] {
        let paths = Set(files.map(\.path))
        // Pages still in memory are read here; pages written while rendering bring what was read from them then.
        var pages: [(path: String, content: OutputFile.Content)] = []
        for file in files where file.path.hasSuffix(".html") {
            switch file.content {
            case .data, .staged: pages.append((file.path, file.content))
            case .copy: break
            }
        }
        pages.sort { $0.path < $1.path }
        let anchors = pages.parallelMap { path, content -> Anchors in
            switch content {
            case .staged(_, let anchors): return anchors
            case .data(let data):
                guard let memo else { return Self.anchors(in: data) }
                return memo.value(path, input: PageBytes(data)) {
                    var anchors = Self.anchors(in: data)
                    anchors.idsDigest = anchors.ids.hashValue
                    return anchors
                }
            case .copy: return Anchors(ids: [], links: [])
            }
        }
        let ids = Dictionary(zip(pages.map(\.path), anchors.map(\.ids)), uniquingKeysWith: { first, _ in first })
        let sources = Dictionary(
            site.pages.map { (SiteRenderer.outputPath(url: $0.url, basePath: site.config.basePath), $0) },
            uniquingKeysWith: { _, last in last })
        var checked = Array(zip(pages.map(\.path), anchors))
        let siteDigest = clean == nil ? 0 : Self.digest(basePath: site.config.basePath, paths: paths, pages: checked)
        if let clean {
            checked.removeAll { path, found in
                clean.known(path, input: CleanInput(links: found.links, site: siteDigest)) == true
            }
        }
        // A link from the site's root means the same on every page (the sidebar's links are on all of them):
        // each is checked once.
        var rooted = Set<String>()
        for (_, found) in checked {
            rooted.formUnion(found.links.lazy.filter { $0.utf8.first == UInt8(ascii: "/") })
        }
        let rootedLinks = Array(rooted)
        let rootedResults = rootedLinks.parallelMap { problem($0, from: "", paths: paths, ids: ids) }
        let rootedProblems = Dictionary(uniqueKeysWithValues: zip(rootedLinks, rootedResults))
        // Pages are checked on all cores, each on its own; the results keep the sorted order.
        return checked.parallelMap { path, found -> [Diagnostic] in
            var diagnostics: [Diagnostic] = []
            defer {
                if diagnostics.isEmpty {
                    clean?.keep(path, input: CleanInput(links: found.links, site: siteDigest), output: true)
                }
            }
            for link in found.links {
                // Most links of a page are its table of contents: `#id`, plain, to an id of the page itself.
                if Self.isPlainFragment(link), found.ids.contains(String(link.dropFirst())) { continue }
                let problem = rootedProblems[link] ?? problem(link, from: path, paths: paths, ids: ids)
                guard let problem else { continue }
                let page = sources[path]
                let source = page.map { $0.sourcePath.isEmpty ? "(generated) " + path : $0.sourcePath } ?? path
                guard let page, let origin = origin(of: link, on: page) else {
                    diagnostics.append(.error(source, problem))
                    continue
                }
                // A link shown from another page's Markdown leads where it leads there, where it is reported; a link
                // to a Markdown file that is no page was reported by the Markdown stage.
                guard origin.path == page.sourcePath, origin.isResolved else { continue }
                diagnostics.append(.error(origin.path, line: origin.line, problem))
            }
            return diagnostics
        }.flatMap { $0 }
    }

    /// A hash of what a page's links are checked against: the base path, every file and every page's ids.
    private static func digest(basePath: String, paths: Set<String>, pages: [(String, Anchors)]) -> Int {
        var hasher = Hasher()
        hasher.combine(basePath)
        hasher.combine(paths)
        for (path, found) in pages {
            hasher.combine(path)
            hasher.combine(found.idsDigest ?? found.ids.hashValue)
        }
        return hasher.finalize()
    }

    private func problem(_ raw: String, from page: String, paths: Set<String>, ids: [String: Set<String>]) -> String? {
        let link = raw.utf8.contains(UInt8(ascii: "&")) ? raw.replacingOccurrences(of: "&amp;", with: "&") : raw
        if link.isEmpty || link.hasPrefix("//") || URLReference.hasScheme(link) { return nil }
        // Both separators are ASCII: found among the UTF-8 bytes, not by walking characters.
        var target = link
        var fragment: String?
        if let hash = target.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(target[target.utf8.index(after: hash)...])
            target = String(target[..<hash])
        }
        if let query = target.utf8.firstIndex(of: UInt8(ascii: "?")) { target = String(target[..<query]) }
        if target.utf8.contains(UInt8(ascii: "%")) { target = target.removingPercentEncoding ?? target }
        var file: String
        if target.isEmpty {
            file = page
        } else if target.hasPrefix("/") {
            guard target.hasPrefix(site.config.basePath) else {
                return "link \(raw) points outside the site's base path"
            }
            file = String(target.dropFirst(site.config.basePath.count))
        } else {
            file = RefResolver.normaliseFile(OutputWriter.parent(of: page) + "/" + target)
        }
        if file.isEmpty || file.hasSuffix("/") {
            file += "index.html"
        } else if !paths.contains(file), paths.contains(file + "/index.html") {
            file += "/index.html"
        }
        guard paths.contains(file) else {
            var problem = "link \(raw) points to a page or file that does not exist"
            if let meant = Self.publishedForm(of: file, in: paths) {
                let url = site.config.basePath + (meant.hasSuffix("index.html") ? String(meant.dropLast(10)) : meant)
                problem += "; the page of that folder is at \(url) (URLs are lowercase, with spaces as -)"
            }
            return problem
        }
        if let fragment, !fragment.isEmpty, let targetIDs = ids[file] {
            let decoded =
                fragment.utf8.contains(UInt8(ascii: "%")) ? fragment.removingPercentEncoding ?? fragment : fragment
            if !targetIDs.contains(decoded) {
                return "link \(raw) points to an anchor '#\(decoded)' that \(file) does not have"
            }
        }
        return nil
    }

    /// The Markdown file and line a link of a page's HTML was written on, when it is a link of content: the page's
    /// own, or one of the level pages' sections a generated page shows.
    private func origin(of link: String, on page: Page) -> (path: String, line: Int, isResolved: Bool)? {
        if page.generated == nil {
            var html = page.html
            return html.withUTF8 { bytes in
                for found in page.content.links
                where found.range.upperBound <= bytes.count
                    && bytes[found.range].elementsEqual(link.utf8)
                {
                    return (found.sourcePath ?? page.sourcePath, found.line, found.isResolved)
                }
                return nil
            }
        }
        for level in site.models[page.language]?.levels ?? [] {
            let levelPage = site.pages[level.page]
            for found in levelPage.content.links {
                let written = PageContent.written(found.target(from: levelPage.url), for: page.url)
                if URLReference.escapedForHref(written) == link {
                    return (found.sourcePath ?? levelPage.sourcePath, found.line, found.isResolved)
                }
            }
        }
        return nil
    }

    /// The output path a link to a folder or file by its name on disk (`Über Uns/index.html`) was meant for, when
    /// the site publishes it under another form (`über-uns/index.html`).
    static func publishedForm(of file: String, in paths: Set<String>) -> String? {
        let cleaned = file.precomposedStringWithCanonicalMapping.lowercased().replacingOccurrences(of: " ", with: "-")
        guard cleaned != file else { return nil }
        if paths.contains(cleaned) { return cleaned }
        if paths.contains(cleaned + "/index.html") { return cleaned + "/index.html" }
        return nil
    }

    /// Links known to be fine while the site is still being rendered: a page's `#id` of an id it has, and a plain
    /// link to a page of the site (no fragment, query, `%` or `&`). Whatever is not known here is checked at the end.
    struct Settled: Sendable {
        var basePath: String
        /// The output paths of the site's pages (`de/level-3/index.html`).
        var pages: Set<String>

        func isFine(_ link: String, ids: Set<String>) -> Bool {
            if LinkChecker.isPlainFragment(link) { return ids.contains(String(link.dropFirst())) }
            guard link.hasPrefix(basePath),
                !link.utf8.contains(where: {
                    $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "%")
                        || $0 == UInt8(ascii: "&")
                })
            else { return false }
            let file = String(link.dropFirst(basePath.count))
            return pages.contains(file.isEmpty || file.hasSuffix("/") ? file + "index.html" : file)
        }
    }

    /// Whether a link is `#` and a fragment that needs no decoding (no `%`, no `&`).
    static func isPlainFragment(_ link: String) -> Bool {
        link.utf8.first == UInt8(ascii: "#")
            && !link.utf8.contains { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "&") }
    }

    /// The ids and links (`href` and `src` values, each once: the `href`s, then the `src`s) of a page.
    ///
    /// One pass over the UTF-8 bytes from one `=` to the next (`memchr`), looking back for the attribute's name:
    /// three searches for ` href="`, ` src="` and ` id="` stopped at every space of the page, and were a twentieth
    /// of a build.
    static func anchors(in data: Data) -> Anchors {
        var values: [[String]] = [[], [], []]
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = bytes.baseAddress else { return }
            let quote = UInt8(ascii: "\"")
            var cursor = 0
            while cursor < bytes.count,
                let found = memchr(base + cursor, Int32(UInt8(ascii: "=")), bytes.count - cursor)
            {
                let equals = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                cursor = equals + 1
                guard equals + 1 < bytes.count, bytes[equals + 1] == quote,
                    let kind = anchorAttribute(endingAt: equals, in: bytes)
                else { continue }
                let start = equals + 2
                guard start < bytes.count, let close = memchr(base + start, Int32(quote), bytes.count - start) else {
                    break
                }
                let end = base.distance(to: close.assumingMemoryBound(to: UInt8.self))
                values[kind].append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                cursor = end
            }
        }
        var seen = Set<String>()
        let links = (values[0] + values[1]).filter { seen.insert($0).inserted }
        return Anchors(ids: Set(values[2]), links: links)
    }

    private static let anchorAttributes: [[UInt8]] = [Array(" href".utf8), Array(" src".utf8), Array(" id".utf8)]

    /// Which of ` href`, ` src` and ` id` (0, 1, 2) ends just before `position`, if any.
    private static func anchorAttribute(endingAt position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        for (kind, name) in anchorAttributes.enumerated() where position >= name.count {
            var matches = true
            for offset in 0..<name.count where bytes[position - name.count + offset] != name[offset] {
                matches = false
                break
            }
            if matches { return kind }
        }
        return nil
    }
}

/// A page's ids, and the links it holds (each once, in order of first appearance): what the link check needs.
public struct PageAnchors: Sendable {
    var ids: Set<String>
    var links: [String]
    /// A hash of `ids`, made when the preview keeps the anchors, for its link check to tell quickly whether any
    /// page's ids changed (`cnmm build` has no use for it).
    var idsDigest: Int? = nil
}
