import Foundation
import Testing

@testable import CNMMKit

@Suite("Shortcodes")
struct ShortcodeTests {
    let shortcodes = Shortcodes { target, language in
        let pages = ["/level-1": "/level-1/", "level-1": "/level-1/", "/about": "/about/"]
        if language == "de" { return target == "/level-1" ? "/de/level-1/" : nil }
        return pages[target]
    }

    @Test("ref and relref become the target's URL, with either delimiter")
    func resolves() {
        let (text, problems) = shortcodes.expand(
            "[One]({{< ref \"/level-1\" >}}) and [About]({{% relref \"/about\" %}}) {{< ref path=\"/level-1\" lang=\"de\" >}}",
            path: "a.md", firstLine: 1)
        #expect(problems.isEmpty)
        #expect(text == "[One](/level-1/) and [About](/about/) /de/level-1/")
    }

    @Test("a missing target is an error with file and line")
    func missingTarget() throws {
        let (_, problems) = shortcodes.expand("line one\n\nsee {{< ref \"/level-9\" >}}\n", path: "c.md", firstLine: 4)
        let problem = try #require(problems.first)
        #expect(problem.description == "c.md:6: error: ref target '/level-9' is not a page of this site")
    }

    @Test("any other shortcode is an error naming it")
    func unknownShortcode() throws {
        let (_, problems) = shortcodes.expand("{{< youtube id=\"x\" >}}", path: "c.md", firstLine: 1)
        #expect(problems.first?.message.contains("unknown shortcode 'youtube'") == true)
    }

    @Test("Hugo's escaped form stays literal text")
    func escaped() {
        let (text, problems) = shortcodes.expand("Write {{</* ref \"/x\" */>}} to link.", path: "c.md", firstLine: 1)
        #expect(problems.isEmpty)
        #expect(text == "Write {{< ref \"/x\" >}} to link.")
    }

    @Test("ref targets are found by path, relative path, index file and unique name")
    func resolverForms() throws {
        let config = SiteConfig(languages: [Language(code: "en"), Language(code: "de")], defaultLanguage: "en")
        var pages = [
            Page(
                sourcePath: "content/en/level-1/index.md", language: "en", kind: .page, path: "level-1",
                frontMatter: FrontMatter(), body: "", bodyLine: 1),
            Page(
                sourcePath: "content/en/about/_index.md", language: "en", kind: .section, path: "about",
                frontMatter: FrontMatter(), body: "", bodyLine: 1),
            Page(
                sourcePath: "content/en/about/team.md", language: "en", kind: .page, path: "about/team",
                frontMatter: FrontMatter(), body: "", bodyLine: 1),
            Page(
                sourcePath: "content/de/level-1/index.md", language: "de", kind: .page, path: "level-1",
                frontMatter: FrontMatter(), body: "", bodyLine: 1),
        ]
        let (site, problems) = SiteAssembler(config: config).assemble(pages)
        #expect(problems.isEmpty)
        pages = site.pages
        let resolver = RefResolver(site: site)
        let about = try #require(pages.first { $0.path == "about" })
        #expect(resolver.resolve("/level-1", language: "en", from: about) == "/level-1/")
        #expect(resolver.resolve("/level-1/index.md", language: "en", from: about) == "/level-1/")
        #expect(resolver.resolve("/about/_index.md", language: "en", from: about) == "/about/")
        #expect(resolver.resolve("team", language: "en", from: about) == "/about/team/")
        #expect(resolver.resolve("/level-1#people", language: "de", from: about) == "/de/level-1/#people")
        #expect(resolver.resolve("/nothing", language: "en", from: about) == nil)
    }

    @Test("targets are cleaned as URLs are: NFC, lower case, spaces as dashes, .md and index dropped")
    func normalisedTargets() {
        #expect(RefResolver.normalise("/About Us/_index.md") == "about-us")
        #expect(RefResolver.normalise("./a/../Level-1/index") == "level-1")
        // Decomposed Ü (U and a combining diaeresis) becomes the composed, lower-case ü.
        #expect(RefResolver.normalise("/U\u{0308}bersicht Seite") == "\u{00FC}bersicht-seite")
        #expect(RefResolver.normalise("/Ärger") == "ärger")
        // ASCII targets skip Foundation: random mixes of ASCII and not are cleaned as Foundation alone cleans them.
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "B", " ", "/", ".", "-", "Z_", ".MD", "U\u{0308}", "É", "ß", "x y", "\u{00A0}", "İ"]
        for _ in 0..<1000 {
            let target = (0..<Int.random(in: 1...8, using: &generator)).map { _ in pieces.randomElement()! }.joined()
            let expected = target.precomposedStringWithCanonicalMapping.lowercased()
                .replacingOccurrences(of: " ", with: "-")
            #expect(RefResolver.clean(target) == expected, "\(target)")
        }
    }
}
