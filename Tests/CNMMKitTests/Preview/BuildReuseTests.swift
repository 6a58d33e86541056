import Foundation
import Testing

@testable import CNMMKit

@Suite("Build reuse")
struct BuildReuseTests {
    @Test("git's answers are kept until the repository's HEAD, index or reflog changes; a diff until its file changes")
    func git() throws {
        let site = try TestSite([
            ".git/HEAD": "ref: refs/heads/main\n", ".git/index": "1", ".git/logs/HEAD": "a\n",
            "content/en/a.md": "---\ntitle: A\n---\n",
        ])
        defer { site.remove() }
        let reuse = BuildReuse(options: site.options())
        let counter = Counter()
        let log = { reuse.gitOutput(["log"]) { counter.next() } }
        let diff = {
            reuse.gitOutput(["diff", "-U0", "--no-color", "abc", "--", "content/en/a.md"]) { counter.next() }
        }
        #expect(log() == "1")
        #expect(log() == "1")
        #expect(diff() == "2")
        reuse.forget(changed: [site.root.appendingPathComponent("content/en/b.md").path])
        #expect(diff() == "2")
        reuse.forget(changed: [site.root.appendingPathComponent("content/en/a.md").path])
        #expect(diff() == "3")
        #expect(log() == "1")
        try site.write(".git/logs/HEAD", "a\nb\n")
        #expect(log() == "4")
    }

    @Test("a changed folder (the watcher's fallback to polling, lost events) forgets the diffs of the files in it")
    func changedFolder() throws {
        let site = try TestSite([".git/HEAD": "ref: refs/heads/main\n", "content/en/a.md": "---\ntitle: A\n---\n"])
        defer { site.remove() }
        let reuse = BuildReuse(options: site.options())
        let counter = Counter()
        let diff = {
            reuse.gitOutput(["diff", "-U0", "--no-color", "abc", "--", "content/en/a.md"]) { counter.next() }
        }
        #expect(diff() == "1")
        reuse.forget(changed: [site.root.appendingPathComponent("content/e").path])
        #expect(diff() == "1")
        reuse.forget(changed: [site.root.appendingPathComponent("content").path])
        #expect(diff() == "2")
    }

    @Test("a page's Markdown is rendered again only when its text changed or a page it may link to moved")
    func markdown() throws {
        let site = try TestSite([
            "content/en/a.md": "---\ntitle: A\n---\nSee [B]({{< ref \"b\" >}}).\n",
            "content/en/b.md": "---\ntitle: B\n---\nText of B.\n",
            "content/en/c.md": "---\ntitle: C\n---\nText of C.\n",
        ])
        defer { site.remove() }
        let reuse = BuildReuse(options: site.options())
        func build() throws -> (made: Int, html: String) {
            let rendered = try SiteBuilder(options: site.options(), reuse: reuse).render()
            let made = reuse.markdown.endBuild(complete: true).made
            _ = reuse.pages.endBuild()
            let page = try #require(rendered.site.pages.first { $0.sourcePath == "content/en/a.md" })
            return (made, page.html)
        }
        #expect(try build().made == 3)
        #expect(try build().made == 0, "nothing changed")
        try site.write("content/en/c.md", "---\ntitle: C\n---\nNew text of C.\n")
        #expect(try build().made == 1, "only the edited page")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/en/b.md"))
        try site.write("content/en/elsewhere/b.md", "---\ntitle: B\n---\nText of B.\n")
        // As the preview's watcher would: files came and went.
        reuse.forget(
            changed: Set(["content/en/b.md", "content/en/elsewhere"].map { site.root.appendingPathComponent($0).path }))
        let moved = try build()
        #expect(moved.made == 3, "a page moved: every page's links may have (b.md itself is new)")
        #expect(moved.html.contains("href=\"/elsewhere/b/\""))
    }

    @Test("a git worktree's .git file leads to its git folder")
    func worktree() throws {
        let site = try TestSite([
            ".git": "gitdir: elsewhere/worktrees/site\n", "elsewhere/worktrees/site/HEAD": "x",
            "elsewhere/worktrees/site/index": "1",
        ])
        defer { site.remove() }
        let reuse = BuildReuse(options: site.options())
        let counter = Counter()
        #expect(reuse.gitOutput(["log"]) { counter.next() } == "1")
        #expect(reuse.gitOutput(["log"]) { counter.next() } == "1")
        try site.write("elsewhere/worktrees/site/index", "22")
        #expect(reuse.gitOutput(["log"]) { counter.next() } == "2")
    }

    @Test("the theme is loaded once, and again after a file of the theme or of the site's i18n/ changed")
    func theme() throws {
        let site = try TestSite(["content/en/_index.md": "---\ntitle: Home\n---\n"])
        defer { site.remove() }
        let reuse = BuildReuse(options: site.options())
        let first = try reuse.theme()
        let root = site.options().themeFolder
        reuse.forget(changed: [site.root.appendingPathComponent("content/en/_index.md").path])
        #expect(try reuse.theme().templateNames == first.templateNames)
        #expect(reuse.isThemeCached)
        reuse.forget(changed: [root.appendingPathComponent("layouts/page.mustache").path])
        #expect(!reuse.isThemeCached)
        _ = try reuse.theme()
        reuse.forget(changed: [site.root.appendingPathComponent("i18n/de.yml").path])
        #expect(!reuse.isThemeCached)
    }

    @Test("the link check takes over pages whose links were fine, and sees a link another page's change broke")
    func linkCheck() throws {
        let site = try TestSite([
            "content/en/_index.md": "---\ntitle: Home\n---\nSee [the step](/a/#step).\n",
            "content/en/a.md": "---\ntitle: A\n---\n## Step\n\nText.\n",
            "content/en/b.md": "---\ntitle: B\n---\nA [broken](/nowhere/) link.\n",
        ])
        defer { site.remove() }
        let reuse = BuildReuse(options: site.options())
        var clean = (made: 0, reused: 0)
        func problems() -> [Diagnostic] {
            defer {
                clean = reuse.cleanLinks.endBuild(complete: true)
                reuse.endBuild(complete: true)
            }
            do {
                _ = try SiteBuilder(options: site.options(), reuse: reuse).render()
                return []
            } catch let failure as BuildFailure {
                return failure.errors
            } catch {
                return [.error("", "\(error)")]
            }
        }
        #expect(problems().map(\.path) == ["content/en/b.md"])
        #expect(clean.made > 0 && clean.reused == 0)
        #expect(problems().map(\.path) == ["content/en/b.md"], "a page with a problem is checked again")
        #expect(clean.made == 0 && clean.reused > 0, "unchanged clean pages are taken over (\(clean))")
        try site.write("content/en/a.md", "---\ntitle: A\n---\n## Next step\n\nText.\n")
        reuse.forget(changed: [site.root.appendingPathComponent("content/en/a.md").path])
        let after = problems()
        #expect(after.contains { $0.path == "content/en/_index.md" && $0.message.contains("'#step'") })
        #expect(after.contains { $0.path == "content/en/b.md" })
    }

    final class Counter: @unchecked Sendable {
        private var value = 0
        func next() -> String {
            value += 1
            return String(value)
        }
    }
}
