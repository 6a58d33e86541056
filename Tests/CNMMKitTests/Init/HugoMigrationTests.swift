import Foundation
import Testing

@testable import CNMMKit

/// `cnmm init --from-hugo`: the site.yml it writes builds the same site as Hugo's configuration did.
@Suite("cnmm init --from-hugo")
struct HugoMigrationTests {
    /// A Hugo configuration with every kind of value site.yml must write back unchanged.
    static let awkward: [String: String] = [
        "config.toml": #"""
        baseURL = "https://example.org/sub"
        title = "yes"
        defaultContentLanguage = "de"
        defaultContentLanguageInSubdir = true
        theme = "docsy"

        [languages.de]
        languageName = "Deutsch"
        weight = 1
        title = "2023"
        description = "Zeile eins\nZeile zwei: mit Doppelpunkt # und Raute"
        [languages.de.params]
        banner = "Hallo: Welt"
        [languages.en]
        languageName = "English"
        contentDir = "content/english"
        baseURL = "https://en.example.org/"
        [languages.fr]

        [params]
        empty = ""
        truth = "true"
        number = 42
        ratio = 0.5
        tiny = 1e-5
        huge = 1.5e300
        flag = false
        released = 2023-01-02
        moment = 1979-05-27T07:32:00-08:00
        list = ["a", 1, true, "null"]
        "odd key" = "- leading dash"
        "123" = "numeric key"
        unicode = "Übersicht ✓"
        quote = 'say "hi" \ back'
        [params.nested]
        deep = { inner = [1, 2], "key: colon" = "~" }
        [[params.links]]
        name = "One"
        url = "/one/"
        [[params.links]]
        name = "Two"
        [params.github]
        repo = "https://github.com/o/r"
        subdir = "site"

        [[menu.main]]
        name = "Über: uns"
        pageRef = "/seite"
        weight = 2
        [[menu.main]]
        name = "GitHub"
        url = "https://github.com/o/r"
        weight = 1
        parent = "x"
        [[languages.en.menu.main]]
        name = "Home page"
        pageRef = "/"
        weight = 5
        """#,
        "content/de/_index.md": "---\ntitle: Start\n---\nHallo.\n",
        "content/de/seite.md": "---\ntitle: Seite\n---\nText.\n",
        "content/english/_index.md": "---\ntitle: Home\n---\nHello.\n",
        "content/fr/_index.md": "---\ntitle: Accueil\n---\nBonjour.\n",
    ]

    @Test(
        "the written site.yml reads back as the same configuration and builds byte-identical output",
        arguments: ["awkward", "real site"])
    func sameSite(_ name: String) throws {
        let site = name == "real site" ? try HugoAnchorSiteTests.realSite() : try TestSite(Self.awkward)
        defer { site.remove() }
        let fromHugo = try SiteConfigLoader(sourceRoot: site.root, configPath: nil).load()
        #expect(fromHugo.path == "config.toml")
        try site.build(output: "public-hugo")

        let outcome = try HugoMigration(sourceRoot: site.root).run()
        #expect(outcome.written == "site.yml")
        #expect(outcome.source == "config.toml")
        #expect(outcome.notes == fromHugo.notes)
        let fromYAML = try SiteConfigLoader(sourceRoot: site.root, configPath: nil).load()
        #expect(fromYAML.path == "site.yml")
        #expect(fromYAML.config == fromHugo.config)
        #expect(fromYAML.notes.isEmpty)
        try site.build(output: "public-yml")

        let hugo = try site.snapshot("public-hugo")
        let yaml = try site.snapshot("public-yml")
        #expect(hugo.count > 10)
        #expect(hugo.keys.sorted() == yaml.keys.sorted())
        for (path, data) in hugo where yaml[path] != data { Issue.record("\(path) differs") }
    }

    @Test("every setting of the written site.yml has a comment line, and the unused keys are listed")
    func commented() throws {
        let site = try TestSite(Self.awkward)
        defer { site.remove() }
        try HugoMigration(sourceRoot: site.root).run()
        let lines = try site.read("site.yml").split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.isEmpty && !line.hasPrefix("#") && !line.hasPrefix(" ") {
            guard !line.hasPrefix("- ") else { continue }
            #expect(index > 0 && lines[index - 1].hasPrefix("#"), "no comment above '\(line)'")
        }
        #expect(lines.allSatisfy { $0.count <= 120 || !$0.hasPrefix("#") })
        #expect(try site.read("site.yml").contains("# Keys of config.toml cnmm does not use: menu.main.parent, theme."))
    }

    @Test("an existing site.yml is never overwritten")
    func keepsSiteYAML() throws {
        var files = Self.awkward
        files["site.yml"] = "title: Mine\n"
        let site = try TestSite(files)
        defer { site.remove() }
        #expect {
            try HugoMigration(sourceRoot: site.root).run()
        } throws: { error in
            (error as? BuildFailure)?.description
                == "site.yml: error: already exists; cnmm init does not overwrite it (move it away first)"
        }
        #expect(try site.read("site.yml") == "title: Mine\n")
    }

    @Test("a folder without Hugo's configuration is an error")
    func noHugoConfig() throws {
        let site = try TestSite(["content/en/_index.md": "---\ntitle: Home\n---\n"])
        defer { site.remove() }
        #expect {
            try HugoMigration(sourceRoot: site.root).run()
        } throws: { error in
            (error as? BuildFailure)?.description.contains("no Hugo configuration here") == true
        }
        #expect(!site.exists("site.yml"))
    }
}
