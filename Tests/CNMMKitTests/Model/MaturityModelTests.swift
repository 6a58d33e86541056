import Foundation
import Testing

@testable import CNMMKit

@Suite("The maturity model")
struct MaturityModelTests {
    static func level(_ title: String, weight: Int, _ sections: [(String, String, [String])]) -> String {
        var text = "---\ntitle: \(title)\nweight: \(weight)\n---\n"
        for (icon, name, topics) in sections {
            text += "\n## <i class=\"fas fa-\(icon)\"></i> \(name)\n\nAbout \(name).\n"
            for topic in topics { text += "\n### \(topic)\n\n\(topic) at \(title).\n" }
        }
        return text
    }

    static let all: [(String, String, [String])] = [
        ("building", "Business Outcomes", ["Cost"]),
        ("users", "People", ["Security", "Training"]),
        ("cogs", "Process", ["CI/CD"]),
        ("edit", "Policy", ["Compliance"]),
        ("server", "Technology", ["Security"]),
    ]

    static var site: [String: String] {
        [
            "content/en/_index.md": "---\ntitle: Home\n---\nHome\n",
            "content/en/level-1/index.md": level("Level 1 - Build", weight: 1, all),
            "content/en/level-2/index.md": level(
                "Level 2 - Operate", weight: 2,
                all.map { $0.1 == "People" ? ($0.0, $0.1, ["Security", "Hiring"]) : $0 }),
            "content/en/level-3/index.md": level("Level 3 - Scale", weight: 3, all),
            "content/de/level-1/index.md": level(
                "Level 1 - Aufbau", weight: 1,
                [
                    ("server", "Technologie", ["Sicherheit"]), ("users", "Personen", ["Sicherheit"]),
                    ("cogs", "Prozesse", []), ("edit", "Richtlinien", []), ("building", "Geschäftsergebnisse", []),
                ]),
        ]
    }

    @Test("dimension sections get language-neutral anchors, topics <dimension>-<slug>")
    func anchors() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        try site.build()
        let english = try site.read("public/level-1/index.html")
        let german = try site.read("public/de/level-1/index.html")
        for id in ["business-outcomes", "people", "process", "policy", "technology"] {
            #expect(english.contains("<h2 id=\"\(id)\">"))
            #expect(german.contains("<h2 id=\"\(id)\">"), "German anchor #\(id) equals the English one")
        }
        #expect(english.contains("<h3 id=\"people-security\">"))
        #expect(english.contains("<h3 id=\"technology-security\">"))
        #expect(german.contains("<h3 id=\"people-sicherheit\">"))
    }

    @Test("a site.yml with an empty dimensions list builds no model: level pages stay plain pages")
    func noDimensions() throws {
        var files = Self.site
        files["site.yml"] = "dimensions: []\n"
        let site = try TestSite(files)
        defer { site.remove() }
        let summary = try site.build()
        #expect(summary.warnings.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("public/model").path))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("public/model.json").path))
        #expect(try site.read("public/level-1/index.html").contains("<h2 id=\"people\">"))
    }

    @Test("the overview shows levels as columns and dimensions as rows, cells listing topic links")
    func overview() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        try site.build()
        let html = try site.read("public/model/index.html")
        let columns = ["/level-1/", "/level-2/", "/level-3/"].map {
            html.range(of: "<th scope=\"col\"><a href=\"\($0)\"")?.lowerBound
        }
        #expect(columns.allSatisfy { $0 != nil })
        #expect(columns.compactMap { $0 } == columns.compactMap { $0 }.sorted())
        #expect(html.contains("<a href=\"/level-2/#people-hiring\">Hiring</a>"))
        #expect(html.contains("href=\"/dimensions/people/\""))
        let german = try site.read("public/de/model/index.html")
        #expect(german.contains("<a href=\"/de/level-1/#people-sicherheit\">Sicherheit</a>"))
        #expect(german.contains("<html lang=\"de\">"))
    }

    @Test("a dimension page holds that section of every level, the level pages' own HTML")
    func dimensionPage() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        try site.build()
        let html = try site.read("public/dimensions/people/index.html")
        for level in 1...3 {
            #expect(html.contains("<a href=\"/level-\(level)/#people\">Level \(level) - "))
            #expect(html.contains("id=\"level-\(level)-people-security\""), "ids are prefixed per level")
        }
        #expect(html.contains("Security at Level 2 - Operate."))
        #expect(!html.contains("Security at Level 2 - Operate.</p>\n<h3 id=\"technology"), "only the People section")
        #expect(!html.contains("Technology at"))
        #expect(site.exists("public/de/dimensions/people/index.html"))
        #expect(try site.read("public/de/dimensions/people/index.html").contains("<h1>"))
    }

    @Test("topic pages exist for recurring topics only, and follow the topic across levels")
    func topicPages() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        try site.build()
        #expect(site.exists("public/dimensions/people/security/index.html"))
        #expect(site.exists("public/dimensions/technology/security/index.html"))
        #expect(!site.exists("public/dimensions/people/hiring/index.html"), "Hiring occurs at one level only")
        #expect(!site.exists("public/de/dimensions/people/sicherheit/index.html"), "German has one level")
        let html = try site.read("public/dimensions/people/security/index.html")
        for level in 1...3 { #expect(html.contains("Security at Level \(level) - ")) }
    }

    @Test("a topic's sub-headings come one level up on its topic page, under each level's <h2>: no level is skipped")
    func topicPageHeadingLevels() throws {
        var files = Self.site
        for level in 1...2 {
            let path = "content/en/level-\(level)/index.md"
            let subHeadings = "#### Certified X\n\nAn exam.\n\n##### Detail\n\nMore.\n\n"
            files[path] = files[path]!.replacingOccurrences(
                of: "Security at Level \(level)", with: subHeadings + "Security at Level \(level)")
        }
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build()
        let topic = try site.read("public/dimensions/people/security/index.html")
        for level in 1...2 {
            #expect(topic.contains("<h2 id=\"level-\(level)\">"))
            #expect(topic.contains("<h3 id=\"level-\(level)-certified-x\">Certified X</h3>"), "\(topic)")
            #expect(topic.contains("<h4 id=\"level-\(level)-detail\">Detail</h4>"))
        }
        #expect(!topic.contains("<h5"))
        // The dimension page shows the topic as an <h3> under the level's <h2>: its sub-headings keep their level.
        let dimension = try site.read("public/dimensions/people/index.html")
        #expect(dimension.contains("<h4 id=\"level-1-certified-x\">Certified X</h4>"))
        #expect(try site.read("public/level-1/index.html").contains(">Certified X</h4>"))
    }

    @Test("level pages link the neighbouring levels, the same dimension there, the dimension and topic pages")
    func levelLinks() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        try site.build()
        let html = try site.read("public/level-2/index.html")
        #expect(html.contains("href=\"/level-1/\" rel=\"prev\""))
        #expect(html.contains("href=\"/level-3/\" rel=\"next\""))
        #expect(html.contains("href=\"/level-1/#people\""))
        #expect(html.contains("href=\"/level-3/#people\""))
        #expect(html.contains("href=\"/dimensions/people/\""))
        #expect(html.contains("href=\"/dimensions/people/security/\""))
        let first = try site.read("public/level-1/index.html")
        #expect(!first.contains("rel=\"prev\""))
    }

    @Test("the home page reaches the overview through the navigation")
    func homeLinksOverview() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        try site.build()
        #expect(try site.read("public/index.html").contains("href=\"/model/\""))
    }

    @Test("sections without icon, unknown icons, repeated and missing dimensions are warnings; --strict fails")
    func warnings() throws {
        var files = Self.site
        files["content/en/level-4/index.md"] = """
            ---
            title: Level 4 - Improve
            weight: 4
            ---
            ## <i class="fas fa-users"></i> People

            ## Plain section

            ## <i class="fas fa-rocket"></i> Launch

            ## <i class="fas fa-users"></i> People again
            """
        let site = try TestSite(files)
        defer { site.remove() }
        let summary = try site.build()
        let messages = summary.warnings.filter { $0.path == "content/en/level-4/index.md" }
        #expect(messages.contains { $0.line == 7 && $0.message.contains("'Plain section' has no dimension icon") })
        #expect(messages.contains { $0.line == 9 && $0.message.contains("icon 'fa-rocket'") })
        #expect(messages.contains { $0.line == 11 && $0.message.contains("'people' appears twice (first at line 5)") })
        #expect(messages.contains { $0.message.contains("no Technology section") })
        let overview = try site.read("public/model/index.html")
        #expect(overview.contains("matrix-empty"), "missing cells are shown empty")
        #expect(throws: BuildFailure.self) { try site.build(strict: true) }
    }

    @Test("model.json carries levels, dimensions and cells with topics and URLs per language")
    func modelJSON() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        try site.build()
        let data = try Data(contentsOf: site.root.appendingPathComponent("public/model.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let dimensions = try #require(json["dimensions"] as? [[String: Any]])
        #expect(
            dimensions.map { $0["id"] as? String } == [
                "business-outcomes", "people", "process", "policy", "technology",
            ])
        let languages = try #require(json["languages"] as? [String: Any])
        let english = try #require(languages["en"] as? [String: Any])
        let levels = try #require(english["levels"] as? [[String: Any]])
        #expect(levels.map { $0["number"] as? Int } == [1, 2, 3])
        let cells = try #require(english["cells"] as? [[String: Any]])
        #expect(cells.count == 15)
        let people2 = try #require(cells.first { $0["level"] as? Int == 2 && $0["dimension"] as? String == "people" })
        #expect(people2["url"] as? String == "/level-2/#people")
        let topics = try #require(people2["topics"] as? [[String: Any]])
        #expect(topics.map { $0["slug"] as? String } == ["security", "hiring"])
        #expect(topics.first?["topicPage"] as? String == "/dimensions/people/security/")
        let german = try #require(languages["de"] as? [String: Any])
        // German has level 1; levels 2 and 3 are published from English (fallback), so its matrix is full too.
        #expect((german["cells"] as? [[String: Any]])?.count == 15)
    }
}
