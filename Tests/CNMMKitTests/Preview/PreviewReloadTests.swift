import Foundation
import Testing

@testable import CNMMKit

/// Saves reach the open pages: each waits for the server's events, never for a fixed time.
@Suite("Preview server: rebuild and reload")
struct PreviewReloadTests {
    static let reading = "content/en/guide/reading.md"

    @Test("an edit sends a reload event and the page shows the new text", arguments: [false, true])
    func edit(poll: Bool) async throws {
        let site = try TestSite.goldenCopy()
        defer { site.remove() }
        try await RunningPreview.serve(site, poll: poll) { server in
            let (events, hello) = try await server.events()
            defer { events.close() }
            #expect(try await !server.request("/golden/guide/reading/").text.contains("Freshly edited"))
            try site.write(Self.reading, "---\ntitle: Reading\n---\n## Freshly edited\n")
            let reload = try await events.next("reload")
            #expect(reload.data != hello.data)
            let page = try await server.request("/golden/guide/reading/")
            #expect(page.text.contains("<h2 id=\"freshly-edited\">Freshly edited</h2>"))
            #expect(page.text.contains("const v=\"\(reload.data)\""))
            // The pages that show its data changed too: the section lists it.
            #expect(try await server.request("/golden/guide/").status == 200)
        }
    }

    @Test("an editor's save by writing a temporary file and renaming it over the original is an edit")
    func atomicRename() async throws {
        let site = try TestSite.goldenCopy()
        defer { site.remove() }
        try await RunningPreview.serve(site) { server in
            let (events, _) = try await server.events()
            defer { events.close() }
            let target = site.root.appendingPathComponent(Self.reading)
            let temporary = target.deletingLastPathComponent().appendingPathComponent(".reading.md.tmp-4711")
            try Data("---\ntitle: Renamed Into Place\n---\nBody\n".utf8).write(to: temporary)
            #expect(rename(temporary.path, target.path) == 0)
            _ = try await events.next("reload")
            #expect(try await server.request("/golden/guide/reading/").text.contains("<h1>Renamed Into Place</h1>"))
        }
    }

    @Test("a broken file shows an escaped error page with file and line; the next good save brings the site back")
    func brokenThenFixed() async throws {
        let site = try TestSite.goldenCopy()
        defer { site.remove() }
        try await RunningPreview.serve(site) { server in
            let (events, _) = try await server.events()
            defer { events.close() }
            try site.write(
                Self.reading, "---\ntitle: Reading\n---\n\nSee {{< ref \"/<script>x</script>\u{1B}[31m\" >}}.\n")
            let broken = try await events.next("reload")
            let page = try await server.request("/golden/guide/reading/")
            #expect(page.status == 500)
            #expect(page.header("Content-Type") == "text/html; charset=utf-8")
            #expect(page.text.contains("content/en/guide/reading.md:5: error: ref target"))
            #expect(page.text.contains("&lt;script&gt;x&lt;/script&gt;\\u{1B}[31m"))
            #expect(!page.text.contains("<script>x"))
            #expect(!page.text.contains("\u{1B}"))
            #expect(!page.text.contains(site.root.path))
            #expect(page.text.contains("const v=\"\(broken.data)\""))
            // Other pages show the error too; assets of the last good site still load.
            #expect(try await server.request("/golden/").status == 500)
            #expect(try await server.request("/golden/site.css").status == 200)
            let failure = try await server.reports.build(number: 2)
            #expect(!failure.succeeded)
            #expect(failure.problems.joined().contains("\\u{1B}[31m"))

            try site.write(Self.reading, "---\ntitle: Reading Again\n---\nFixed.\n")
            let fixed = try await events.next("reload")
            #expect(fixed.data != broken.data)
            let good = try await server.request("/golden/guide/reading/")
            #expect(good.status == 200)
            #expect(good.text.contains("<h1>Reading Again</h1>"))
        }
    }

    @Test("a site that does not build at the start is served as the error page until fixed")
    func brokenFromTheStart() async throws {
        let site = try TestSite.goldenCopy()
        defer { site.remove() }
        try site.write(Self.reading, "---\ntitle: [unclosed\n---\n")
        try await RunningPreview.serve(site) { server in
            let (events, _) = try await server.events()
            defer { events.close() }
            let page = try await server.request("/golden/")
            #expect(page.status == 500)
            #expect(page.text.contains("content/en/guide/reading.md:3:1: error: YAML: did not find expected"))
            try site.write(Self.reading, "---\ntitle: Reading\n---\n")
            _ = try await events.next("reload")
            #expect(try await server.request("/golden/").status == 200)
        }
    }

    @Test("a burst of 200 new files is one rebuild")
    func burst() async throws {
        let site = try TestSite.goldenCopy()
        defer { site.remove() }
        try await RunningPreview.serve(site, quietPeriod: .milliseconds(500)) { server in
            let (events, hello) = try await server.events()
            defer { events.close() }
            let buildsBefore = server.reports.builds.count
            for number in 1...200 {
                try site.write("content/en/guide/burst-\(number).md", "---\ntitle: Burst \(number)\n---\n")
            }
            let reload = try await events.next("reload")
            let (instance, generation) = try #require(Self.version(hello.data))
            let (reloadInstance, reloadGeneration) = try #require(Self.version(reload.data))
            #expect(reloadInstance == instance)
            #expect(reloadGeneration == generation + 1)
            for number in [1, 100, 200] {
                #expect(try await server.request("/golden/guide/burst-\(number)/").status == 200, "burst-\(number)")
            }
            let rebuild = try await server.reports.build(number: buildsBefore + 1)
            #expect(rebuild.changed.count == 200)
        }
    }

    @Test("editor litter and hidden files cause no rebuild")
    func litter() async throws {
        let site = try TestSite.goldenCopy()
        defer { site.remove() }
        try await RunningPreview.serve(site) { server in
            let (events, hello) = try await server.events()
            defer { events.close() }
            for name in [".reading.md.swp", "reading.md~", "4913", ".hidden.md", "x.swx"] {
                try site.write("content/en/guide/" + name, "litter")
            }
            try site.write(Self.reading, "---\ntitle: After Litter\n---\n")
            let reload = try await events.next("reload")
            let (_, before) = try #require(Self.version(hello.data))
            let (_, after) = try #require(Self.version(reload.data))
            #expect(after == before + 1)
            #expect(try await server.reports.build(number: 2).changed == [Self.reading])
        }
    }

    @Test("after each save the served site is exactly what a fresh build of the sources makes")
    func incrementalMatchesFullBuild() async throws {
        let site = try TestSite.goldenCopy()
        defer { site.remove() }
        try await RunningPreview.serve(site) { server in
            let (events, _) = try await server.events()
            defer { events.close() }
            let edits: [(path: String, from: String, to: String)] = [
                (Self.reading, "## Step one", "## Step one, edited"),
                (Self.reading, "title: Reading", "title: Reading\ndescription: How to read a level"),
                (Self.reading, "## Step one, edited", "### Step two"),
                ("content/en/guide/_index.md", "How to read the model.", "How to *read* it."),
                ("content/en/level-1/index.md", "title: \"Level 1 - Build\"", "title: \"Level 1 - Begin\""),
                ("content/en/level-1/index.md", "Teams **learn** the basics.", "Teams learn more."),
                ("content/de/level-1/index.md", "title: Level 1 - Aufbau", "title: Stufe 1 - Aufbau"),
                ("themes/default/layouts/page.mustache", "<p>owner:", "<p>Owner:"),
                ("themes/default/i18n/en.yml", "edit_page: Edit", "edit_page: Change"),
                // A page added in a new folder, edited, then removed with its folder (empty `from`: a new file;
                // empty `to`: the file's folder removed).
                ("content/en/added/page.md", "", "---\ntitle: Added\n---\nNew *text*.\n"),
                ("content/en/added/page.md", "New *text*.", "Newer *text*."),
                ("content/en/added/page.md", "title: Added", ""),
            ]
            for (number, edit) in edits.enumerated() {
                if edit.from.isEmpty {
                    try site.write(edit.path, edit.to)
                } else if edit.to.isEmpty {
                    try FileManager.default.removeItem(
                        at: site.root.appendingPathComponent(edit.path).deletingLastPathComponent())
                } else {
                    let text = try site.read(edit.path)
                    #expect(text.contains(edit.from), "\(edit.path)")
                    try site.write(edit.path, text.replacingOccurrences(of: edit.from, with: edit.to))
                }
                _ = try await events.next("reload")
                let report = try await server.reports.build(number: number + 2)
                #expect(report.succeeded, "\(report.problems)")
                let expected = try SiteBuilder(options: site.options()).render().files
                for file in expected {
                    let response = try await server.request("/golden/" + file.path)
                    let served = file.path.hasSuffix(".html") ? Self.withoutScript(response.text) : response.text
                    let built: String
                    switch file.content {
                    case .data(let data): built = String(decoding: data, as: UTF8.self)
                    case .copy(let url): built = try String(contentsOf: url, encoding: .utf8)
                    case .staged: built = "(written while rendering)"
                    }
                    #expect(served == built, "after editing \(edit.path): \(file.path) differs from a fresh build")
                }
            }
        }
    }

    /// An HTML page as served, without the live-reload script.
    static func withoutScript(_ html: String) -> String {
        guard let start = html.range(of: "<script>(()=>{const v="),
            let end = html.range(of: "</script>", range: start.upperBound..<html.endIndex)
        else { return html }
        return String(html[..<start.lowerBound] + html[end.upperBound...])
    }

    /// `instance-generation` → its parts.
    static func version(_ text: String) -> (String, Int)? {
        guard let dash = text.lastIndex(of: "-"), let number = Int(text[text.index(after: dash)...]) else { return nil }
        return (String(text[..<dash]), number)
    }
}
