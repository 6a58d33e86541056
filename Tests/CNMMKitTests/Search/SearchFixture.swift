import Foundation
import Testing

@testable import CNMMKit

/// A small two-language model site for the search tests, and ways to look into its built index.
enum SearchFixture {
    static let config = """
        title: Model
        languages:
          - code: en
            name: English
          - code: de
            name: Deutsch
        """

    static var site: [String: String] {
        [
            "site.yml": config,
            "content/en/_index.md": "---\ntitle: Home\ndescription: The model's home.\n---\nWelcome to the *model*.\n",
            "content/en/about.md": "---\ntitle: About\n---\nWho wrote it &amp; why.\n",
            "content/en/level-1/index.md": """
            ---
            title: Level 1 - Build
            weight: 1
            description: You start.
            ---
            The first level.

            ## <i class="fas fa-users"></i> People

            People learn.

            ### Security

            Teams learn **security** basics.

            ### Training

            Everyone trains.

            ## <i class="fas fa-edit"></i> Policy

            ### Compliance

            Policies are written down.

            ## Further reading

            Books about policy.
            """,
            "content/en/level-2/index.md": """
            ---
            title: Level 2 - Operate
            weight: 2
            ---
            ## <i class="fas fa-users"></i> People

            ### Security

            Security is everyone's job.

            ## <i class="fas fa-edit"></i> Policy

            Policy as code.
            """,
            "content/de/level-1/index.md": """
            ---
            title: Level 1 - Aufbau
            weight: 1
            ---
            ## <i class="fas fa-users"></i> Personen

            ### Sicherheit

            Datensicherheit und eine Übersicht über Straßen.

            ## <i class="fas fa-edit"></i> Richtlinien

            Richtlinien werden aufgeschrieben.
            """,
        ]
    }

    /// The site built in memory (nothing is written).
    static func render(_ site: TestSite, baseURL: String? = nil) throws -> SiteBuilder.Rendered {
        try SiteBuilder(options: site.options(baseURL: baseURL)).render()
    }

    /// A language's records, as the build computes them.
    static func records(_ rendered: SiteBuilder.Rendered, language: String) -> [SearchRecord] {
        let site = rendered.site
        let strings = UIStrings(language: language, defaultLanguage: "en", all: ["en": [:]])
        let searchPages = SearchPages.find(in: site, templates: [SearchPages.layout])
        return SearchIndex(site: site, strings: [language: strings], searchPages: searchPages)
            .records(language: language)
    }

    /// The text of an output file.
    static func text(_ rendered: SiteBuilder.Rendered, _ path: String) -> String? {
        guard case .data(let data)? = rendered.files.first(where: { $0.path == path })?.content else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// An index file decoded: dimension names and records as arrays.
    static func index(_ rendered: SiteBuilder.Rendered, _ path: String) throws -> (
        dimensions: [String: String], records: [[Any]]
    ) {
        let json = try #require(Self.text(rendered, path), "\(path) is written")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let dimensions = try #require(object["dimensions"] as? [String: String])
        let records = try #require(object["records"] as? [[Any]])
        return (dimensions, records)
    }
}
