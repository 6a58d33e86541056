import Foundation
import Testing

@testable import CNMMKit

@Suite("Output")
struct OutputTests {
    static let site: [String: String] = [
        "content/en/_index.md": "---\ntitle: Home\n---\nHello\n",
        "content/en/a.md": "---\ntitle: A\n---\nA page\n",
        "content/en/b.md": "---\ntitle: B\n---\nB page\n",
    ]

    @Test("a build that fails leaves the previous output byte-identical")
    func failedBuildKeepsOutput() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        try site.build()
        let before = try site.snapshot()
        try site.write("content/en/a.md", "---\ntitle: A changed\n---\nChanged\n")
        try site.write("content/en/c.md", "---\nweight: many\n---\n")
        #expect(site.failure() != nil)
        #expect(try site.snapshot() == before)
    }

    @Test("a render failure late in the pipeline leaves the output intact too")
    func lateFailureKeepsOutput() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        try site.build()
        let before = try site.snapshot()
        try site.write("content/en/b.md", "---\ntitle: B\n---\n{{< ref \"/nowhere\" >}}\n")
        #expect(site.failure() != nil)
        #expect(try site.snapshot() == before)
        let parent = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
        #expect(!parent.contains { $0.contains("staging") }, "the staging folder is cleaned up")
    }

    @Test("files someone else put in the output survive; stale files of an earlier build go")
    func manifest() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        try site.build()
        try site.write("public/CNAME", "example.org\n")
        try site.write("public/.git/HEAD", "ref: refs/heads/gh-pages\n")
        try site.write("public/b/notes.txt", "mine\n")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/en/a.md"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/en/b.md"))
        try site.build()
        #expect(!site.exists("public/a/index.html"))
        #expect(!site.exists("public/a"), "a folder emptied by the build is removed")
        #expect(!site.exists("public/b/index.html"))
        #expect(site.exists("public/b/notes.txt"))
        #expect(site.exists("public/CNAME"))
        #expect(site.exists("public/.git/HEAD"))
    }

    @Test("a file or folder an earlier build wrote gives way to a folder or file of this one; someone else's does not")
    func typeChanges() throws {
        var files = Self.site
        files["static/x.txt"] = "a file\n"
        files["static/d/y.txt"] = "in a folder\n"
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build()
        for path in ["static/x.txt", "static/d"] {
            try FileManager.default.removeItem(at: site.root.appendingPathComponent(path))
        }
        try site.write("static/x.txt/z.txt", "now a folder\n")
        try site.write("static/d", "now a file\n")
        try site.build()
        #expect(try site.read("public/x.txt/z.txt") == "now a folder\n")
        #expect(try site.read("public/d") == "now a file\n")

        // Back again, with a file of someone else's in the folder that would have to go: an error, nothing moved.
        try site.write("public/x.txt/mine.txt", "mine\n")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("static/x.txt"))
        try site.write("static/x.txt", "a file again\n")
        let before = try site.snapshot()
        let failure = try #require(site.failure())
        #expect(
            failure.errors.contains { $0.path == "public/x.txt" && $0.message.contains("is a folder in the output") })
        #expect(try site.snapshot() == before)
        #expect(try site.read("public/x.txt/mine.txt") == "mine\n")
    }

    @Test("two builds of the same input give byte-identical output")
    func deterministic() throws {
        var files = Self.site
        files["content/de/a.md"] = "---\ntitle: A de\n---\nText\n"
        files["content/en/level/index.md"] = "## <i class=\"fas fa-users\"></i> People\n\n| a |\n|---|\n| 1 |\n"
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build(output: "one")
        try site.build(output: "two")
        let one = try site.snapshot("one")
        let two = try site.snapshot("two")
        #expect(one.count > 5)
        #expect(one == two)
    }

    @Test(
        "an output folder that is or holds the sources is refused before anything is touched",
        arguments: [
            ".", "..", "content", "content/en/out", "static", "themes/default", "themes",
        ])
    func refusedOutput(output: String) throws {
        var files = Self.site
        files["static/x.txt"] = "x"
        files["themes/default/layouts/page.mustache"] = "x"
        let site = try TestSite(files)
        defer { site.remove() }
        let before = try site.snapshot(".")
        #expect(throws: BuildFailure.self) {
            try SiteBuilder(options: site.options(output: output)).build()
        }
        #expect(try site.snapshot(".") == before)
    }
}
