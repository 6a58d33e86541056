import Foundation
import Testing

@testable import CNMMKit

@Suite("Search pages")
struct SearchPageTests {
    @Test("every language gets a search page with level and dimension filters, and every page's header searches it")
    func generated() throws {
        let site = try TestSite(SearchFixture.site)
        defer { site.remove() }
        let rendered = try SearchFixture.render(site)
        let english = try #require(SearchFixture.text(rendered, "search/index.html"))
        #expect(english.contains("<h1>Search</h1>"))
        #expect(english.contains("<select id=\"search-level\" name=\"level\">"))
        #expect(english.contains("<option value=\"2\">Level 2 - Operate</option>"))
        #expect(english.contains("<option value=\"policy\">Policy</option>"))
        #expect(!english.contains("<option value=\"technology\">"), "only dimensions the model has")
        #expect(english.contains("data-index=\"/search/index.json\""))
        #expect(english.contains("<script src=\"/js/search.js\" defer></script>"))
        #expect(english.contains("<noscript>"))
        #expect(!english.contains("class=\"site-search\""), "no second search box in the header")
        let german = try #require(SearchFixture.text(rendered, "de/search/index.html"))
        #expect(german.contains("<h1>Suche</h1>"))
        #expect(german.contains("<option value=\"people\">Personen</option>"))
        #expect(german.contains("Die Suche braucht JavaScript"))
        let about = try #require(SearchFixture.text(rendered, "about/index.html"))
        #expect(about.contains("<form class=\"site-search\" role=\"search\""))
        #expect(about.contains("action=\"/search/\""))
        #expect(try #require(SearchFixture.text(rendered, "de/index.html")).contains("action=\"/de/search/\""))
        #expect(!about.contains("href=\"/search/\""), "the search page stays out of the sidebar")
        #expect(rendered.files.contains { $0.path == "js/search.js" })
    }

    @Test("a content page with layout: search is its language's search page, at its URL, with its own text")
    func contentPage() throws {
        var files = SearchFixture.site
        files["content/en/search.md"] =
            "---\ntitle: Search Results\nlayout: search\ntoc_hide: true\n---\nTry *security*.\n"
        files["content/de/finden.md"] = "---\ntitle: Suchergebnisse\nlayout: search\n---\n"
        let site = try TestSite(files)
        defer { site.remove() }
        let rendered = try SearchFixture.render(site)
        let english = try #require(SearchFixture.text(rendered, "search/index.html"))
        #expect(english.contains("<h1>Search Results</h1>"))
        #expect(english.contains("Try <em>security</em>."))
        #expect(english.contains("data-index=\"/search/index.json\""))
        #expect(!english.contains("<h1>Search</h1>"))
        #expect(!rendered.site.pages.contains { $0.generated == .search }, "no search page is generated")
        let german = try #require(SearchFixture.text(rendered, "de/finden/index.html"))
        #expect(german.contains("<h1>Suchergebnisse</h1>"))
        #expect(german.contains("data-index=\"/de/search/index.json\""))
        #expect(try #require(SearchFixture.text(rendered, "de/about/index.html")).contains("action=\"/de/finden/\""))
        #expect(SearchFixture.text(rendered, "de/search/index.html") == nil, "the English page is not copied")
        #expect(SearchFixture.text(rendered, "de/search/index.json") != nil)
    }

    @Test("where a language has no search page of its own, a generated one in its language replaces the fallback")
    func fallback() throws {
        var files = SearchFixture.site
        files["content/en/search.md"] = "---\ntitle: Search Results\nlayout: search\n---\n"
        let site = try TestSite(files)
        defer { site.remove() }
        let rendered = try SearchFixture.render(site)
        let german = try #require(SearchFixture.text(rendered, "de/search/index.html"))
        #expect(german.contains("<h1>Suche</h1>"))
        #expect(!german.contains("Search Results"))
        let pages = rendered.site.pages.filter { SearchPages.isSearchPage($0) }
        #expect(pages.map(\.language).sorted() == ["de", "en"])
        #expect(pages.allSatisfy { $0.fallbackFrom == nil })
        #expect(try #require(SearchFixture.text(rendered, "search/index.html")).contains("hreflang=\"de\""))
    }

    @Test(
        "a content page at search/ without the layout is an error naming it and the layout that would make it the page")
    func taken() throws {
        var files = SearchFixture.site
        files["content/en/search.md"] = "---\ntitle: Research\n---\nOur research.\n"
        let site = try TestSite(files)
        defer { site.remove() }
        let failure = try #require(site.failure())
        let errors = failure.errors.filter { $0.message.contains("search page") }
        #expect(errors.map(\.path) == ["content/en/search.md"], "the German fallback copy gives way silently")
        #expect(errors.first?.line == 1)
        #expect(errors.first?.message.contains("cnmm generates the search page at /search/") == true)
        #expect(errors.first?.message.contains("'layout: search'") == true)
        #expect(!site.exists("public"), "nothing is written")
    }

    @Test("a theme without a search layout has no search: no page, no index, no search box")
    func withoutLayout() throws {
        let site = try TestSite([
            "content/en/_index.md": "---\ntitle: Home\n---\nHome\n",
            "content/en/about.md": "---\ntitle: About\n---\nAbout\n",
            "themes/default/layouts/home.mustache": "{{page.title}}",
            "themes/default/layouts/page.mustache": "{{page.title}}{{#search_url}} search{{/search_url}}",
            "themes/default/layouts/section.mustache": "{{page.title}}",
            "themes/default/layouts/404.mustache": "not found",
        ])
        defer { site.remove() }
        let summary = try site.build()
        #expect(!site.exists("public/search/index.html"))
        #expect(!site.exists("public/search/index.json"))
        #expect(try site.read("public/about/index.html") == "About")
        #expect(summary.searchIndexBytes == 0)
        #expect(!summary.text.contains("search index"))
    }
}
