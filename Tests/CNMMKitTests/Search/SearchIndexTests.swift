import Foundation
import Testing

@testable import CNMMKit

@Suite("Search index")
struct SearchIndexTests {
    @Test("each dimension section and each topic is a record with its level, dimension and anchor")
    func sectionsAndTopics() throws {
        let site = try TestSite(SearchFixture.site)
        defer { site.remove() }
        let records = SearchFixture.records(try SearchFixture.render(site), language: "en")
        #expect(
            records.contains(
                SearchRecord(
                    kind: .section, url: "/level-1/#people", title: "People", level: 1, dimension: "people",
                    text: "People learn.")))
        #expect(
            records.contains(
                SearchRecord(
                    kind: .topic, url: "/level-1/#people-security", title: "Security", level: 1, dimension: "people",
                    text: "Teams learn security basics.")))
        #expect(
            records.contains(
                SearchRecord(
                    kind: .topic, url: "/level-2/#people-security", title: "Security", level: 2, dimension: "people",
                    text: "Security is everyone's job.")))
        #expect(
            records.contains(
                SearchRecord(
                    kind: .section, url: "/level-2/#policy", title: "Policy", level: 2, dimension: "policy",
                    text: "Policy as code.")))
        let policy = try #require(records.first { $0.url == "/level-1/#policy" })
        #expect(policy.text == "Compliance", "a section without text of its own lists its topics")
        #expect(
            records.filter { $0.url.hasPrefix("/level-1/#") }.map(\.url) == [
                "/level-1/#people", "/level-1/#people-security", "/level-1/#people-training", "/level-1/#policy",
                "/level-1/#policy-compliance",
            ])
    }

    @Test("a level page's own record holds its description and the text outside its sections")
    func levelPageRecord() throws {
        let site = try TestSite(SearchFixture.site)
        defer { site.remove() }
        let records = SearchFixture.records(try SearchFixture.render(site), language: "en")
        let level = try #require(records.first { $0.url == "/level-1/" })
        #expect(level.kind == .page)
        #expect(level.level == 1)
        #expect(level.dimension.isEmpty)
        #expect(level.text == "You start. The first level. Further reading Books about policy.")
        #expect(records.first?.url == "/level-1/", "the levels come first, in order")
    }

    @Test("home, about and the generated pages are indexed per page; the search page is not")
    func pages() throws {
        let site = try TestSite(SearchFixture.site)
        defer { site.remove() }
        let records = SearchFixture.records(try SearchFixture.render(site), language: "en")
        let urls = Set(records.map(\.url))
        for url in ["/", "/about/", "/model/", "/dimensions/", "/dimensions/people/", "/dimensions/people/security/"] {
            #expect(urls.contains(url), "\(url) is indexed")
        }
        #expect(!urls.contains("/search/"))
        #expect(records.first { $0.url == "/" }?.text == "The model's home. Welcome to the model.")
        #expect(records.first { $0.url == "/about/" }?.text == "Who wrote it & why.")
        let topicPage = try #require(records.first { $0.url == "/dimensions/people/security/" })
        #expect(topicPage.kind == .topic)
        #expect(topicPage.dimension == "people")
        #expect(topicPage.level == 0)
        #expect(records.first { $0.url == "/dimensions/people/" }?.dimension == "people")
    }

    @Test("each language has its own compact index under its prefix, in its own words")
    func languages() throws {
        let site = try TestSite(SearchFixture.site)
        defer { site.remove() }
        let rendered = try SearchFixture.render(site)
        let english = try SearchFixture.index(rendered, "search/index.json")
        #expect(english.dimensions["people"] == "People")
        #expect(english.records.allSatisfy { $0.count == 6 }, "[kind, url, title, level, dimension, text]")
        let german = try SearchFixture.index(rendered, "de/search/index.json")
        #expect(german.dimensions["people"] == "Personen")
        let security = try #require(german.records.first { $0[1] as? String == "/de/level-1/#people-sicherheit" })
        #expect(security[0] as? String == "t")
        #expect(security[2] as? String == "Sicherheit")
        #expect(security[3] as? Int == 1)
        #expect(security[4] as? String == "people")
        #expect(security[5] as? String == "Datensicherheit und eine Übersicht über Straßen.")
        let json = try #require(SearchFixture.text(rendered, "de/search/index.json"))
        #expect(json.hasPrefix("{\"dimensions\":{\"business-outcomes\":"), "compact, keys sorted")
        #expect(!json.contains("\\/"), "slashes are not escaped")
    }

    @Test("the build summary reports the index size next to the HTML it indexes")
    func summary() throws {
        let site = try TestSite(SearchFixture.site)
        defer { site.remove() }
        let summary = try site.build()
        let english = try Data(contentsOf: site.root.appendingPathComponent("public/search/index.json"))
        let german = try Data(contentsOf: site.root.appendingPathComponent("public/de/search/index.json"))
        #expect(summary.searchIndexBytes == english.count + german.count)
        #expect(summary.indexedHTMLBytes > summary.searchIndexBytes)
        #expect(summary.text.contains(", search index "))
        #expect(summary.text.contains(" of HTML ("))
    }

    @Test("with a base path, every record's URL and the page's index URL carry it")
    func basePath() throws {
        let site = try TestSite(SearchFixture.site)
        defer { site.remove() }
        let rendered = try SearchFixture.render(site, baseURL: "https://example.org/cnmm/")
        let index = try SearchFixture.index(rendered, "de/search/index.json")
        #expect(index.records.allSatisfy { ($0[1] as? String)?.hasPrefix("/cnmm/de/") == true })
        let page = try #require(SearchFixture.text(rendered, "de/search/index.html"))
        #expect(page.contains("data-index=\"/cnmm/de/search/index.json\""))
        #expect(page.contains("action=\"/cnmm/de/search/\""))
    }

    @Test("the index of the repository's own site stays under a third of the HTML it indexes")
    func repositorySize() throws {
        let options = BuildOptions(sourceRoot: TestSite.repositoryRoot, themePath: TestSite.defaultTheme.path)
        let rendered = try SiteBuilder(options: options).render()
        let summary = rendered.summary
        #expect(summary.searchIndexBytes > 0)
        #expect(summary.searchIndexBytes * 3 < summary.indexedHTMLBytes, "\(summary.text)")
        let levels = rendered.site.models["en"]?.levels.count ?? 0
        let records = SearchFixture.records(rendered, language: "en")
        #expect(records.filter { $0.kind == .section }.count >= levels * 5, "every level's five sections")
    }

    @Test(
        "the index of the real site stays under a third of the HTML it indexes",
        .enabled(if: FileManager.default.fileExists(atPath: CorpusTests.corpus.path)))
    func corpusSize() throws {
        let options = BuildOptions(sourceRoot: CorpusTests.corpus, themePath: TestSite.defaultTheme.path)
        let summary = try SiteBuilder(options: options).render().summary
        #expect(summary.searchIndexBytes > 0)
        #expect(summary.searchIndexBytes * 3 < summary.indexedHTMLBytes, "\(summary.text)")
    }
}

@Suite("Search index JSON")
struct SearchIndexJSONTests {
    @Test("the hand-written encoder gives the bytes JSONEncoder gives (sorted keys, slashes as they are)")
    func sameBytesAsJSONEncoder() throws {
        let controls = "tab \t line\nreturn\r bell \u{7} nul \u{0} del \u{7F} form \u{C} back \u{8} unit \u{1F}"
        let awkward = "quote \" backslash \\ slash / " + controls + " ä ß € 𝄞 👩‍👩‍👧 \u{2028} <b>&amp;</b>"
        let document = SearchIndex.Document(
            dimensions: ["people": "Personen", "business": "Geschäft \"x\"", "a/b": awkward],
            records: [
                SearchRecord(kind: .page, url: "/de/level-3/", title: "Stufe 3", level: 3, text: awkward),
                SearchRecord(kind: .section, url: "/x/#a", title: "", dimension: "people", text: ""),
                SearchRecord(kind: .topic, url: "/%C3%A4/", title: awkward, level: 12, dimension: "d", text: "t"),
            ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let expected = try encoder.encode(document)
        let actual = SearchIndex.encode(document)
        #expect(actual == expected, "\(String(decoding: actual, as: UTF8.self))")
        // The preview's way, record by record from a memo, writes the same bytes.
        let memo = ReuseTable<SearchRecord, [UInt8]>()
        for _ in 1...2 {
            let kept = SearchIndex.encode(document) { record in
                memo.value(record.url, input: record) { SearchIndex.encode(record) }
            }
            #expect(kept == expected)
        }
        #expect(memo.endBuild(complete: true) == (made: 3, reused: 3))
        let empty = SearchIndex.encode(SearchIndex.Document(dimensions: [:], records: []))
        #expect(empty == Data("{\"dimensions\":{},\"records\":[]}".utf8))
    }
}
