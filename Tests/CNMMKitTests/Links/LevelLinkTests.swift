import Foundation
import Testing

@testable import CNMMKit

/// Level pages with every kind of link, built, then every link of every page followed as a browser follows it
/// (`BrowserLinks`), the generated model pages (overview, dimension and topic pages) included: they embed the level
/// pages' sections, so each link written for a level page must still lead to the same place from theirs.
@Suite("Links of level pages, followed as a browser follows them")
struct LevelLinkTests {
    /// What differs between the languages: the level names, headings and topics, and the topic anchors they make.
    struct Words {
        var code: String
        var levels: [String]
        var people, process, policy, technology, outcomes: String
        var culture, delivery, compliance, security: String
        /// The anchor of the People section's first topic: `people-` and the slug of `culture`.
        var cultureAnchor: String
        var about: String
    }

    static let english = Words(
        code: "en", levels: ["Build", "Operate", "Scale"], people: "People", process: "Process", policy: "Policy",
        technology: "Technology", outcomes: "Business Outcomes", culture: "Culture", delivery: "Delivery",
        compliance: "Compliance", security: "Security", cultureAnchor: "people-culture", about: "About us")
    static let german = Words(
        code: "de", levels: ["Aufbau", "Betrieb", "Skalierung"], people: "Personen", process: "Prozesse",
        policy: "Richtlinien", technology: "Technologie", outcomes: "Geschäftsergebnisse", culture: "Kultur",
        delivery: "Lieferung", compliance: "Konformität", security: "Sicherheit", cultureAnchor: "people-kultur",
        about: "Über uns")

    /// Level `n` of three, its links pointing at the next level (`other`) and the one after (`third`); with
    /// `links: false` the same page with the links' text alone.
    static func level(_ n: Int, _ w: Words, links: Bool = true) -> String {
        let other = n % 3 + 1
        let third = other % 3 + 1
        let a = { (text: String, url: String) in links ? "[\(text)](\(url))" : text }
        return """
            ---
            title: Level \(n) - \(w.levels[n - 1])
            weight: \(n)
            ---

            Level \(n) comes before \(a("Level \(other)", "../level-\(other)/")).

            ## <i class="fas fa-users"></i> \(w.people)

            \(w.people) at level \(n): see \(a("Level \(other)", "../level-\(other)/")),
            \(a("its \(w.people)", "../level-\(other)/#people")) and
            \(a("its \(w.culture)", "../level-\(other)/#\(w.cultureAnchor)")). On this page:
            \(a(w.people, "#people")), \(a(w.culture, "#\(w.cultureAnchor)")), \(a(w.process, "#process")).

            ### \(w.culture)

            \(w.culture) at level \(n). ![d](diagram.png)

            Read \(a("the \(w.process) of Level \(other)", "../level-\(other)/index.md#process")) and the
            \(a("glossary", "../glossary.md")).

            ### Training

            Shortcodes: \(a("Level \(other)", "{{< ref \"level-\(other)\" >}}")) and
            \(a("its \(w.policy)", "{{< relref \"/level-\(third)/index.md#policy\" >}}")).

            ### \(w.security)

            \(w.security) of \(w.people) at level \(n).

            ## <i class="fas fa-cogs"></i> \(w.process)

            \(w.process) at level \(n): \(a("CNCF", "https://www.cncf.io/")), \(a("mail", "mailto:team@example.org")),
            \(a("unsafe", "javascript:alert(1)")).

            ### \(w.delivery)

            \(a(w.about, "../über%20uns/index.md")) and \(a("again", "<../über uns/index.md>")).

            ## <i class="fas fa-edit"></i> \(w.policy)

            \(w.policy) at level \(n), back to \(a(w.culture, "#\(w.cultureAnchor)")).

            ### \(w.compliance)

            \(w.compliance) at level \(n), see \(a("\(w.people) of Level \(third)", "../level-\(third)/#people")).

            ## <i class="fas fa-server"></i> \(w.technology)

            \(w.technology) at level \(n). ![diagram](diagram.png "The diagram")

            ### \(w.security)

            \(w.security) of \(w.technology) at level \(n).

            ## <i class="fas fa-building"></i> \(w.outcomes)

            \(w.outcomes) at level \(n).

            """
    }

    /// Three level pages per language, a glossary with `people.md`-style links, and a page in a folder whose name
    /// has a space and an umlaut.
    static func files(baseURL: String? = nil, links: Bool = true) -> [String: String] {
        var files = [
            "site.yml": """
            title: Links
            \(baseURL.map { "baseURL: \($0)\n" } ?? "")languages:
              - code: en
                name: English
              - code: de
                name: Deutsch
            """
        ]
        for w in [english, german] {
            let folder = "content/\(w.code)/"
            files[folder + "_index.md"] = "---\ntitle: Home \(w.code)\n---\nStart at [Level 1](level-1/).\n"
            files[folder + "glossary.md"] =
                "---\ntitle: Glossary\n---\nSee [people](people.md) and [Level 1](level-1/index.md#people).\n"
            files[folder + "people.md"] = "---\ntitle: People\n---\nBack to the [glossary](glossary.md).\n"
            files[folder + "über uns/index.md"] = "---\ntitle: \(w.about)\n---\nStart at [Level 1](../level-1/).\n"
            for n in 1...3 { files[folder + "level-\(n)/index.md"] = level(n, w, links: links) }
        }
        return files
    }

    /// The site written and built; nil, with the build's problems recorded, when the build fails.
    static func build(baseURL: String? = nil, links: Bool = true) throws -> TestSite? {
        let site = try TestSite(files(baseURL: baseURL, links: links))
        for language in ["en", "de"] {
            for n in 1...3 {
                try site.write("content/\(language)/level-\(n)/diagram.png", Data([0x89, 0x50, 0x4E, 0x47]))
            }
        }
        do {
            let summary = try site.build()
            #expect(
                summary.warnings.contains { $0.message.contains("javascript:") } == links,
                "the unsafe link is removed with a warning")
        } catch let failure as BuildFailure {
            Issue.record("the build failed:\n\(failure)")
            site.remove()
            return nil
        }
        return site
    }

    @Test("every link of every page, generated ones included, leads where a browser goes", arguments: [nil, "/cnmm/"])
    func browserLinks(baseURL: String?) throws {
        guard let site = try Self.build(baseURL: baseURL) else { return }
        defer { site.remove() }
        let checker = BrowserLinks(
            folder: site.root.appendingPathComponent("public"), site: "http://site.test" + (baseURL ?? "/"))
        let problems = try checker.problems()
        #expect(problems.isEmpty, "\(BrowserLinks.report(problems))")
        for page in ["dimensions/people/index.html", "de/dimensions/people/kultur/index.html"] {
            #expect(site.exists("public/" + page), "generated pages are checked too")
        }
    }

    @Test("level pages keep today's heading ids; no page, generated ones included, repeats an id")
    func ids() throws {
        guard let site = try Self.build(links: false) else { return }
        defer { site.remove() }
        for (w, prefix) in [(Self.english, ""), (Self.german, "de/")] {
            let topics =
                [w.cultureAnchor, "people-training", "people-\(Slug.make(w.security))"]
                + ["process-\(Slug.make(w.delivery))", "policy-\(Slug.make(w.compliance))"]
            for n in 1...3 {
                let ids = try Self.ids(site, "public/\(prefix)level-\(n)/index.html")
                for id in ["people", "process", "policy", "technology", "business-outcomes"] + topics {
                    #expect(ids.contains(id), "\(prefix)level-\(n)/ has no id \(id)")
                }
            }
            let dimensions = try FileManager.default.subpathsOfDirectory(
                atPath: site.root.appendingPathComponent("public/\(prefix)dimensions").path
            ).filter { $0.hasSuffix("index.html") }
            #expect(dimensions.count == 12, "/dimensions/, five dimension pages, six recurring topics' pages")
        }
        let pages = try FileManager.default.subpathsOfDirectory(atPath: site.root.appendingPathComponent("public").path)
            .filter { $0.hasSuffix(".html") }.sorted()
        for page in pages {
            let ids = try Self.ids(site, "public/" + page)
            let repeated = Dictionary(grouping: ids, by: { Array($0.utf8) }).filter { $0.value.count > 1 }
            #expect(repeated.isEmpty, "\(page) repeats ids \(repeated.values.map { $0[0] }.sorted())")
        }
    }

    /// Every `id` of a page, in order, repeats kept.
    static func ids(_ site: TestSite, _ path: String) throws -> [String] {
        let bytes = Array(try Data(contentsOf: site.root.appendingPathComponent(path)))
        return HTMLScan.tags(in: bytes).compactMap { $0.attribute("id") }.map {
            String(decoding: $0.value, as: UTF8.self)
        }
    }
}
