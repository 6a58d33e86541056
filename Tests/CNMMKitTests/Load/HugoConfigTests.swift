import Foundation
import Testing

@testable import CNMMKit

/// Hugo's configuration (`hugo.toml`, `config.toml`, `hugo.yaml`, `config.yaml`) read when a site has no `site.yml`.
@Suite("Hugo's configuration")
struct HugoConfigTests {
    static let content = [
        "content/en/_index.md": "---\ntitle: Home\n---\nHello.\n",
        "content/de/_index.md": "---\ntitle: Start\n---\nHallo.\n",
    ]

    /// The configuration a site's files give, and the notes its loading makes.
    static func load(_ files: [String: String], config: String? = nil) throws -> SiteConfigLoader.Loaded {
        let site = try TestSite(files)
        defer { site.remove() }
        return try SiteConfigLoader(sourceRoot: site.root, configPath: config).load()
    }

    /// The error messages (as printed) of a configuration that fails to load.
    static func errors(_ files: [String: String]) throws -> [String] {
        do {
            _ = try load(files)
            Issue.record("the configuration was expected to fail")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test("every key cnmm uses is read from config.toml")
    func everyKey() throws {
        var files = Self.content
        files["config.toml"] = """
            baseURL = "https://example.org/model"
            title = "Maturity Model"
            defaultContentLanguage = "de"
            defaultContentLanguageInSubdir = false

            [languages.en]
            languageName = "English (UK)"
            weight = 2
            contentDir = "content/en"
            title = "The Model"
            description = "What the model is."

            [languages.de]
            languageName = "Deutsch"
            weight = 1
            contentDir = "content/de"
            title = "Das Modell"
            baseURL = "https://de.example.org/"
            [languages.de.params]
            description = "Was das Modell ist."

            [params]
            description = "Site-wide."
            copyright = "CNCF"
            version = "0.0"
            archived_version = false
            quality = 75
            [params.ui]
            sidebar_menu_compact = true
            [params.github]
            repo = "https://github.com/cncf/cartografos/"
            branch = "release"
            subdir = "website"
            """
        let loaded = try Self.load(files)
        let config = loaded.config
        #expect(loaded.path == "config.toml")
        #expect(loaded.notes.isEmpty, "every key is used: \(loaded.notes)")
        #expect(config.baseURL == "https://example.org/model/")
        #expect(config.title == "Maturity Model")
        #expect(config.description == "Site-wide.")
        #expect(config.defaultLanguage == "de")
        #expect(config.languages.map(\.code) == ["de", "en"], "by weight")
        let english = try #require(config.language("en"))
        #expect(english.name == "English (UK)")
        #expect(english.weight == 2)
        #expect(english.contentDir == "content/en")
        #expect(english.title == "The Model")
        #expect(english.description == "What the model is.")
        let german = try #require(config.language("de"))
        #expect(german.description == "Was das Modell ist.", "languages.de.params.description, where Docsy reads it")
        #expect(german.title == "Das Modell")
        #expect(german.baseURL == "https://de.example.org/")
        #expect(
            config.repository == .init(url: "https://github.com/cncf/cartografos", branch: "release", path: "website"))
        #expect(config.params["copyright"] == .string("CNCF"))
        #expect(config.params["version"] == .string("0.0"))
        #expect(config.params["archived_version"] == .bool(false))
        #expect(config.params["quality"] == .int(75))
        #expect(config.params["ui"] == .map(["sidebar_menu_compact": .bool(true)]))
        #expect(config.params["github"] == nil, "params.github is the repository, not a template parameter")
        #expect(config.params["description"] == nil)
    }

    @Test("Hugo's keys match in any case, as Hugo reads them")
    func caseInsensitive() throws {
        var files = Self.content
        files["config.toml"] = """
            baseurl = "https://example.org/"
            defaultcontentlanguage = "de"
            [Languages.de]
            LanguageName = "Deutsch (CH)"
            [Languages.en]
            """
        let config = try Self.load(files).config
        #expect(config.baseURL == "https://example.org/")
        #expect(config.defaultLanguage == "de")
        #expect(config.language("de")?.name == "Deutsch (CH)")
    }

    @Test(
        "Docsy's own github_repo, github_branch and github_subdir make the edit links too; the branch defaults to main")
    func docsyRepositoryKeys() throws {
        var files = Self.content
        files["config.toml"] = "[params]\ngithub_repo = \"https://github.com/o/r\"\ngithub_subdir = \"site\"\n"
        let config = try Self.load(files).config
        #expect(config.repository == .init(url: "https://github.com/o/r", branch: "main", path: "site"))
    }

    @Test("a language without a weight comes after the weighted ones, as in Hugo")
    func unweightedLanguagesLast() throws {
        var files = Self.content
        files["content/fr/_index.md"] = "---\ntitle: Accueil\n---\n"
        files["config.toml"] = "[languages.en]\n[languages.fr]\nweight = 2\n[languages.de]\nweight = 1\n"
        let config = try Self.load(files).config
        #expect(config.languages.map(\.code) == ["de", "fr", "en"])
        #expect(config.defaultLanguage == "en", "Hugo's default: en")
    }

    @Test("with no languages table, the languages are the content folders, as with no configuration")
    func languagesFromFolders() throws {
        var files = Self.content
        files["hugo.toml"] = "title = \"T\"\n"
        let config = try Self.load(files).config
        #expect(config.languages.map(\.code) == ["en", "de"])
        #expect(config.title == "T")
    }

    @Test("a disabled language is left out, as Hugo leaves it out")
    func disabledLanguages() throws {
        var files = Self.content
        files["content/fr/_index.md"] = "---\ntitle: Accueil\n---\n"
        files["config.toml"] = """
            disableLanguages = ["fr"]
            [languages.en]
            [languages.de]
            disabled = true
            [languages.fr]
            """
        #expect(try Self.load(files).config.languages.map(\.code) == ["en"])
    }
}

extension HugoConfigTests {
    @Test("every key cnmm does not use is named once, in one note; the build has no warning and passes --strict")
    func unusedKeysNote() throws {
        var files = Self.content
        files["config.toml"] = """
            title = "T"
            theme = ["docsy"]
            enableRobotsTXT = true
            defaultContentLanguageInSubdir = true

            [[menu.main]]
            name = "Blog"
            url = "https://blog.example.org/"
            parent = "news"

            [languages.en]
            weight = 1
            languageCode = "en-GB"
            [languages.en.params]
            logo = "en.svg"
            [languages.de]
            weight = 2

            [markup.goldmark.renderer]
            unsafe = true

            [params]
            title = "Clashes with site.yml's title"
            [params.github]
            repo = "https://github.com/o/r"
            project_repo = "https://github.com/o/p"
            """
        let site = try TestSite(files)
        defer { site.remove() }
        let summary = try site.build(strict: true)
        #expect(summary.warnings.isEmpty)
        let note = try #require(summary.notes.first)
        #expect(summary.notes.count == 1)
        #expect(note.severity == .note)
        #expect(
            note.description
                == "config.toml: note: cnmm does not use 7 keys of this file: enableRobotsTXT, "
                + "languages.en.languageCode, markup, menu.main.parent, params.github.project_repo, params.title, theme"
        )
    }

    @Test("a TOML syntax error names the file and its line")
    func tomlSyntaxError() throws {
        var files = Self.content
        files["config.toml"] = "title = \"T\"\n\n[languages.en]\nweight = = 1\n"
        let errors = try Self.errors(files)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("config.toml:4:") == true, "\(errors)")
        #expect(errors.first?.contains(": error: TOML: ") == true, "\(errors)")
    }

    @Test("a value of the wrong type names the key; in YAML also its line")
    func wrongTypes() throws {
        var files = Self.content
        files["config.toml"] = "[languages.de]\nweight = \"zwei\"\n"
        #expect(
            try Self.errors(files)
                == ["config.toml: error: 'languages.de.weight' must be a whole number, found \"zwei\""])
        files["config.toml"] = nil
        files["hugo.yaml"] = "title: T\nlanguages:\n  de:\n    weight: zwei\n"
        #expect(
            try Self.errors(files) == [
                "hugo.yaml:4: error: 'languages.de.weight' must be a whole number, found \"zwei\""
            ])
    }

    @Test("a contentDir outside content/ is an error naming the key")
    func contentDirOutsideContent() throws {
        var files = Self.content
        files["config.toml"] = "[languages.en]\ncontentDir = \"docs/en\"\n"
        let errors = try Self.errors(files)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("config.toml: error: 'languages.en.contentDir' is \"docs/en\"") == true)
    }

    @Test("a YAML Hugo configuration is read with the same keys")
    func yamlConfig() throws {
        var files = Self.content
        files["config.yaml"] = """
            baseURL: https://example.org/
            title: YAML Model
            languages:
              en:
                languageName: English
                weight: 1
              de:
                languageName: Deutsch
                weight: 2
                description: Auf Deutsch.
            params:
              github:
                repo: https://github.com/o/r
              copyright: "2023"
            enableGitInfo: true
            """
        let loaded = try Self.load(files)
        #expect(loaded.path == "config.yaml")
        #expect(loaded.config.title == "YAML Model")
        #expect(loaded.config.language("de")?.description == "Auf Deutsch.")
        #expect(loaded.config.repository?.url == "https://github.com/o/r")
        #expect(loaded.config.params["copyright"] == .string("2023"))
        #expect(loaded.unused == ["enableGitInfo"])
    }

    @Test("site.yml wins over Hugo's configuration, and hugo.toml over config.toml")
    func precedence() throws {
        var files = Self.content
        files["config.toml"] = "title = \"From config.toml\"\nunusedKey = 1\n"
        files["hugo.toml"] = "title = \"From hugo.toml\"\n"
        #expect(try Self.load(files).config.title == "From hugo.toml")
        files["site.yml"] = "title: From site.yml\n"
        let loaded = try Self.load(files)
        #expect(loaded.config.title == "From site.yml")
        #expect(loaded.path == "site.yml")
        #expect(loaded.notes.isEmpty)
        #expect(try Self.load(files, config: "config.toml").config.title == "From config.toml", "--config names it")
    }

    @Test("a language's contentDir may be any folder inside content/")
    func otherContentFolder() throws {
        let site = try TestSite([
            "config.toml": "[languages.en]\ncontentDir = \"content/english\"\nweight = 1\n",
            "content/english/_index.md": "---\ntitle: Home\n---\n",
            "content/english/about.md": "---\ntitle: About\n---\n",
        ])
        defer { site.remove() }
        let summary = try site.build(strict: true)
        #expect(summary.warnings.isEmpty, "content/english is no unknown language")
        #expect(site.exists("public/about/index.html"))
    }

    @Test("the real site's config.toml: its languages' names, weights and descriptions, and its edit links")
    func realSiteConfig() throws {
        let loaded = try SiteConfigLoader(
            sourceRoot: TestSite.repositoryRoot.appendingPathComponent("Tests/CNMMKitTests/Fixtures/cartografos-v3"),
            configPath: nil
        ).load()
        let config = loaded.config
        #expect(config.baseURL == "https://maturitymodel.cncf.io/")
        #expect(config.languages.map(\.code) == ["en", "de"])
        #expect(config.languages.map(\.name) == ["English", "Deutsch"])
        #expect(config.languages.map(\.weight) == [1, 2])
        #expect(config.language("de")?.description?.hasPrefix("Das Cloud Native Maturity Model soll Ihnen") == true)
        #expect(config.repository == .init(url: "https://github.com/cncf/cartografos", branch: "main", path: "website"))
        #expect(config.params["image"] == .string("https://maturitymodel.cncf.io/images/cnmm-share.jpg"))
        #expect(loaded.notes.count == 1)
        #expect(loaded.unused.contains("markup") && loaded.unused.contains("theme"))
    }

    @Test("menu.main entries (pageRef, url, weight) join the pages of the main menu; a language may have its own")
    func mainMenu() throws {
        let site = try TestSite([
            "config.toml": """
            baseURL = "https://example.org/docs/"
            title = "Model"
            [languages.en]
            languageName = "English"
            weight = 1
            [languages.de]
            languageName = "Deutsch"
            weight = 2
            [[languages.de.menu.main]]
            name = "Über uns"
            pageRef = "/about"
            [[menu.main]]
            name = "About"
            pageRef = "/about"
            weight = 3
            [[menu.main]]
            name = "Source"
            url = "https://github.com/o/r"
            weight = 1
            identifier = "source"
            [[menu.main]]
            name = "Search"
            url = "/search/"
            weight = 4
            [menu.footer]
            """,
            "content/en/_index.md": "---\ntitle: Home\n---\nHome\n",
            "content/en/about.md": "---\ntitle: About\n---\nAbout\n",
            "content/en/guide.md": "---\ntitle: Guide\nmenu: {main: {weight: 2}}\n---\nGuide\n",
            "content/de/_index.md": "---\ntitle: Start\n---\nStart\n",
            "content/de/about.md": "---\ntitle: Über\n---\nÜber\n",
        ])
        defer { site.remove() }
        let summary = try site.build()
        let note = try #require(summary.notes.first { $0.path == "config.toml" })
        #expect(note.message.contains("menu.footer") && note.message.contains("menu.main.identifier"))
        let home = try site.read("public/index.html")
        let order = ["https://github.com/o/r", "/docs/guide/", "/docs/about/", "/docs/search/"].map { url in
            home.range(of: "<li><a href=\"\(url)\"")?.lowerBound
        }
        #expect(order.allSatisfy { $0 != nil }, "every entry is in the header: \(order)")
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted(), "in order of weight")
        let about = try site.read("public/about/index.html")
        #expect(about.contains("<li><a href=\"/docs/about/\" aria-current=\"page\">About</a></li>"))
        let german = try site.read("public/de/index.html")
        #expect(german.contains("<li><a href=\"/docs/de/about/\">Über uns</a></li>"))
        #expect(!german.contains("https://github.com/o/r\">Source"), "German has its own menu")
    }

    @Test("a language's params reach its pages' templates over the site's")
    func languageParams() throws {
        let site = try TestSite([
            "config.toml": """
            title = "T"
            [params]
            logo = "site.svg"
            motto = "Hello"
            [languages.en]
            weight = 1
            [languages.de]
            weight = 2
            [languages.de.params]
            logo = "de.svg"
            """,
            "content/en/_index.md": "---\ntitle: Home\n---\n",
            "content/de/_index.md": "---\ntitle: Start\n---\n",
            "themes/default/layouts/home.mustache": "{{params.logo}} {{params.motto}}",
            "themes/default/layouts/section.mustache": "s",
            "themes/default/layouts/page.mustache": "p",
            "themes/default/layouts/404.mustache": "n",
            "themes/default/layouts/translations.mustache": "t",
        ])
        defer { site.remove() }
        let summary = try site.build()
        #expect(!(summary.notes.first?.message.contains("languages.de.params") ?? false))
        #expect(try site.read("public/index.html") == "site.svg Hello")
        #expect(try site.read("public/de/index.html") == "de.svg Hello")
    }

    @Test("defaultContentLanguageInSubdir = true: the default language under /en/ too, the root sending readers there")
    func defaultLanguageInSubdir() throws {
        let site = try TestSite([
            "config.toml": """
            baseURL = "https://example.org/"
            title = "T"
            defaultContentLanguage = "en"
            defaultContentLanguageInSubdir = true
            [languages.en]
            weight = 1
            [languages.de]
            weight = 2
            """,
            "content/en/_index.md": "---\ntitle: Home\n---\nSee [about](about/).\n",
            "content/en/about.md": "---\ntitle: About\n---\nAbout.\n",
            "content/de/_index.md": "---\ntitle: Start\n---\nStart\n",
        ])
        defer { site.remove() }
        let summary = try site.build(strict: true)
        #expect(summary.notes.isEmpty)
        #expect(try site.read("public/en/index.html").contains("<a href=\"about/\">about</a>"))
        #expect(site.exists("public/en/about/index.html"))
        #expect(site.exists("public/de/index.html"))
        #expect(!site.exists("public/about/index.html"))
        let root = try site.read("public/index.html")
        #expect(root.contains("<meta http-equiv=\"refresh\" content=\"0; url=https://example.org/en/\">"))
        #expect(site.exists("public/en/404.html") && site.exists("public/404.html"))
    }
}
