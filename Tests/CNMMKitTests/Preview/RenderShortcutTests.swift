import Foundation
import Testing

@testable import CNMMKit

/// The preview takes a page's HTML over without making its view model when nothing that view model reads changed
/// (`RenderShortcut`). Each edit here changes something some other page shows; after each, a rebuild with the
/// preview's reuse must equal a fresh build, file by file, with the default theme.
@Suite("Render shortcut")
struct RenderShortcutTests {
    static let files: [String: String] = [
        "site.yml":
            "title: Shortcut Model\nlanguages:\n  - code: en\n    name: English\n  - code: de\n    name: Deutsch\n",
        "content/en/_index.md": "---\ntitle: Home\nmenu: {main: 1}\n---\nWelcome.\n",
        "content/en/level-1/index.md":
            "---\ntitle: Level 1 - Build\nweight: 1\n---\n## <i class=\"fas fa-users\"></i> People\n\nTeams.\n\n"
            + "### Security\n\nFirst.\n",
        "content/en/level-2/index.md":
            "---\ntitle: Level 2 - Operate\nweight: 2\n---\n## <i class=\"fas fa-users\"></i> People\n\nMore.\n",
        "content/en/guide/_index.md": "---\ntitle: Guide\nweight: 5\n---\nThe guide.\n",
        "content/en/guide/first.md": "---\ntitle: First step\nweight: 1\n---\n## One\n\nText.\n",
        "content/en/guide/second.md": "---\ntitle: Second step\nweight: 2\n---\nTwo.\n",
        "content/de/guide/first.md": "---\ntitle: Erster Schritt\n---\nEins.\n",
        "content/de/level-1/index.md":
            "---\ntitle: Stufe 1 - Aufbau\nweight: 1\n---\n## <i class=\"fas fa-users\"></i> Menschen\n\nTeams.\n",
    ]

    /// Edits, each a file and its new text made from the old one.
    static let edits: [(path: String, change: @Sendable (String) -> String)] = [
        ("content/en/guide/first.md", { $0.replacingOccurrences(of: "Text.", with: "Other text.") }),
        ("content/en/guide/first.md", { $0.replacingOccurrences(of: "## One", with: "## One\n\n### Inner") }),
        ("content/en/guide/first.md", { $0.replacingOccurrences(of: "title: First step", with: "title: Step one") }),
        (
            "content/en/guide/second.md",
            { $0.replacingOccurrences(of: "weight: 2", with: "weight: 2\ndescription: The second") }
        ),
        ("content/en/guide/second.md", { $0.replacingOccurrences(of: "weight: 2", with: "weight: 0") }),
        ("content/en/guide/_index.md", { $0.replacingOccurrences(of: "The guide.", with: "The *whole* guide.") }),
        ("content/en/level-2/index.md", { $0.replacingOccurrences(of: "More.", with: "Much more.") }),
        ("content/en/level-1/index.md", { $0.replacingOccurrences(of: "title: Level 1 - Build", with: "title: L1") }),
        ("content/de/guide/first.md", { $0.replacingOccurrences(of: "Eins.", with: "Eins, geändert.") }),
        ("content/en/_index.md", { $0.replacingOccurrences(of: "menu: {main: 1}", with: "menu: {main: 3}") }),
        ("content/en/guide/third.md", { _ in "---\ntitle: Third step\nweight: 3\n---\nThree.\n" }),
        ("site.yml", { $0.replacingOccurrences(of: "title: Shortcut Model", with: "title: Renamed Model") }),
    ]

    @Test("after each edit a rebuild that takes pages over equals a fresh build, and it takes unchanged pages over")
    func rebuildsMatchFreshBuilds() throws {
        let site = try TestSite(Self.files)
        defer { site.remove() }
        let reuse = BuildReuse(options: site.options())
        _ = try SiteBuilder(options: site.options(), reuse: reuse).render()
        reuse.endBuild(complete: true)
        for edit in Self.edits {
            let old = (try? site.read(edit.path)) ?? ""
            try site.write(edit.path, edit.change(old))
            reuse.forget(changed: [site.root.appendingPathComponent(edit.path).path])
            let rebuilt = try SiteBuilder(options: site.options(), reuse: reuse).render()
            let counts = reuse.endBuild(complete: true)
            let fresh = try SiteBuilder(options: site.options()).render()
            let (served, built) = (Self.pages(rebuilt.files), Self.pages(fresh.files))
            #expect(served.keys.sorted() == built.keys.sorted(), "after editing \(edit.path)")
            for (path, text) in built where served[path] != text {
                Issue.record("after editing \(edit.path): \(path) differs from a fresh build")
            }
            if edit.path == "content/en/guide/first.md", old.contains("Text."), !old.contains("Other text.") {
                #expect(counts.reused > 10, "a body edit takes the other pages over (\(counts))")
            }
        }
    }

    @Test("an unchanged rebuild takes every content page over; a theme change takes none")
    func counts() throws {
        let site = try TestSite(Self.files)
        defer { site.remove() }
        let reuse = BuildReuse(options: site.options())
        let first = try SiteBuilder(options: site.options(), reuse: reuse).render()
        reuse.endBuild(complete: true)
        let contentPages = first.site.pages.filter(RenderShortcut.applies).count
        #expect(contentPages == 12, "6 pages in English, 2 in German and 4 German fallbacks")
        _ = try SiteBuilder(options: site.options(), reuse: reuse).render()
        let again = reuse.shortcuts.endBuild(complete: true)
        _ = reuse.pages.endBuild()
        #expect(again.made == 0)
        #expect(again.reused == contentPages)
        reuse.forget(changed: [TestSite.defaultTheme.appendingPathComponent("layouts/page.mustache").path])
        _ = try SiteBuilder(options: site.options(), reuse: reuse).render()
        #expect(reuse.shortcuts.endBuild(complete: true).reused == 0)
    }

    /// Each page's path and text.
    static func pages(_ files: [OutputFile]) -> [String: String] {
        var pages: [String: String] = [:]
        for file in files {
            if case .data(let data) = file.content { pages[file.path] = String(decoding: data, as: UTF8.self) }
        }
        return pages
    }
}
