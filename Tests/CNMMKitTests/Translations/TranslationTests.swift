import Foundation
import Testing

@testable import CNMMKit

@Suite("Languages and translations")
struct TranslationTests {
    static let config = """
        title: Model
        baseURL: https://example.org/
        languages:
          - code: en
            name: English
          - code: de
            name: Deutsch
            baseURL: https://de.example.org/
        """

    static var site: [String: String] {
        [
            "site.yml": config,
            "content/en/_index.md": "---\ntitle: Home\n---\nHome\n",
            "content/en/guide.md": "---\ntitle: Guide\n---\nHow to read it.\n",
            "content/en/level-1/index.md": MaturityModelTests.level(
                "Level 1 - Build", weight: 1, MaturityModelTests.all),
            "content/de/_index.md": "---\ntitle: Start\n---\nStart\n",
            "content/de/level-1/index.md": MaturityModelTests.level(
                "Level 1 - Aufbau", weight: 1, [("users", "Personen", ["Sicherheit"]), ("server", "Technologie", [])]),
        ]
    }

    @Test("a page missing in a language is published there from the default language, marked and noticed")
    func fallbackPage() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        try site.build()
        let html = try site.read("public/de/guide/index.html")
        #expect(html.contains("<html lang=\"de\">"))
        #expect(html.contains("lang=\"en\">"), "the English content is marked as English")
        #expect(html.contains("How to read it."))
        #expect(html.contains("notice-untranslated"))
        #expect(html.contains("Diese Seite gibt es noch nicht auf Deutsch"))
        #expect(html.contains("href=\"/de/translations/\""), "the notice links the translation guide")
    }

    @Test("a page shown as a fallback has its bundle's files beside it, so its relative image and links work there")
    func fallbackBundle() throws {
        var files = Self.site
        files["content/en/level-2/index.md"] =
            MaturityModelTests.level("Level 2 - Operate", weight: 2, MaturityModelTests.all)
            + "\n![chart](chart.svg) [guide](../guide/) [one](../level-1/#people)\n"
        files["content/en/level-2/chart.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build()
        #expect(site.exists("public/de/level-2/chart.svg"))
        let html = try site.read("public/de/level-2/index.html")
        #expect(html.contains("src=\"chart.svg\""))
        #expect(html.contains("href=\"../guide/\""), "a relative link stays in the reader's language")
    }

    @Test("with translationFallback: false the page is not published and the switcher marks the language")
    func fallbackOff() throws {
        var files = Self.site
        files["site.yml"] = Self.config + "\ntranslationFallback: false\n"
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build()
        #expect(!site.exists("public/de/guide/index.html"))
        let html = try site.read("public/guide/index.html")
        let switcher = try #require(html.range(of: "language-switcher")).upperBound
        #expect(html[switcher...].contains("href=\"/de/\""), "the switcher goes to the German home instead")
        let level = try site.read("public/de/level-1/index.html")
        #expect(!level.contains("fallback-section"), "no section is taken from the default language either")
    }

    @Test("a translated level page lacking dimension sections gets them from the default language, marked")
    func fallbackSections() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        try site.build()
        let html = try site.read("public/de/level-1/index.html")
        #expect(html.contains("<div class=\"fallback-section\" lang=\"en\">"))
        #expect(html.contains("<h2 id=\"process\">"), "the Process section comes from English")
        #expect(html.contains("Dieser Abschnitt ist noch nicht übersetzt"))
        let overview = try site.read("public/de/model/index.html")
        #expect(!overview.contains("matrix-empty"), "the German matrix has no empty cell")
    }

    @Test("the switcher links the same page in each language; hreflang alternates and x-default are set")
    func switcherAndHreflang() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        try site.build()
        let html = try site.read("public/level-1/index.html")
        #expect(html.contains("<link rel=\"alternate\" hreflang=\"de\" href=\"https://example.org/de/level-1/\">"))
        #expect(html.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/level-1/\">"))
        #expect(html.contains("href=\"/de/level-1/\" hreflang=\"de\""))
        #expect(html.contains("js/language.js"), "the script that keeps the #anchor when switching")
        let fallback = try site.read("public/de/guide/index.html")
        #expect(!fallback.contains("rel=\"alternate\""), "a fallback page is no translation")
        #expect(
            try site.read("public/sitemap.xml").contains("hreflang=\"de\" href=\"https://example.org/de/level-1/\""))
    }

    @Test("a missing UI string falls back to the default language with one warning per key and language")
    func uiStringFallback() throws {
        var files = Self.site
        files["i18n/de.yml"] = "on_this_page: Inhalt\n"
        files["themes/default/layouts/page.mustache"] = "<p>{{t.greeting}} {{t.on_this_page}}</p>"
        files["themes/default/layouts/home.mustache"] = "<p>{{t.greeting}}</p>"
        for name in ["section", "level", "404", "model", "dimensions", "dimension", "topic", "translations"] {
            files["themes/default/layouts/\(name).mustache"] = "<p>{{t.greeting}}</p>"
        }
        files["themes/default/i18n/en.yml"] = "greeting: Hello\non_this_page: On this page\n"
        let site = try TestSite(files)
        defer { site.remove() }
        let summary = try site.build()
        #expect(try site.read("public/de/guide/index.html") == "<p>Hello Inhalt</p>")
        let warnings = summary.warnings.filter { $0.message.contains("'greeting'") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.path == "i18n/de.yml")
    }

    @Test("--language builds one edition at the root, switching only to editions with a URL")
    func edition() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        var options = site.options()
        options.edition = "de"
        let summary = try SiteBuilder(options: options).build()
        #expect(summary.pagesPerLanguage.map(\.0) == ["de"])
        #expect(site.exists("public/level-1/index.html"))
        #expect(!site.exists("public/de/index.html"))
        let html = try site.read("public/level-1/index.html")
        #expect(html.contains("<html lang=\"de\">"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://de.example.org/level-1/\">"))
        #expect(!html.contains("hreflang=\"en\""), "English has no edition URL, so it is not offered")

        var files = Self.site
        files["site.yml"] = Self.config.replacingOccurrences(
            of: "    name: English", with: "    name: English\n    baseURL: https://en.example.org/")
        let both = try TestSite(files)
        defer { both.remove() }
        var edition = both.options()
        edition.edition = "de"
        try SiteBuilder(options: edition).build()
        #expect(
            try both.read("public/level-1/index.html").contains(
                "href=\"https://en.example.org/level-1/\" hreflang=\"en\""))
    }

    @Test("the report lists missing pages and sections, word ratios, and --strict semantics")
    func report() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        let rendered = try SiteBuilder(options: site.options()).render()
        let report = try #require(rendered.site.translationReport)
        let german = try #require(report.languages.first)
        #expect(german.code == "de")
        let guide = try #require(german.pages.first { $0.path == "guide" })
        #expect(guide.status == .missing)
        let level = try #require(german.pages.first { $0.path == "level-1" })
        #expect(level.status == .translated)
        #expect(
            level.sections.filter { $0.status == .missing }.map(\.dimension) == [
                "business-outcomes", "process", "policy",
            ])
        #expect(level.wordRatio != nil)
        #expect(report.hasGaps)
        #expect(german.percent < 100)
        let table = TranslationTable(report: report, colour: false).text
        #expect(table.contains("content/en/guide.md"))
        #expect(table.contains("missing"))
        #expect(!table.contains("\u{1B}["), "no colour when not on a terminal")
        let json = try JSONSerialization.jsonObject(with: report.json()) as? [String: Any]
        #expect((json?["languages"] as? [[String: Any]])?.first?["percent"] as? Int == german.percent)
        try site.build()
        let page = try site.read("public/translations/index.html")
        #expect(page.contains("content/en/guide.md"))
        #expect(page.contains("status-missing"))
    }

    @Test("a translation whose source changed later in git is outdated, naming the changed sections")
    func outdated() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        let commit = "git -c user.name=T -c user.email=t@example.org commit -q"
        try shell(
            "git init -q && git add . && \(commit) -m 'First' --date=2024-01-01T00:00:00Z", in: site.root,
            environment: ["GIT_COMMITTER_DATE": "2024-01-01T00:00:00Z"])
        let english = try site.read("content/en/level-1/index.md")
        try site.write(
            "content/en/level-1/index.md",
            english.replacingOccurrences(of: "About People.", with: "About people, revised."))
        try shell(
            "\(commit) -am 'Revise security'", in: site.root,
            environment: ["GIT_COMMITTER_DATE": "2024-03-05T00:00:00Z"])
        try site.build()
        let html = try site.read("public/de/level-1/index.html")
        #expect(html.contains("notice-outdated"))
        #expect(html.contains("5. März 2024"))
        #expect(html.contains("Geänderte Abschnitte: Personen"))
        let report = try #require(try SiteBuilder(options: site.options()).render().site.translationReport)
        let level = try #require(report.languages.first?.pages.first { $0.path == "level-1" })
        #expect(level.status == .outdated)
        #expect(level.sections.first { $0.dimension == "people" }?.status == .outdated)
        #expect(level.sections.first { $0.dimension == "technology" }?.status == .translated)
    }
}

@Suite("Word counts")
struct WordCountTests {
    /// Words by the definition: runs between white space that hold a letter or a number, scalar by scalar.
    static func reference(_ text: String) -> Int {
        text.unicodeScalars.split(whereSeparator: \.properties.isWhitespace).filter { word in
            word.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        }.count
    }

    @Test(
        "counting over UTF-8 bytes agrees with counting scalars",
        arguments: [
            "", "   ", "one two  three\tfour\nfive", "Größe ändert Straße – 42 € … ok", "— * - 1",
            "日本語 テキスト 中文", "emoji 👩‍👩‍👧 🙂 ok", "nbsp\u{A0}split ideographic\u{3000}space line\u{2028}sep",
            "a\u{85}b\u{1680}c", "Ünïcödé\r\ncrlf \u{10FFFF}x", "٣٤ digits ١٢",
        ])
    func agrees(text: String) {
        #expect(TranslationReport.words(text) == Self.reference(text))
    }

    @Test("random mixes of letters, punctuation and every kind of white space count as scalars do")
    func randomMixes() {
        let pieces = [
            "a", "Wort", "42", " ", "\n", "\t", "—", "–", "„", "“", "\u{A0}", "\u{2003}", "\u{3000}", "\u{1680}",
            "\u{85}", "©", "ü", "日本", "-", "*", "⁰", "\u{200B}", "\u{2060}",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 1...14, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            #expect(TranslationReport.words(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }
}
