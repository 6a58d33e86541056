import Foundation
import Testing

@testable import CNMMKit

/// Builds the real site's content tree (`Tests/CNMMKitTests/Fixtures/cartografos-v3`, a copy kept with its licence).
@Suite("The real site")
struct CorpusTests {
    static let corpus = TestSite.repositoryRoot.appendingPathComponent("Tests/CNMMKitTests/Fixtures/cartografos-v3")

    @Test(
        "builds unchanged with no errors: 5 × 5 overview, dimension and topic pages in both languages, every link resolving"
    )
    func buildsTheModel() throws {
        try #require(
            FileManager.default.fileExists(atPath: Self.corpus.path),
            "the fixture copy of the real site is part of the repository")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("cnmm-corpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let options = BuildOptions(
            sourceRoot: Self.corpus, themePath: TestSite.defaultTheme.path, outputPath: output.path)
        let rendered = try SiteBuilder(options: options).render()
        #expect(LinkChecker(site: rendered.site).check(rendered.files).isEmpty)
        for language in ["en", "de"] {
            let model = try #require(rendered.site.models[language])
            #expect(model.levels.map(\.number) == [1, 2, 3, 4, 5])
            #expect(model.levels.allSatisfy { $0.cells.count == 5 }, "every level has all five dimensions")
            let generated = rendered.site.pages.filter { $0.language == language && $0.generated != nil }
            let dimensionPages = generated.filter { if case .dimension = $0.generated { true } else { false } }
            let topicPages = generated.filter { if case .topic = $0.generated { true } else { false } }
            #expect(dimensionPages.count == 5)
            #expect(topicPages.count >= 10)
        }
        let paths = Set(rendered.files.map(\.path))
        #expect(paths.contains("dimensions/people/security/index.html"))
        #expect(paths.contains("de/dimensions/people/sicherheit/index.html"))
        #expect(paths.contains("dimensions/process/cicd/index.html"))
        // The real site's GFM table renders as a table, and its icons as SVG.
        let home = rendered.files.first { $0.path == "index.html" }
        if case .data(let data)? = home?.content { #expect(String(decoding: data, as: UTF8.self).contains("<table>")) }
        let level = rendered.files.first { $0.path == "level-3/index.html" }
        if case .data(let data)? = level?.content {
            #expect(String(decoding: data, as: UTF8.self).contains("<svg class=\"icon icon-users\""))
        }
    }
}
