import Foundation
import Testing

@testable import CNMMKit

/// Deep links into the live site keep working when cnmm builds it: every heading id Hugo 0.168 writes on the real
/// site's pages (`Fixtures/hugo-anchors.json`, made by `bench/hugo-anchors.sh`) is an id of the same page here.
@Suite("Hugo's heading ids on the real site")
struct HugoAnchorSiteTests {
    static let fixtures = TestSite.repositoryRoot.appendingPathComponent("Tests/CNMMKitTests/Fixtures")

    /// The real site's fixture copied into a fresh folder (builds write nothing into the repository).
    static func realSite() throws -> TestSite {
        let site = try TestSite([:])
        let source = fixtures.appendingPathComponent("cartografos-v3")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(name), to: site.root.appendingPathComponent(name))
        }
        return site
    }

    @Test("every id Hugo gives a heading of the real site (English and German) is an id of that page")
    func everyHugoIDResolves() throws {
        let expected = try JSONDecoder().decode(
            [String: [String]].self, from: Data(contentsOf: Self.fixtures.appendingPathComponent("hugo-anchors.json")))
        let site = try Self.realSite()
        defer { site.remove() }
        let rendered = try SiteBuilder(options: site.options()).render()
        var pages: [String: Data] = [:]
        for file in rendered.files {
            if case .data(let data) = file.content { pages[file.path] = data }
        }
        var checked = 0
        for (source, ids) in expected {
            let page = try #require(
                rendered.site.pages.first { $0.sourcePath == source && $0.fallbackFrom == nil }, "\(source)")
            let path = SiteRenderer.outputPath(url: page.url, basePath: rendered.site.config.basePath)
            let html = try #require(pages[path], "\(path)")
            let found = LinkChecker.anchors(in: html).ids
            let missing = ids.filter { !found.contains($0) }
            #expect(missing.isEmpty, "\(source): \(missing)")
            checked += ids.count
        }
        #expect(checked > 300)
        // The German level pages: the dimension keeps its neutral id, Hugo's sits beside it.
        let german = try #require(pages["de/level-3/index.html"])
        let text = String(decoding: german, as: UTF8.self)
        #expect(text.contains("<h2 id=\"people\"><span class=\"heading-alias\" id=\"mitarbeiter\"></span>"))
        #expect(text.contains("id=\"sicherheit-1\""))
    }

    /// `Fixtures/hugo-pages.txt` lists the HTML files Hugo 0.168 writes for the fixture (with the benchmark's theme,
    /// bench/hugo-theme, as bench/hugo-anchors.sh builds it): `find . -name '*.html' | sort` in its output.
    @Test("every page Hugo writes for the real site is a page here too (/en/ included, as a redirect)")
    func everyHugoPageExists() throws {
        let expected = try String(
            contentsOf: Self.fixtures.appendingPathComponent("hugo-pages.txt"), encoding: .utf8
        ).split(separator: "\n").map(String.init)
        #expect(expected.count >= 20)
        let site = try Self.realSite()
        defer { site.remove() }
        let rendered = try SiteBuilder(options: site.options()).render()
        let paths = Set(rendered.files.map(\.path))
        let missing = expected.filter { !paths.contains($0) }
        #expect(missing.isEmpty, "\(missing)")
    }

    @Test("links written with Hugo's ids resolve, from the page itself and from another")
    func linksWithHugoIDs() throws {
        let level = { (number: Int, extra: String) in
            """
            ---
            title: Level \(number)
            weight: \(number)
            ---
            ## <i class="fas fa-users"></i> People

            \(extra)

            ### Culture

            Text.
            """
        }
        let site = try TestSite([
            "content/en/_index.md": "---\ntitle: Home\n---\nSee [culture](level-1/#culture).\n",
            "content/en/level-1/index.md": level(1, "Read [culture](#culture) and [two](../level-2/#culture)."),
            "content/en/level-2/index.md": level(2, "Back to [one](../level-1/index.md#culture)."),
        ])
        defer { site.remove() }
        let summary = try site.build()
        #expect(!summary.warnings.contains { $0.message.contains("link") })
        let dimension = try site.read("public/dimensions/people/index.html")
        #expect(dimension.contains("<a href=\"/level-1/#culture\">culture</a>"))
        #expect(dimension.contains("<a href=\"/level-2/#culture\">two</a>"))
        #expect(!dimension.contains("id=\"culture\""), "the shown sections' headings carry prefixed ids only")
    }
}
