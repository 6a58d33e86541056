import Testing

@testable import CNMMKit

@Suite("Markdown")
struct MarkdownRendererTests {
    let renderer = MarkdownRenderer(icons: ["users": "<svg class=\"icon icon-users\"></svg>"])

    @Test("headings get lowercase slug ids from their text without HTML, duplicates numbered")
    func headingIDs() {
        let output = renderer.render(
            """
            ## <i class="fas fa-users"></i> People
            ### Security
            ### CI/CD
            ## Process
            ### Security
            ### Security
            ### Übersicht & *Ziele*
            """, path: "a.md", firstLine: 5)
        #expect(
            output.headings.map(\.id) == [
                "people", "security", "cicd", "process", "security-1", "security-2", "übersicht--ziele",
            ])
        #expect(
            output.headings.map(\.text) == [
                "People", "Security", "CI/CD", "Process", "Security", "Security", "Übersicht & Ziele",
            ])
        #expect(output.headings.map(\.line) == [5, 6, 7, 8, 9, 10, 11])
        #expect(output.html.contains("<h2 id=\"people\">"))
        #expect(output.html.contains("<h3 id=\"security-1\">Security</h3>"))
    }

    @Test("a known icon becomes the theme's inline SVG and is kept as the heading's data")
    func knownIcon() {
        let output = renderer.render("## <i class=\"fas fa-users\"></i> People\n", path: "a.md", firstLine: 1)
        #expect(output.headings.first?.icon == "users")
        #expect(output.html.contains("<svg class=\"icon icon-users\"></svg>"))
        #expect(!output.html.contains("<i "))
        #expect(output.diagnostics.isEmpty)
    }

    @Test("an icon the theme lacks is a warning with file and line, and the <i> element stays")
    func unknownIcon() throws {
        let output = renderer.render(
            "Intro\n\n## <i class=\"fa-solid fa-rocket\"></i> Launch\n", path: "p.md", firstLine: 4)
        #expect(output.headings.first?.icon == "rocket")
        #expect(output.html.contains("<i class=\"fa-solid fa-rocket\"></i>"))
        let warning = try #require(output.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.description.hasPrefix("p.md:6: warning:"))
        #expect(warning.message.contains("fa-rocket"))
    }

    @Test("GFM tables, strikethrough, autolinks and task lists render")
    func gfm() {
        let output = renderer.render(
            """
            | a | b |
            |---|---|
            | 1 | 2 |

            ~~old~~ www.example.com

            - [x] done
            - [ ] open
            """, path: "a.md", firstLine: 1)
        #expect(output.html.contains("<table>"))
        #expect(output.html.contains("<td>1</td>"))
        #expect(output.html.contains("<del>old</del>"))
        #expect(output.html.contains("<a href=\"http://www.example.com\">"))
        #expect(output.html.contains("type=\"checkbox\""))
    }

    @Test("raw HTML passes through")
    func rawHTML() {
        let output = renderer.render(
            "<div class=\"note\">Hi</div>\n\nText with <kbd>K</kbd>.\n", path: "a.md", firstLine: 1)
        #expect(output.html.contains("<div class=\"note\">Hi</div>"))
        #expect(output.html.contains("<kbd>K</kbd>"))
    }

    @Test("the table of contents nests ### under ## and leaves other levels out")
    func tableOfContents() {
        let headings = [
            Heading(level: 2, id: "a", text: "A", icon: "users", line: 1),
            Heading(level: 3, id: "a1", text: "A1", line: 2),
            Heading(level: 4, id: "a1x", text: "A1x", line: 3),
            Heading(level: 2, id: "b", text: "B", line: 4),
        ]
        let toc = TableOfContents.entries(headings, icons: ["users": "<svg/>"])
        #expect(toc.count == 2)
        #expect(toc[0]["id"] as? String == "a")
        #expect(toc[0]["icon"] as? String == "<svg/>")
        let children = toc[0]["children"] as? [[String: Any]]
        #expect(children?.map { $0["id"] as? String } == ["a1"])
        #expect(toc[1]["has_children"] as? Bool == false)
    }

    /// The TOC list as it was made from the entries, before it was made from the headings.
    static func referenceList(_ entries: [[String: Any]]) -> String {
        var html = "<ul class=\"toc-list\">\n"
        for entry in entries {
            html += "<li><a href=\"#" + (entry["id_html"] as? String ?? "") + "\">" + (entry["icon"] as? String ?? "")
            html += "<span>" + (entry["text_html"] as? String ?? "") + "</span></a>"
            if let children = entry["children"] as? [[String: Any]], !children.isEmpty {
                html += "\n<ul>\n"
                for child in children {
                    html += "<li><a href=\"#" + (child["id_html"] as? String ?? "") + "\">"
                    html += (child["text_html"] as? String ?? "") + "</a></li>\n"
                }
                html += "</ul>"
            }
            html += "</li>\n"
        }
        return html + "</ul>\n"
    }

    @Test("the TOC list made from the headings is the one made from the entries, for random headings")
    func tableOfContentsList() {
        let icons = ["users": "<svg class=\"icon\"/>"]
        let texts = ["A", "R&D \"q\"", "<tag>", "Ü 'x'", ""]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let headings = (0..<Int.random(in: 0...12, using: &generator)).map { line in
                Heading(
                    level: Int.random(in: 1...4, using: &generator), id: "h\(line)&<",
                    text: texts.randomElement(using: &generator)!,
                    icon: Bool.random(using: &generator) ? "users" : nil, line: line)
            }
            let list = TableOfContents.html(headings, icons: icons)
            #expect(list == Self.referenceList(TableOfContents.entries(headings, icons: icons)), "\(headings)")
        }
    }

    @Test("a template names toc in a variable, section or transform; comments, partials and toc_html do not count")
    func templateNamesTOC() {
        for text in [
            "{{#page.toc}}x{{/page.toc}}", "{{toc}}", "{{{ page.toc }}}", "{{^toc}}-{{/toc}}", "{{first(page.toc)}}",
        ] {
            #expect(TemplateTags.mayName("toc", in: text), "\(text)")
        }
        for text in [
            "{{{page.toc_html}}}", "{{#page.has_toc}}{{/page.has_toc}}", "{{! the page.toc }}", "{{> partials/toc}}",
        ] {
            #expect(!TemplateTags.mayName("toc", in: text), "\(text)")
        }
        // A template that changes its delimiters may name anything.
        #expect(TemplateTags.mayName("toc", in: "{{=<% %>=}}<%page.title%>"))
    }
}
