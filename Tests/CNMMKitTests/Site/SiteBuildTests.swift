import Foundation
import Testing

@testable import CNMMKit

@Suite("Building a site")
struct SiteBuildTests {
    static let basicSite: [String: String] = [
        "site.yml": """
        title: Test Model
        repository:
          url: https://example.org/repo
          branch: main
          path: website
        languages:
          - code: en
            name: English
          - code: DE
            name: Deutsch
        """,
        "content/en/_index.md": "---\ntitle: Home\n---\nWelcome to [level one]({{< ref \"/level-1\" >}}).\n",
        "content/en/level-1/index.md":
            "---\ntitle: Level 1 - Build\nweight: 1\n---\n## <i class=\"fas fa-users\"></i> People\n\n### Security\n",
        "content/en/level-1/chart.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        "content/en/level-2.md": "---\ntitle: Level 2 - Operate\nweight: 2\n---\nText\n",
        "content/en/alpha.md": "---\ntitle: Alpha\n---\nNo weight\n",
        "content/en/draft.md": "---\ntitle: Draft page\ndraft: true\n---\nSecret\n",
        "content/en/guide/_index.md": "---\ntitle: Guide\nweight: 5\n---\nThe guide.\n",
        "content/en/guide/first.md": "---\ntitle: First step\n---\nOne.\n",
        "content/de/level-1/index.md":
            "---\ntitle: Level 1 - Aufbau\nweight: 1\n---\n## <i class=\"fas fa-users\"></i> Personen\n",
        "static/images/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    ]

    @Test("pages land at their URLs: default language at the root, others under /<code>/")
    func urls() throws {
        let site = try TestSite(Self.basicSite)
        defer { site.remove() }
        let summary = try site.build()
        #expect(site.exists("public/index.html"))
        #expect(site.exists("public/level-1/index.html"))
        #expect(site.exists("public/level-2/index.html"))
        #expect(site.exists("public/guide/index.html"))
        #expect(site.exists("public/guide/first/index.html"))
        #expect(site.exists("public/de/index.html"), "a language without _index.md still gets a home page")
        #expect(site.exists("public/de/level-1/index.html"))
        #expect(site.exists("public/level-1/chart.svg"), "bundle files are copied next to their page")
        #expect(site.exists("public/images/logo.svg"), "static/ is copied to the output root")
        #expect(site.exists("public/css/style.css"), "the theme's static files are copied")
        #expect(site.exists("public/404.html"))
        #expect(summary.pagesPerLanguage.map(\.0) == ["en", "de"])
        #expect(try site.read("public/de/level-1/index.html").contains("<html lang=\"de\">"))
    }

    @Test("drafts are left out unless asked for")
    func drafts() throws {
        let site = try TestSite(Self.basicSite)
        defer { site.remove() }
        try site.build()
        #expect(!site.exists("public/draft/index.html"))
        try site.build(drafts: true)
        #expect(site.exists("public/draft/index.html"))
        #expect(try site.read("public/draft/index.html").contains("noindex"))
    }

    @Test("the sidebar lists pages by weight, then title, and marks the current page")
    func ordering() throws {
        let site = try TestSite(Self.basicSite)
        defer { site.remove() }
        try site.build()
        let html = try site.read("public/level-2/index.html")
        let sidebar = try #require(html.range(of: "id=\"site-nav\"")).upperBound
        let nav = String(html[sidebar...].prefix(while: { _ in true }).split(separator: "</nav>").first ?? "")
        let order = ["Level 1 - Build", "Level 2 - Operate", "Guide", "Alpha"].map {
            nav.range(of: ">\($0)<")?.lowerBound
        }
        #expect(order.allSatisfy { $0 != nil }, "\(nav)")
        let positions = order.compactMap { $0 }
        #expect(positions == positions.sorted())
        #expect(nav.contains("<a href=\"/level-2/\" aria-current=\"page\""))
    }

    @Test("pages sharing a sidebar each mark their own link, and a section page opens its pages")
    func sharedSidebar() throws {
        var files = Self.basicSite
        files["content/en/guide/second.md"] = "---\ntitle: Second & last\n---\nTwo.\n"
        files["content/en/guide/a&b.md"] = "---\ntitle: A and B\n---\nThree.\n"
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build()
        func sidebar(_ path: String) throws -> String {
            let html = try site.read("public/\(path)index.html")
            let start = try #require(html.range(of: "id=\"site-nav\"")).upperBound
            return String(try #require(html[start...].components(separatedBy: "</nav>").first))
        }
        for (path, others) in [
            ("guide/first/", ["/guide/second/", "/guide/"]), ("guide/second/", ["/guide/first/", "/guide/"]),
            ("guide/a&b/", ["/guide/first/"]), ("guide/", ["/guide/first/"]), ("level-2/", ["/guide/"]),
        ] {
            let nav = try sidebar(path)
            let url = "/" + path.replacingOccurrences(of: "&", with: "&amp;")
            #expect(nav.components(separatedBy: "aria-current=\"page\"").count == 2, "one current link on \(path)")
            #expect(nav.contains("href=\"\(url)\" aria-current=\"page\""), "\(path) marks itself")
            for other in others { #expect(!nav.contains("href=\"\(other)\" aria-current")) }
        }
        #expect(try sidebar("guide/").contains("href=\"/guide/second/\""), "the section page lists its pages")
        #expect(!(try sidebar("level-2/")).contains("href=\"/guide/second/\""), "other sections stay closed")
        #expect(try sidebar("guide/first/").contains("is-ancestor\"><a href=\"/guide/\""))
    }

    @Test("ref shortcodes resolve and headings carry ids and icons")
    func contentRendering() throws {
        let site = try TestSite(Self.basicSite)
        defer { site.remove() }
        try site.build()
        #expect(try site.read("public/index.html").contains("<a href=\"/level-1/\">level one</a>"))
        let level = try site.read("public/level-1/index.html")
        #expect(level.contains("<h2 id=\"people\"><svg class=\"icon icon-users\""))
        #expect(level.contains("<a href=\"#people-security\">Security</a>"), "the TOC links the ### heading")
    }

    @Test("the table of contents escapes heading text (the theme places it pre-escaped)")
    func tocEscaping() throws {
        var files = Self.basicSite
        files["content/en/level-2.md"] = "---\ntitle: Level 2\n---\n## R&D \"quoted\" `<tag>`\n\n### A 'b' > c\n"
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build()
        let html = try site.read("public/level-2/index.html")
        #expect(html.contains("<span>R&amp;D &quot;quoted&quot; &lt;tag&gt;</span>"), "\(html)")
        #expect(html.contains(">A &#39;b&#39; &gt; c</a>"))
        #expect(!html.contains("<tag>"))
    }

    /// A home page and `level-2` with `body`, in a theme of one-line layouts with `page` for the page layout.
    static func levelTwoWithLayout(_ page: String, body: String) -> [String: String] {
        [
            "content/en/_index.md": "---\ntitle: Home\n---\n",
            "content/en/level-2.md": "---\ntitle: Level 2\n---\n" + body,
            "themes/default/layouts/page.mustache": page,
            "themes/default/layouts/home.mustache": "home",
            "themes/default/layouts/section.mustache": "section",
            "themes/default/layouts/404.mustache": "not found",
        ]
    }

    @Test("a theme's own partials/toc-list makes page.toc_html; without it the list is built in")
    func tocListOverride() throws {
        var files = Self.levelTwoWithLayout(
            "<main>{{{page.toc_html}}}</main>{{{page.content}}}", body: "## First\n\n### Inner\n\n## Second\n")
        let builtIn = try TestSite(files)
        defer { builtIn.remove() }
        try builtIn.build()
        #expect(
            try builtIn.read("public/level-2/index.html")
                == "<main><ul class=\"toc-list\">\n<li><a href=\"#first\"><span>First</span></a>\n<ul>\n"
                + "<li><a href=\"#inner\">Inner</a></li>\n</ul></li>\n<li><a href=\"#second\"><span>Second</span></a></li>\n"
                + "</ul>\n</main><h2 id=\"first\">First</h2>\n<h3 id=\"inner\">Inner</h3>\n<h2 id=\"second\">Second</h2>\n"
        )
        files["themes/default/layouts/partials/toc-list.mustache"] =
            "<ol>{{#page.toc}}<li>{{text}}{{#children}}/{{text}}{{/children}}</li>{{/page.toc}}</ol>"
        let own = try TestSite(files)
        defer { own.remove() }
        try own.build()
        #expect(
            try own.read("public/level-2/index.html").hasPrefix(
                "<main><ol><li>First/Inner</li><li>Second</li></ol></main><h2"))
    }

    @Test("the default theme reads no TOC entries, so pages get none; a theme naming page.toc gets them")
    func tocEntriesOnlyWhenRead() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let theme = try Theme.load(root: repository.appendingPathComponent("themes/default"), siteRoot: repository)
        #expect(!theme.usesTOCEntries)
        let files = Self.levelTwoWithLayout(
            "{{#page.toc}}[{{text}}]{{/page.toc}}{{{page.toc_html}}}{{{page.content}}}", body: "## First\n\n### Inner\n"
        )
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build()
        let html = try site.read("public/level-2/index.html")
        #expect(html.hasPrefix("[First]<ul class=\"toc-list\">"), "\(html)")
    }

    @Test("the language switcher links the translation, or the other language's home")
    func switcher() throws {
        let site = try TestSite(Self.basicSite)
        defer { site.remove() }
        try site.build()
        #expect(try site.read("public/level-1/index.html").contains("href=\"/de/level-1/\" hreflang=\"de\""))
        #expect(try site.read("public/level-2/index.html").contains("href=\"/de/level-2/\" hreflang=\"de\""))
        #expect(try site.read("public/de/level-1/index.html").contains("href=\"/level-1/\" hreflang=\"en\""))
    }

    @Test("sitemap, robots.txt and 404 page are written")
    func siteFiles() throws {
        var files = Self.basicSite
        files["site.yml"] = "title: T\nbaseURL: https://example.org/model\n"
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build()
        let sitemap = try site.read("public/sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/model/level-1/</loc>"))
        #expect(sitemap.contains("hreflang=\"de\" href=\"https://example.org/model/de/level-1/\""))
        #expect(try site.read("public/robots.txt").contains("Sitemap: https://example.org/model/sitemap.xml"))
        #expect(
            try site.read("public/level-1/index.html").contains("href=\"/model/css/style.css\""),
            "links carry the base path")
        #expect(try site.read("public/404.html").contains("href=\"/model/\""))
    }

    @Test("last modified comes from git, the edit link from the repository setting")
    func gitAndEditLink() throws {
        let site = try TestSite(Self.basicSite)
        defer { site.remove() }
        try shell(
            "git init -q && git add . && git -c user.name=T -c user.email=t@example.org commit -q -m 'Add level one' --date='2023-10-10T12:00:00Z'",
            in: site.root, environment: ["GIT_COMMITTER_DATE": "2023-10-10T12:00:00Z"])
        try site.build()
        let html = try site.read("public/level-1/index.html")
        #expect(html.contains("datetime=\"2023-10-10\""))
        #expect(html.contains("October 10, 2023"))
        #expect(html.contains("Add level one"))
        #expect(!html.contains("\0"), "git's NUL separators stay out of the page")
        #expect(html.contains("href=\"https://example.org/repo/edit/main/website/content/en/level-1/index.md\""))
        #expect(try site.read("public/sitemap.xml").contains("<lastmod>2023-10-10</lastmod>"))
    }

    @Test("without git, last modified is left out")
    func noGit() throws {
        let site = try TestSite(Self.basicSite)
        defer { site.remove() }
        try site.build()
        #expect(!(try site.read("public/level-1/index.html")).contains("last-modified"))
    }

    @Test("errors from every file are reported together, sorted by path")
    func allErrors() throws {
        var files = Self.basicSite
        files["content/en/b.md"] = "---\nweight: x\n---\n"
        files["content/en/a.md"] = "---\ntitle: A\n---\n{{< ref \"/missing\" >}}\n"
        let site = try TestSite(files)
        defer { site.remove() }
        let failure = try #require(site.failure())
        #expect(failure.errors.map(\.path) == ["content/en/a.md", "content/en/b.md"])
        #expect(failure.errors.map(\.line) == [4, 2])
    }

    @Test("with no site.yml the languages are the content folders, English first")
    func noConfig() throws {
        let site = try TestSite([
            "content/fr/_index.md": "---\ntitle: Accueil\n---\n",
            "content/en/_index.md": "---\ntitle: Home\n---\n",
        ])
        defer { site.remove() }
        let summary = try site.build()
        #expect(summary.pagesPerLanguage.map(\.0) == ["en", "fr"])
        #expect(site.exists("public/fr/index.html"))
    }
}

/// Runs a shell command in a folder, failing the test when it fails.
func shell(_ command: String, in folder: URL, environment: [String: String] = [:]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = folder
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(command) failed")
}
