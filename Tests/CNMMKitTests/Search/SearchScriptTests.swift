import Foundation
import Testing

@testable import CNMMKit

/// The theme's search script run in headless Chromium against a built index: folding, matching, ranking, filters
/// and marked snippets. Opt-in (`CNMM_BROWSER_TESTS=1 swift test --filter SearchScript`), as it needs Chromium
/// (`CNMM_CHROMIUM` names it when it is not `chromium` on the PATH); nothing is fetched, the page is a local file.
@Suite("Search script in a browser", .enabled(if: HeadlessChromium.path != nil))
struct SearchScriptTests {
    /// What the page reports: a folded text and, per search, each result's URL and the words its snippet marks.
    struct Report: Decodable {
        var folded: String
        var searches: [String: [Result]]

        struct Result: Decodable {
            var url: String
            var marked: [String]
        }

        func urls(_ search: String) -> [String] { searches[search]?.map(\.url) ?? ["(no search \(search))"] }

        func marked(_ search: String, _ url: String) -> [String] {
            searches[search]?.first { $0.url == url }?.marked ?? []
        }
    }

    static let queries: [String: (language: String, query: String, level: String, dimension: String)] = [
        "policy": ("en", "policy", "", ""),
        "POLICY": ("en", "POLICY", "", ""),
        "prefix": ("en", "secur", "", ""),
        "level": ("en", "security", "2", ""),
        "dimension": ("en", "policy", "", "policy"),
        "two words": ("en", "security everyone", "", ""),
        "none": ("en", "zebra", "", ""),
        "Sicherheit": ("de", "Sicherheit", "", ""),
        "sicherheit": ("de", "sicherheit", "", ""),
        "Ubersicht": ("de", "Ubersicht", "", ""),
        "strasse": ("de", "strasse", "", ""),
        "richtlinien": ("de", "richtlinien", "", ""),
    ]

    @Test("folds case and diacritics, matches word prefixes, ranks titles first, filters and marks the words")
    func matching() throws {
        let site = try TestSite(SearchFixture.site)
        defer { site.remove() }
        let rendered = try SearchFixture.render(site)
        let report = try run(
            indexes: [
                "en": try #require(SearchFixture.text(rendered, "search/index.json")),
                "de": try #require(SearchFixture.text(rendered, "de/search/index.json")),
            ], in: site.root)
        #expect(report.folded == "ubersicht strasse aeo aa")
        #expect(report.urls("policy").prefix(3) == ["/level-1/#policy", "/level-2/#policy", "/dimensions/policy/"])
        #expect(report.urls("policy").contains("/level-1/"), "text matches come after (“Books about policy”)")
        #expect(report.marked("policy", "/level-1/") == ["policy"])
        #expect(report.urls("POLICY") == report.urls("policy"))
        #expect(report.urls("prefix").first == "/level-1/#people-security", "a word's start matches")
        #expect(report.marked("prefix", "/level-1/#people-security") == ["security"], "the whole word is marked")
        #expect(report.urls("level").first == "/level-2/#people-security")
        #expect(report.urls("level").allSatisfy { $0.hasPrefix("/level-2/") }, "the level filter narrows")
        #expect(report.urls("dimension").contains("/level-1/#policy-compliance"))
        #expect(!report.urls("dimension").contains("/level-1/"), "the dimension filter narrows")
        #expect(report.urls("two words") == ["/level-2/#people-security"], "every word must match")
        #expect(report.urls("none") == [])
        #expect(report.urls("Sicherheit").first == "/de/level-1/#people-sicherheit")
        #expect(report.urls("sicherheit") == report.urls("Sicherheit"))
        #expect(report.marked("sicherheit", "/de/level-1/#people-sicherheit") == ["Datensicherheit"])
        #expect(report.urls("Ubersicht").contains("/de/level-1/#people-sicherheit"))
        #expect(report.urls("Ubersicht").contains("/de/model/"), "inside a compound: Modellübersicht")
        #expect(report.marked("Ubersicht", "/de/level-1/#people-sicherheit") == ["Übersicht"])
        #expect(report.marked("strasse", "/de/level-1/#people-sicherheit") == ["Straßen"])
        #expect(report.urls("richtlinien").prefix(2) == ["/de/level-1/#policy", "/de/dimensions/policy/"])
    }

    /// Writes a page that loads the theme's script and both indexes, runs the queries and prints a JSON report.
    private func run(indexes: [String: String], in folder: URL) throws -> Report {
        let script = TestSite.defaultTheme.appendingPathComponent("static/js/search.js")
        let queries = Self.queries.map { name, query in
            "\(Self.js(name)): [\(Self.js(query.language)), \(Self.js(query.query)), "
                + "{level: \(Self.js(query.level)), dimension: \(Self.js(query.dimension))}]"
        }.joined(separator: ",\n")
        let data = indexes.map { "\(Self.js($0.key)): \($0.value.replacingOccurrences(of: "</", with: "<\\/"))" }
            .joined(separator: ",\n")
        let page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>search.js</title>
            <script src="\(script.absoluteString)"></script></head>
            <body><pre id="report"></pre>
            <script>
            var indexes = {\(data)};
            var queries = {\(queries)};
            var api = window.cnmmSearch;
            var records = {};
            Object.keys(indexes).forEach(function (code) { records[code] = api.prepare(indexes[code], "Level {number}"); });
            var report = { folded: api.fold("Übersicht Straße ÆØ ÅÄ"), searches: {} };
            Object.keys(queries).forEach(function (name) {
              var q = queries[name];
              var results = api.search(records[q[0]], q[1], q[2]);
              report.searches[name] = results.map(function (r) {
                var marked = r.snippet.filter(function (p) { return p.mark; }).map(function (p) { return p.text; });
                return { url: r.record.url, marked: marked };
              });
            });
            document.getElementById("report").textContent = JSON.stringify(report);
            </script></body></html>
            """
        let harness = folder.appendingPathComponent("harness.html")
        try page.write(to: harness, atomically: true, encoding: .utf8)
        let dom = try HeadlessChromium.dumpDOM(harness)
        guard let start = dom.range(of: "<pre id=\"report\">"), let end = dom.range(of: "</pre>") else {
            Issue.record("no report in the page: \(dom.prefix(2000))")
            return Report(folded: "", searches: [:])
        }
        let json = String(dom[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        return try JSONDecoder().decode(Report.self, from: Data(json.utf8))
    }

    private static func js(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
