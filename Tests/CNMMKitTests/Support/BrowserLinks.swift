import Foundation

/// Checks every link of a built site the way a browser follows it, independently of cnmm's own `LinkChecker`.
///
/// Input: an output folder and the URL it is published at (`http://site.test/`, or with a base path,
/// `http://site.test/cnmm/`). Each `.html` file is a page served at its URL, an `index.html` at its folder's
/// (`level-1/index.html` is `http://site.test/level-1/`). Every `href` and `src` of any element (`HTMLScan`) is
/// resolved against the page's URL, or its first `<base href>`, as a browser resolves it (`BrowserURL`). Links to
/// other schemes or hosts are not followed, except `javascript:`, `vbscript:` and `data:text/html` ones, which are
/// problems. A link into the site must name a file of the folder (its path percent-decoded, byte for byte: an NFD
/// name does not find an NFC file); a URL ending in `/` names the folder's `index.html`, and `x` where only
/// `x/index.html` exists is found (GitHub Pages redirects it). A non-empty fragment must be, raw or percent-decoded,
/// the `id` of an element of the target page (HTML, or SVG for `<use href>`) or the `name` of one of its `<a>`;
/// `#top` is the top of any HTML page. Output: the problems, each once per page, sorted.
struct BrowserLinks {
    /// A link a browser cannot follow.
    struct Problem: Comparable, CustomStringConvertible {
        /// The page's path in the output folder.
        var page: String
        /// The attribute's value as written in the page.
        var link: String
        /// The URL a browser makes of it.
        var resolved: String
        var reason: String

        static func < (a: Problem, b: Problem) -> Bool {
            (a.page, a.link, a.resolved, a.reason) < (b.page, b.link, b.resolved, b.reason)
        }

        var description: String { "\(page): \"\(link)\" → \(resolved): \(reason)" }
    }

    let folder: URL
    let site: BrowserURL

    /// `site`: the URL the folder is published at, ending in `/`.
    init(folder: URL, site: String = "http://site.test/") {
        self.folder = folder
        self.site = BrowserURL(site)!
    }

    /// Every problem of every page, sorted by page, then link.
    func problems() throws -> [Problem] {
        let files = try Files(folder: folder)
        var targets = Targets(folder: folder)
        var problems: [Problem] = []
        for page in files.paths.filter({ $0.hasSuffix(".html") }).sorted() {
            let tags = HTMLScan.tags(in: try targets.bytes(page))
            let pageURL = url(of: page)
            let base = tags.first { $0.name == "base" && $0.attribute("href") != nil }
                .flatMap { BrowserURL(String(decoding: $0.attribute("href")!.value, as: UTF8.self), base: pageURL) }
            var seen = Set<[UInt8]>()
            // A `<base href>` is no link: it only changes what the page's links resolve against.
            for tag in tags where tag.name != "base" {
                for attribute in tag.attributes where attribute.name == "href" || attribute.name == "src" {
                    guard seen.insert(attribute.raw).inserted else { continue }
                    let value = String(decoding: attribute.value, as: UTF8.self)
                    let resolved = BrowserURL(value, base: base ?? pageURL)
                    if let reason = problem(resolved, files: files, targets: &targets) {
                        problems.append(
                            Problem(
                                page: page, link: String(decoding: attribute.raw, as: UTF8.self),
                                resolved: resolved?.description ?? "(no URL)", reason: reason))
                    }
                }
            }
        }
        return problems.sorted()
    }

    /// The problems as lines to read in a test failure.
    static func report(_ problems: [Problem]) -> String {
        let count = problems.count == 1 ? "1 link" : "\(problems.count) links"
        return "\(count) a browser cannot follow:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    }

    /// The URL a file of the folder is served at: `index.html` at its folder's URL.
    func url(of path: String) -> BrowserURL {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if segments.last == "index.html" { segments[segments.count - 1] = "" }
        // Every byte but ASCII letters, digits and `-._~` is percent-encoded, so that decoding gives the name back.
        let encoded = segments.map { segment in
            segment.utf8.map { byte -> String in
                let plain = Unicode.Scalar(byte)
                let isPlain = plain.isASCII && (plain.properties.isAlphabetic || ("0"..."9").contains(plain))
                return isPlain || "-._~".unicodeScalars.contains(plain) ? String(plain) : String(format: "%%%02X", byte)
            }.joined()
        }
        return BrowserURL(encoded.joined(separator: "/"), base: site)!
    }
}

private extension BrowserLinks {
    /// Why a browser cannot follow `url`, or nil when it can (or when it leaves the site).
    func problem(_ url: BrowserURL?, files: Files, targets: inout Targets) -> String? {
        guard let url else { return "a browser cannot parse it" }
        switch url.scheme {
        case "javascript", "vbscript": return "\(url.scheme): runs script"
        case "data":
            let type = url.path.prefix { $0 != "," && $0 != ";" }.trimmingCharacters(in: .whitespaces).lowercased()
            return type == "text/html" ? "data:text/html opens a page from the link itself" : nil
        default: break
        }
        guard url.scheme == site.scheme, url.host == site.host, url.port == site.port else { return nil }
        let basePath = String(site.path.dropLast())
        guard url.path == basePath || url.path.hasPrefix(site.path) else {
            return "outside the site's base path \(site.path)"
        }
        let decoded = BrowserURL.percentDecoded(String(url.path.dropFirst(min(url.path.count, site.path.count))))
        guard let target = files.target(of: decoded) else {
            let isFolder = decoded.isEmpty || decoded.last == UInt8(ascii: "/")
            let name = isFolder ? decoded + Array("index.html".utf8) : decoded
            return "no file \(String(decoding: name, as: UTF8.self))"
        }
        guard let fragment = url.fragment, !fragment.isEmpty, target.hasSuffix(".html") || target.hasSuffix(".svg")
        else { return nil }
        let ids = targets.ids(target)
        let decodedFragment = Array(String(decoding: BrowserURL.percentDecoded(fragment), as: UTF8.self).utf8)
        if ids.contains(Array(fragment.utf8)) || ids.contains(decodedFragment) { return nil }
        if target.hasSuffix(".html"), String(decoding: decodedFragment, as: UTF8.self).lowercased() == "top" {
            return nil
        }
        return "no id '\(String(decoding: decodedFragment, as: UTF8.self))' in \(target)"
    }

    /// The folder's files, by the bytes of their paths (a `Set<String>` would take an NFD name for an NFC one).
    struct Files {
        var paths: [String] = []
        var files = Set<[UInt8]>()

        init(folder: URL) throws {
            guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else {
                throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: folder.path])
            }
            while let path = enumerator.nextObject() as? String {
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: folder.path + "/" + path, isDirectory: &isFolder)
                if !isFolder.boolValue {
                    files.insert(Array(path.utf8))
                    paths.append(path)
                }
            }
        }

        /// The file a decoded path names: itself, or for a folder its `index.html`.
        func target(of path: [UInt8]) -> String? {
            let index = Array("index.html".utf8)
            let file: [UInt8]
            if path.isEmpty || path.last == UInt8(ascii: "/") {
                file = path + index
            } else if files.contains(path) {
                file = path
            } else {
                file = path + [UInt8(ascii: "/")] + index
            }
            guard files.contains(file) else { return nil }
            return String(decoding: file, as: UTF8.self)
        }
    }

    /// Pages' bytes and the ids that fragments may name, read once each.
    struct Targets {
        let folder: URL
        var idCache: [[UInt8]: Set<[UInt8]>] = [:]

        init(folder: URL) {
            self.folder = folder
        }

        func bytes(_ path: String) throws -> [UInt8] {
            Array(try Data(contentsOf: folder.appendingPathComponent(path)))
        }

        /// Every `id`, and the `name` of every `<a>`, of the page or SVG file at `path`.
        mutating func ids(_ path: String) -> Set<[UInt8]> {
            if let known = idCache[Array(path.utf8)] { return known }
            var ids = Set<[UInt8]>()
            for tag in HTMLScan.tags(in: (try? bytes(path)) ?? []) {
                if let id = tag.attribute("id"), !id.value.isEmpty { ids.insert(id.value) }
                if tag.name == "a", let name = tag.attribute("name"), !name.value.isEmpty { ids.insert(name.value) }
            }
            idCache[Array(path.utf8)] = ids
            return ids
        }
    }
}
