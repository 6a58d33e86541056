import Foundation
import Testing

@testable import CNMMKit

/// A language's content folder named in site.yml (`contentDir`, as Hugo names it): any one folder inside content/.
@Suite("Content folders")
struct ContentDirTests {
    @Test("a language reads its pages from its contentDir, and that folder is no unknown language")
    func namedFolder() throws {
        let site = try TestSite([
            "site.yml": "languages:\n  - code: en\n    contentDir: ./content/english/\n  - code: de\n",
            "content/english/_index.md": "---\ntitle: Home\n---\n",
            "content/english/about.md": "---\ntitle: About\n---\n",
            "content/de/_index.md": "---\ntitle: Start\n---\n",
        ])
        defer { site.remove() }
        let summary = try site.build(strict: true)
        #expect(summary.warnings.isEmpty)
        #expect(summary.pagesPerLanguage.map(\.0) == ["en", "de"])
        #expect(site.exists("public/about/index.html"))
    }

    @Test("contentDir is kept as content/<folder>; anything else is not one folder inside content/")
    func normalised() {
        #expect(Language.contentDir("content/en") == "content/en")
        #expect(Language.contentDir("./content/english/") == "content/english")
        for outside in ["docs/en", "content", "content/a/b", "content/.hidden", "../content/en", "/content/en"] {
            #expect(Language.contentDir(outside) == nil, "\(outside)")
        }
    }

    @Test("a contentDir outside content/ is an error at its language's line")
    func outside() throws {
        let site = try TestSite([
            "site.yml": "languages:\n  - code: en\n    contentDir: docs/en\n",
            "content/en/_index.md": "---\ntitle: Home\n---\n",
        ])
        defer { site.remove() }
        let failure = try #require(site.failure())
        #expect(
            failure.errors.map(\.description) == [
                "site.yml:2: error: contentDir 'docs/en' of language 'en': each language is one folder inside content/"
            ])
    }
}
