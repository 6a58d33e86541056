import Foundation
import Testing

@testable import CNMMKit

@Suite("Publishing")
struct PublishingTests {
    static let site: [String: String] = [
        "site.yml": "title: Model\nbaseURL: https://example.org/\nimage: /images/share.png\n",
        "content/en/_index.md": "---\ntitle: Home\ndescription: The model.\n---\nHome\n",
        "content/en/guide/_index.md": "---\ntitle: Guide\n---\nGuide\n",
        "content/en/guide/reading.md":
            "---\ntitle: Reading\naliases: [/old-reading/, older]\nimage: cover.png\n---\nRead.\n",
    ]

    @Test("aliases become redirect pages to the new URL")
    func aliases() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        try site.build()
        let redirect = try site.read("public/old-reading/index.html")
        #expect(
            redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=https://example.org/guide/reading/\">"))
        #expect(redirect.contains("<link rel=\"canonical\" href=\"https://example.org/guide/reading/\">"))
        #expect(site.exists("public/guide/older/index.html"), "a relative alias is taken from the page's folder")
    }

    @Test("an alias onto an existing page is an error")
    func aliasCollision() throws {
        var files = Self.site
        files["content/en/guide/reading.md"] = "---\ntitle: Reading\naliases: [/guide/]\n---\nRead.\n"
        let site = try TestSite(files)
        defer { site.remove() }
        let failure = try #require(site.failure())
        #expect(
            failure.errors.contains { $0.path == "content/en/guide/reading.md" && $0.message.contains("alias /guide/") }
        )
    }

    @Test("an alias onto the page itself is an error naming the aliases line")
    func aliasOntoItself() throws {
        var files = Self.site
        files["content/en/guide/reading.md"] =
            "---\ntitle: Reading\ndescription: x\naliases:\n  - /old/\n  - /guide/reading/\n---\nRead.\n"
        let site = try TestSite(files)
        defer { site.remove() }
        let failure = try #require(site.failure())
        let error = try #require(failure.errors.first { $0.message.contains("alias /guide/reading/") })
        #expect(error.path == "content/en/guide/reading.md")
        #expect(error.line == 4)
        #expect(error.message.contains("this page's own URL"))
    }

    @Test("Hugo's URLs of a site in two languages exist: /en/ sends to the root, /de/404.html is the German 404 page")
    func hugoLanguageURLs() throws {
        var files = Self.site
        files["site.yml"] =
            "title: Model\nbaseURL: https://example.org/\nlanguages:\n  - code: en\n    name: English\n  - code: de\n    name: Deutsch\n"
        files["content/de/_index.md"] = "---\ntitle: Start\n---\nStart\n"
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build()
        let redirect = try site.read("public/en/index.html")
        #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=https://example.org/\">"))
        #expect(redirect.contains("<meta name=\"robots\" content=\"noindex\">"))
        let german = try site.read("public/de/404.html")
        #expect(german.contains("lang=\"de\""))
        #expect(site.exists("public/404.html"))
        #expect(!site.exists("public/en/404.html"), "the default language's 404 page is the root's")
    }

    @Test("canonical, OpenGraph and Twitter tags with the site image and a per-page override")
    func socialTags() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        try site.build()
        let home = try site.read("public/index.html")
        #expect(home.contains("<link rel=\"canonical\" href=\"https://example.org/\">"))
        #expect(home.contains("<meta property=\"og:description\" content=\"The model.\">"))
        #expect(home.contains("<meta property=\"og:image\" content=\"https://example.org/images/share.png\">"))
        #expect(home.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
        let page = try site.read("public/guide/reading/index.html")
        #expect(page.contains("<meta property=\"og:image\" content=\"https://example.org/guide/reading/cover.png\">"))
        #expect(page.contains("<meta property=\"og:type\" content=\"article\">"))
    }

    @Test("a preview build (another --base-url) and a drafts build are noindex; robots.txt is written")
    func noindex() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        try site.build()
        #expect(!(try site.read("public/index.html")).contains("noindex"))
        #expect(try site.read("public/robots.txt").contains("Sitemap: https://example.org/sitemap.xml"))
        try SiteBuilder(options: site.options(baseURL: "https://preview.example.org/")).build()
        #expect(try site.read("public/index.html").contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(try site.read("public/robots.txt").contains("Disallow: /"))
        try site.build(drafts: true)
        #expect(try site.read("public/guide/index.html").contains("noindex"))
    }
}
