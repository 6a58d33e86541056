import Foundation

/// Checks every internal link and `#anchor` of the rendered site.
///
/// Input: the files about to be written and the site they came from. Output: an error for each `href` or
/// `src` that points at no file, or at an anchor the target page does not have, naming the page's source
/// file and, when the link was written in its Markdown, that line. External links are not fetched.
struct LinkChecker {
    var site: Site

    func check(_ files: [OutputFile]) -> [Diagnostic] {
        let paths = Set(files.map(\.path))
        var html: [String: String] = [:]
        for file in files where file.path.hasSuffix(".html") {
            if case .data(let data) = file.content { html[file.path] = String(decoding: data, as: UTF8.self) }
        }
        let ids = html.mapValues { Set(Self.attributeValues("id", in: $0)) }
        var sources: [String: Page] = [:]
        for page in site.pages {
            sources[SiteRenderer.outputPath(url: page.url, basePath: site.config.basePath)] = page
        }
        var diagnostics: [Diagnostic] = []
        for (path, text) in html.sorted(by: { $0.key < $1.key }) {
            var reported = Set<String>()
            for link in Self.attributeValues("href", in: text) + Self.attributeValues("src", in: text) {
                guard reported.insert(link).inserted, let problem = problem(link, from: path, paths: paths, ids: ids)
                else { continue }
                let page = sources[path]
                let source = page.map { $0.sourcePath.isEmpty ? "(generated) " + path : $0.sourcePath } ?? path
                diagnostics.append(.error(source, line: page.flatMap { line(of: link, in: $0) } ?? 0, problem))
            }
        }
        return diagnostics
    }

    private func problem(_ raw: String, from page: String, paths: Set<String>, ids: [String: Set<String>]) -> String? {
        let link = raw.replacingOccurrences(of: "&amp;", with: "&")
        if link.isEmpty || link.hasPrefix("//")
            || link.range(of: "^[a-zA-Z][a-zA-Z0-9+.-]*:", options: .regularExpression) != nil
        {
            return nil
        }
        var target = link
        var fragment: String?
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
        target = target.removingPercentEncoding ?? target
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
        guard paths.contains(file) else { return "link \(raw) points to a page or file that does not exist" }
        if let fragment, !fragment.isEmpty, let targetIDs = ids[file] {
            let decoded = fragment.removingPercentEncoding ?? fragment
            if !targetIDs.contains(decoded) {
                return "link \(raw) points to an anchor '#\(decoded)' that \(file) does not have"
            }
        }
        return nil
    }

    /// The Markdown line where a link's target was written, when it can be found in the page's body.
    private func line(of link: String, in page: Page) -> Int? {
        guard !page.body.isEmpty, let range = page.body.range(of: link) else { return nil }
        return page.bodyLine + page.body[..<range.lowerBound].count(where: { $0 == "\n" })
    }

    /// Every value of `name="…"` in an HTML text.
    static func attributeValues(_ name: String, in html: String) -> [String] {
        var values: [String] = []
        let marker = " \(name)=\""
        var rest = html[...]
        while let start = rest.range(of: marker) {
            guard let end = rest[start.upperBound...].firstIndex(of: "\"") else { break }
            values.append(String(rest[start.upperBound..<end]))
            rest = rest[end...]
        }
        return values
    }
}
