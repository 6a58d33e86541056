import Foundation
import Testing

@testable import CNMMKit

/// Small broken sites, one per fault: each stops the build with the right message and leaves the
/// previous output byte-identical, or is a warning and the build goes on.
@Suite("Fault catalogue")
struct FaultCatalogueTests {
    static let good: [String: String] = [
        "content/en/_index.md": "---\ntitle: Home\n---\nHome\n",
        "content/en/a.md": "---\ntitle: A\n---\nA\n",
    ]

    /// Builds the good site, adds `broken`, and expects the build to fail with `expected` (path, line, text)
    /// while the output stays as it was.
    func expectFailure(
        _ broken: [String: String], _ expected: [(String, Int, String)],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let site = try TestSite(Self.good)
        defer { site.remove() }
        try site.build()
        let before = try site.snapshot()
        for (path, text) in broken { try site.write(path, text) }
        let failure = try #require(site.failure(), sourceLocation: sourceLocation)
        for (path, line, text) in expected {
            #expect(
                failure.errors.contains { $0.path == path && $0.line == line && $0.message.contains(text) },
                "expected \(path):\(line): …\(text)… in\n\(failure)", sourceLocation: sourceLocation)
        }
        #expect(
            failure.description
                == failure.diagnostics.sorted(by: Diagnostic.sourceOrder).map(\.description).joined(separator: "\n"))
        #expect(try site.snapshot() == before, "the previous output is untouched", sourceLocation: sourceLocation)
    }

    /// Builds the good site plus `extra` and returns the warnings.
    func warnings(_ extra: [String: String], setup: (TestSite) throws -> Void = { _ in }) throws -> [Diagnostic] {
        var files = Self.good
        files.merge(extra) { _, new in new }
        let site = try TestSite(files)
        defer { site.remove() }
        try setup(site)
        return try site.build().warnings
    }

    // MARK: Front matter

    @Test("front matter opened and never closed")
    func unclosed() throws {
        try expectFailure(["content/en/b.md": "---\ntitle: B\nBody\n"], [("content/en/b.md", 1, "never closed")])
    }

    @Test("a YAML syntax error is placed on the .md file's line")
    func yamlSyntax() throws {
        try expectFailure(["content/en/b.md": "---\ntitle: B\nlist: [a, b\n---\n"], [("content/en/b.md", 4, "YAML:")])
    }

    @Test("BOM, CRLF and lone CR keep line numbers right")
    func lineEndings() throws {
        try expectFailure(
            ["content/en/b.md": "\u{FEFF}---\r\ntitle: B\r\nweight: x\r\n---\r\n"], [("content/en/b.md", 3, "weight")])
        try expectFailure(
            ["content/en/c.md": "---\rtitle: C\r\rdraft: maybe\r---\r"], [("content/en/c.md", 4, "draft")])
    }

    @Test("draft: off is text in YAML 1.2, so it is a type error; lang: no and title: 2023 stay text")
    func yaml12() throws {
        try expectFailure(
            ["content/en/b.md": "---\ntitle: B\ndraft: off\n---\n"],
            [("content/en/b.md", 3, "YAML 1.2 reads 'off' as text")])
        let site = try TestSite(
            Self.good.merging(["content/en/b.md": "---\ntitle: 2023\nlang: no\n---\n"]) { _, new in new })
        defer { site.remove() }
        try site.build()
        #expect(try site.read("public/b/index.html").contains("<h1>2023</h1>"))
    }

    @Test("a duplicate key names both lines")
    func duplicateKey() throws {
        try expectFailure(
            ["content/en/b.md": "---\ntitle: B\nweight: 1\ntitle: C\n---\n"], [("content/en/b.md", 4, "lines 2 and 4")])
    }

    @Test("an unknown key close to a known one is a warning with a suggestion")
    func nearMiss() throws {
        let found = try warnings(["content/en/b.md": "---\ntitle: B\ndescripton: x\n---\n"])
        #expect(found.contains { $0.line == 3 && $0.message.contains("did you mean 'description'") })
    }

    @Test("an alias bomb is refused quickly with a clear error")
    func aliasBomb() throws {
        var lines = ["---", "title: Bomb", "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            lines.append("\(name): &\(name) [\(Array(repeating: "*\(previous)", count: 9).joined(separator: ", "))]")
            previous = name
        }
        lines.append("---")
        try expectFailure(
            ["content/en/bomb.md": lines.joined(separator: "\n") + "\n"],
            [("content/en/bomb.md", 8, "expands to more than")])
    }

    @Test("git conflict markers are errors on their lines")
    func conflictMarkers() throws {
        try expectFailure(
            ["content/en/b.md": "---\ntitle: B\n---\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> branch\n"],
            [
                ("content/en/b.md", 4, "conflict marker"), ("content/en/b.md", 6, "conflict marker"),
                ("content/en/b.md", 8, "conflict marker"),
            ])
    }

    @Test("a file of only front matter, an empty file, and --- in a later code block build")
    func oddButFine() throws {
        let site = try TestSite(
            Self.good.merging([
                "content/en/only.md": "---\ntitle: Only\n---\n",
                "content/en/empty.md": "",
                "content/en/code.md": "---\ntitle: Code\n---\n```\n---\nnot: front matter\n---\n```\n",
            ]) { _, new in new })
        defer { site.remove() }
        try site.build()
        #expect(site.exists("public/only/index.html"))
        #expect(try site.read("public/empty/index.html").contains("<h1>empty</h1>"))
        #expect(try site.read("public/code/index.html").contains("not: front matter"))
    }

    // MARK: Markdown

    @Test("deep nesting renders without a crash, even on a thread with a small stack")
    func deepNesting() throws {
        let quotes = String(repeating: ">", count: 10_000) + " deep\n"
        let lists = (0..<500).map { String(repeating: "  ", count: $0) + "- item\n" }.joined()
        let renderer = MarkdownRenderer(icons: [:])
        final class Box: @unchecked Sendable { var lengths: [Int] = [] }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.lengths = [quotes, lists].map { renderer.render($0, path: "a.md", firstLine: 1).html.count }
            done.signal()
        }
        thread.stackSize = 256 * 1024
        thread.start()
        done.wait()
        #expect(box.lengths.allSatisfy { $0 > 0 })
    }

    @Test("pathological brackets and a 5 MB page build")
    func bigInputs() throws {
        let brackets = String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
        let big = String(
            repeating: String(repeating: "Lorem *ipsum* dolor sit amet. ", count: 30) + "\n\n", count: 5_600)
        let site = try TestSite(
            Self.good.merging(["content/en/brackets.md": brackets, "content/en/big.md": big]) { _, new in new })
        defer { site.remove() }
        try site.build()
        #expect(big.utf8.count > 5_000_000)
        #expect(try site.read("public/big/index.html").utf8.count > 5_000_000)
    }

    @Test("invalid UTF-8, NUL bytes and a binary file named .md are errors at the first bad byte")
    func badBytes() throws {
        let site = try TestSite(Self.good)
        defer { site.remove() }
        try site.build()
        let before = try site.snapshot()
        try site.write("content/en/latin1.md", Data("---\ntitle: x\n---\ncaf".utf8) + Data([0xE9, 0x0A]))
        try site.write("content/en/binary.md", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]))
        let failure = try #require(site.failure())
        #expect(failure.errors.contains { $0.path == "content/en/latin1.md" && $0.line == 4 && $0.column == 4 })
        #expect(failure.errors.contains { $0.path == "content/en/binary.md" && $0.message.contains("NUL") })
        #expect(try site.snapshot() == before)
    }

    @Test("link and image URLs and titles with quotes, angle brackets and javascript: are escaped or neutralised")
    func hostileLinks() throws {
        let page = """
            ---
            title: B
            ---
            [x](javascript:alert(1)) [y](<https://example.org/a"b> "t\\"<i>") ![z](JaVaScRiPt:alert(2) "q<")
            """
        let site = try TestSite(Self.good.merging(["content/en/b.md": page]) { _, new in new })
        defer { site.remove() }
        let summary = try site.build()
        let html = try site.read("public/b/index.html")
        #expect(!html.lowercased().contains("javascript:"))
        #expect(html.contains("https://example.org/a%22b"))
        #expect(html.contains("title=\"t&quot;&lt;i&gt;\""))
        #expect(summary.warnings.filter { $0.message.contains("runs script") }.count == 2)
    }

    // MARK: Files and output

    @Test("a symlink out of the site is never read; a symlink loop is reported and does not hang")
    func symlinks() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cnmm-outside-\(UUID().uuidString).md")
        try Data("---\ntitle: Secret\n---\nsecret\n".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        let found = try warnings([:]) { site in
            try FileManager.default.createSymbolicLink(
                at: site.root.appendingPathComponent("content/en/secret.md"), withDestinationURL: outside)
            try FileManager.default.createSymbolicLink(
                at: site.root.appendingPathComponent("content/en/loop"),
                withDestinationURL: site.root.appendingPathComponent("content/en"))
        }
        #expect(found.contains { $0.path == "content/en/secret.md" && $0.message.contains("outside the site") })
        #expect(found.contains { $0.path == "content/en/loop" && $0.message.contains("loops") })
    }

    @Test("names with spaces, #, %, + and non-ASCII get working, NFC, percent-encoded links")
    func oddNames() throws {
        let nfd = "Cafe\u{0301} menu"
        let site = try TestSite(
            Self.good.merging([
                "content/en/\(nfd).md": "---\ntitle: Café\n---\nx\n",
                "content/en/c#1 50%+x.md": "---\ntitle: Odd\n---\nx\n",
                "content/en/links.md": "---\ntitle: Links\n---\n[a]({{< ref \"/café-menu\" >}})\n",
            ]) { _, new in new })
        defer { site.remove() }
        try site.build()
        let html = try site.read("public/links/index.html")
        #expect(html.contains("href=\"/caf%C3%A9-menu/\""), "NFC, lowercased, spaces as -, percent-encoded")
        #expect(html.contains("href=\"/c%231-50%25+x/\""), "the sidebar's link to the odd name")
        #expect(site.exists("public/café-menu/index.html"))
        #expect(site.exists("public/c#1-50%+x/index.html"))
    }

    @Test("Foo.md and foo.md, or index.md and _index.md in one folder, map to one output: an error naming both")
    func collisions() throws {
        try expectFailure(
            ["content/en/Foo.md": "---\ntitle: Foo\n---\n", "content/en/foo.md": "---\ntitle: foo\n---\n"],
            [("content/en/foo.md", 1, "content/en/Foo.md")])
        try expectFailure(
            ["content/en/x/index.md": "---\ntitle: X\n---\n", "content/en/x/_index.md": "---\ntitle: X\n---\n"],
            [("content/en/x/index.md", 1, "content/en/x/_index.md")])
    }

    @Test("a content page where the model generates one is an error, unless it asks for that page's layout")
    func generatedCollision() throws {
        let level = MaturityModelTests.level("Level 1 - Build", weight: 1, MaturityModelTests.all)
        try expectFailure(
            ["content/en/level-1/index.md": level, "content/en/model.md": "---\ntitle: Mine\n---\n"],
            [("content/en/model.md", 1, "cnmm generates the model overview at /model/")])
        // A dimension's page and the list of dimensions: the same rule, naming every source there.
        try expectFailure(
            [
                "content/en/level-1/index.md": level,
                "content/en/dimensions/people.md": "---\ntitle: People\n---\n",
                "content/en/dimensions/_index.md": "---\ntitle: Ours\nlayout: section\n---\n",
            ],
            [
                (
                    "content/en/dimensions/people.md", 1,
                    "cnmm generates the page of the dimension 'people' at /dimensions/people/"
                ),
                (
                    "content/en/dimensions/_index.md", 1,
                    "list of dimensions at /dimensions/, and content/en/dimensions/_index.md is"
                ),
            ])
        let site = try TestSite(
            Self.good.merging([
                "content/en/level-1/index.md": level,
                "content/en/model.md": "---\ntitle: Our overview\nlayout: model\n---\n",
            ]) { _, new in new })
        defer { site.remove() }
        try site.build()
        let html = try site.read("public/model/index.html")
        #expect(html.contains("Our overview"))
        #expect(html.contains("href=\"/level-1/#people\""), "the content page shows the generated overview")
    }

    @Test("editor litter is ignored")
    func litter() throws {
        let site = try TestSite(
            Self.good.merging([
                "content/en/.#a.md": "x", "content/en/a.md~": "x", "content/en/.a.md.swp": "x",
                "content/en/.DS_Store": "x",
                "content/en/4913": "x", "content/en/#a.md#": "x",
            ]) { _, new in new })
        defer { site.remove() }
        try site.build()
        let files = try site.snapshot().keys
        #expect(
            !files.contains { $0.contains("~") || $0.contains("#") || $0.contains("4913") || $0.contains("DS_Store") })
    }

    @Test("a dangling symlink is reported and a folder named like a page is not read as one")
    func unreadable() throws {
        let site = try TestSite(Self.good)
        defer { site.remove() }
        try FileManager.default.createDirectory(
            at: site.root.appendingPathComponent("content/en/folder.md"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("content/en/dangling.md"),
            withDestinationURL: site.root.appendingPathComponent("nowhere.md"))
        let found = try site.build().warnings
        #expect(found.contains { $0.path == "content/en/dangling.md" && $0.message.contains("leads nowhere") })
    }

    // MARK: Languages and templates

    @Test("a content folder for a language not in site.yml is a warning")
    func unknownLanguage() throws {
        let found = try warnings([
            "site.yml": "languages: [en]\n", "content/fr/_index.md": "---\ntitle: Accueil\n---\n",
        ])
        #expect(found.contains { $0.path == "content/fr" && $0.message.contains("not a language of site.yml") })
    }

    @Test("a UI string file with a YAML error names its file and line")
    func stringsYAMLError() throws {
        try expectFailure(["i18n/en.yml": "menu: Menu\nbad: [x\n"], [("i18n/en.yml", 3, "YAML:")])
    }

    @Test("a template syntax error names the template file and line")
    func templateSyntax() throws {
        let site = try TestSite(Self.good)
        defer { site.remove() }
        let theme = site.root.appendingPathComponent("themes/default")
        try FileManager.default.copyItem(at: TestSite.defaultTheme, to: theme)
        try site.build()
        let before = try site.snapshot()
        try site.write("themes/default/layouts/page.mustache", "<p>\n{{#page}}\n{{title}}\n{{/pag}}\n")
        let failure = try #require(site.failure())
        #expect(failure.errors.contains { $0.path == "themes/default/layouts/page.mustache" && $0.line == 4 })
        #expect(try site.snapshot() == before)
    }

    @Test("a partial that includes itself with nothing to stop it is an error with the chain, not a hang")
    func selfIncludingPartial() throws {
        let site = try TestSite(Self.good)
        defer { site.remove() }
        try FileManager.default.copyItem(
            at: TestSite.defaultTheme, to: site.root.appendingPathComponent("themes/default"))
        try site.write("themes/default/layouts/partials/footer.mustache", "<footer>{{> partials/loop}}</footer>")
        try site.write("themes/default/layouts/partials/loop.mustache", "x{{> partials/footer}}")
        let failure = try #require(site.failure())
        #expect(failure.errors.contains { $0.message.contains("partials/footer → partials/loop → partials/footer") })
    }

    @Test("a layout named in front matter that the theme lacks is a warning, and the default layout is used")
    func missingLayout() throws {
        let found = try warnings(["content/en/b.md": "---\ntitle: B\nlayout: fancy\n---\nB\n"])
        #expect(
            found.contains { $0.path == "content/en/b.md" && $0.message.contains("layout 'fancy' is not in the theme") }
        )
    }
}
