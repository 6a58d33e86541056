import Foundation
import Testing

@testable import CNMMKit

@Suite("Links")
struct LinkTests {
    static let site: [String: String] = [
        "content/en/_index.md":
            "---\ntitle: Home\n---\nSee [people](http://./people.md) and [level](level-1/index.md#people).\n",
        "content/en/people.md":
            "---\ntitle: People\n---\nBack [home](_index.md). <a href=\"https://example.org\" target=\"_blank\">out</a>\n",
        "content/en/level-1/index.md": "## <i class=\"fas fa-users\"></i> People\n\nSee [sibling](../people.md).\n",
    ]

    @Test("links that look like broken exports resolve to the page they name")
    func exportLinks() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        try site.build()
        let home = try site.read("public/index.html")
        #expect(home.contains("<a href=\"/people/\">people</a>"))
        #expect(home.contains("<a href=\"/level-1/#people\">level</a>"))
        #expect(try site.read("public/level-1/index.html").contains("<a href=\"/people/\">sibling</a>"))
        #expect(try site.read("public/people/index.html").contains("<a href=\"/\">home</a>"))
    }

    @Test("links opening a new tab get rel=noopener")
    func noopener() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        try site.build()
        #expect(try site.read("public/people/index.html").contains("target=\"_blank\" rel=\"noopener\""))
    }

    @Test("the link checker names file and line of a missing page, a missing anchor, and a broken export")
    func brokenLinks() throws {
        var files = Self.site
        files["content/en/broken.md"] = """
            ---
            title: Broken
            ---
            Intro.

            A [missing page](/nowhere/) here.

            A [missing anchor](/level-1/#policy) there.

            An [export](http://./gone.md) too.

            ## Here

            Up to [here](#here), not [there](#there), [encoded](#th%65re) or [coded](#h%65re).
            """
        let site = try TestSite(files)
        defer { site.remove() }
        let failure = try #require(site.failure())
        let broken = failure.errors.filter { $0.path == "content/en/broken.md" }
        #expect(broken.contains { $0.line == 6 && $0.message.contains("/nowhere/") })
        #expect(broken.contains { $0.line == 8 && $0.message.contains("#policy") })
        #expect(broken.contains { $0.line == 10 && $0.message.contains("gone.md") })
        #expect(broken.contains { $0.line == 14 && $0.message.contains("link #there points to an anchor '#there'") })
        #expect(broken.contains { $0.line == 14 && $0.message.contains("link #th%65re points to an anchor '#there'") })
        #expect(!broken.contains { $0.message.contains("#here") || $0.message.contains("#h%65re") })
    }

    @Test("while rendering, only links certainly fine are settled: own ids and plain links to pages")
    func settledLinks() {
        let settled = LinkChecker.Settled(basePath: "/docs/", pages: ["index.html", "level-1/index.html"])
        let ids: Set<String> = ["people", "top"]
        for link in ["#people", "#top", "/docs/", "/docs/level-1/"] {
            #expect(settled.isFine(link, ids: ids), "\(link)")
        }
        for link in [
            "#nobody", "#p%65ople", "/docs/level-2/", "/docs/level-1/#people", "/docs/level-1/?x=1", "/level-1/",
            "/docs/level-1", "level-1/", "/docs/a&amp;b/", "https://example.com/docs/",
        ] {
            #expect(!settled.isFine(link, ids: ids), "\(link)")
        }
    }

    /// The ids and links of a page the way the link check first found them: one search per attribute.
    static func referenceAnchors(_ html: String) -> (ids: Set<String>, links: [String]) {
        func values(_ name: String) -> [String] {
            var found: [String] = []
            var rest = html[...]
            while let start = rest.firstUTF8Range(of: " \(name)=\""),
                let end = rest[start.upperBound...].firstUTF8Range(of: "\"")
            {
                found.append(String(rest[start.upperBound..<end.lowerBound]))
                rest = rest[end.lowerBound...]
            }
            return found
        }
        var seen = Set<String>()
        return (Set(values("id")), (values("href") + values("src")).filter { seen.insert($0).inserted })
    }

    @Test("a page's ids and links are found as one search per attribute finds them")
    func anchorsScan() throws {
        let samples = [
            "<a href=\"/a/\" id=\"x\">a</a><img src=\"/i.png\" data-id=\"no\" x-href=\"no\"><a href=\"/a/\">",
            "<a\nhref=\"/nl/\"> <a href=\"\"></a> <p id=\"\">= \"=\" a=\"b\" <a href='single'> <img srcset=\"s 1x\">",
            "text with = signs == and \"quotes\" <a  href=\"/two-spaces/\"> <b id=\"y\" id=\"z\"> <a href=\"/open",
            "", "=", "\"", " href=\"", " id=\"end\"", "<a href=\"/é/#ü\">ü</a><h2 id=\"übersicht\">",
        ]
        let golden = try TestSite.goldenCopy()
        defer { golden.remove() }
        try golden.build(output: "scan")
        let pages = try golden.snapshot("scan").filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 10)
        for html in samples + pages.values.map({ String(decoding: $0, as: UTF8.self) }) {
            let found = LinkChecker.anchors(in: Data(html.utf8))
            let expected = Self.referenceAnchors(html)
            #expect(found.ids == expected.ids, "\(html.prefix(80))")
            #expect(found.links == expected.links, "\(html.prefix(80))")
        }
    }

    @Test("external links are not checked")
    func external() throws {
        var files = Self.site
        files["content/en/ext.md"] =
            "---\ntitle: Ext\n---\n[a](https://example.org/x) [b](mailto:a@example.org) [c](//cdn.example.org/x)\n"
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build()
    }

    @Test("links to Markdown files with spaces and umlauts resolve, escaped or not, composed or decomposed")
    func oddFileNames() throws {
        let decomposed = "u\u{308}ber uns"
        var files = Self.site
        files["content/en/über uns/index.md"] = "---\ntitle: About us\n---\n## Team\n"
        files["content/en/links.md"] = """
            ---
            title: Links
            ---
            [a](über%20uns/index.md) [b](<über uns/index.md>) [c](<\(decomposed)/index.md#team>)
            [d](%C3%BCber%20uns/index.md)
            """
        let site = try TestSite(files)
        defer { site.remove() }
        let summary = try site.build()
        #expect(!summary.warnings.contains { $0.path == "content/en/links.md" })
        let html = try site.read("public/links/index.html")
        for name in ["a", "b", "d"] {
            #expect(html.contains("<a href=\"/%C3%BCber-uns/\">\(name)</a>"), "\(name)")
        }
        #expect(html.contains("<a href=\"/%C3%BCber-uns/#team\">c</a>"))
    }

    @Test("a link to a folder by its name on disk says which URL the page has, with the Markdown line")
    func folderNameOnDisk() throws {
        var files = Self.site
        files["content/en/Über Uns/index.md"] = "---\ntitle: About us\n---\nUs.\n"
        files["content/en/links.md"] = "---\ntitle: Links\n---\nIntro.\n\nSee [us](../%C3%9Cber%20Uns/).\n"
        let site = try TestSite(files)
        defer { site.remove() }
        let failure = try #require(site.failure())
        let error = try #require(failure.errors.first { $0.path == "content/en/links.md" })
        #expect(error.line == 6)
        #expect(error.message.contains("the page of that folder is at /über-uns/"), "\(error.message)")
    }

    @Test("every link error of a page names the Markdown line it was written on, whatever its form")
    func everyErrorHasALine() throws {
        var files = Self.site
        files["content/en/links.md"] = """
            ---
            title: Links
            ---
            [a](../nowhere/) [b](<no where/>)

            ![c](missing.png) [d](level-1/#nothing "title")

            <https://example.org/fine>

            [e][ref]

            [ref]: /gone/
            """
        let site = try TestSite(files)
        defer { site.remove() }
        let failure = try #require(site.failure())
        let errors = failure.errors.filter { $0.path == "content/en/links.md" }
        #expect(errors.count == 5)
        #expect(errors.allSatisfy { $0.line > 0 }, "\(errors)")
        #expect(Set(errors.map(\.line)) == [4, 6, 10])
    }
}
