import Foundation

extension SearchIndex {
    /// The index files and how large they are next to the HTML they index.
    struct Output: Sendable {
        var files: [OutputFile] = []
        /// The bytes of every language's index.
        var bytes = 0
        /// The bytes of the rendered HTML files of the pages the indexes cover.
        var indexedHTMLBytes = 0
    }

    /// The JSON document of one language: dimension names for the breadcrumbs, and the records.
    struct Document: Encodable, Equatable, Sendable {
        var dimensions: [String: String]
        var records: [SearchRecord]
    }

    /// Where a language's index goes in the output (`search/index.json`, `de/search/index.json`).
    static func path(language: String, config: SiteConfig) -> String {
        config.languagePrefix(language) + "search/index.json"
    }

    /// `search/index.json` under the prefix of each published language that has a search page, measured
    /// against the `rendered` HTML of the pages it indexes.
    func output(rendered: [OutputFile]) throws -> Output {
        var sizes: [String: Int] = [:]
        for file in rendered where file.path.hasSuffix(".html") {
            switch file.content {
            case .data(let data): sizes[file.path] = data.count
            case .staged(let bytes, _): sizes[file.path] = bytes
            case .copy: break
            }
        }
        var output = Output()
        for language in site.config.publishedLanguages where searchPages[language.code] != nil {
            let records = records(language: language.code)
            let names = site.config.dimensions.map {
                ($0.id, $0.name(in: language.code, fallback: site.config.defaultLanguage))
            }
            let document = Document(dimensions: Dictionary(uniqueKeysWithValues: names), records: records)
            let kept = encoded?.value(language.code, input: document) { try? Self.encode(document) }
            let data = try (kept ?? nil) ?? Self.encode(document)
            output.files.append(
                OutputFile(path: Self.path(language: language.code, config: site.config), content: .data(data)))
            output.bytes += data.count
            let pages = Set(records.map { $0.url.split(separator: "#", omittingEmptySubsequences: false)[0] })
            output.indexedHTMLBytes += pages.reduce(0) { total, url in
                total + (sizes[SiteRenderer.outputPath(url: String(url), basePath: site.config.basePath)] ?? 0)
            }
        }
        return output
    }

    /// Compact JSON with sorted keys: two builds give the same bytes.
    static func encode(_ document: Document) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }
}
