import Foundation
import Testing

@testable import CNMMKit

@Suite("Walk memo")
struct WalkMemoTests {
    @Test("a listing is kept while saves change files only, and walked again when a file comes or goes")
    func keptAndDropped() throws {
        let site = try TestSite([
            "content/en/_index.md": "---\ntitle: Home\n---\n", "content/en/a/index.md": "---\ntitle: A\n---\n",
        ])
        defer { site.remove() }
        let walker = FileWalker(root: site.root.appendingPathComponent("content/en"), within: site.root)
        let folder = walker.root.standardizedFileURL.path
        let memo = WalkMemo()
        #expect(memo.listing(of: walker).files == ["_index.md", "a/index.md"])

        // A file the memo was not told of is not seen: the listing is the kept one.
        try site.write("content/en/b.md", "---\ntitle: B\n---\n")
        #expect(memo.listing(of: walker).files == ["_index.md", "a/index.md"])
        // Told of a save of a listed file, and of paths the walker never looks at: kept.
        memo.forget(changed: [folder + "/a/index.md", folder + "/a/.index.md.swp", folder + "/a/4913"])
        #expect(memo.listing(of: walker).files == ["_index.md", "a/index.md"])
        // Told of the new file: walked again.
        memo.forget(changed: [folder + "/b.md"])
        #expect(memo.listing(of: walker).files == ["_index.md", "a/index.md", "b.md"])

        // A temporary file that came and went is no change; a removed file or folder is.
        memo.forget(changed: [folder + "/a/index.md.tmp"])
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/en/a"))
        #expect(memo.listing(of: walker).files == ["_index.md", "a/index.md", "b.md"])
        memo.forget(changed: [folder + "/a"])
        #expect(memo.listing(of: walker).files == ["_index.md", "b.md"])

        // A listed file replaced by a folder, and the content folder itself, make it walk again.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/en/b.md"))
        try site.write("content/en/b.md/index.md", "---\ntitle: B\n---\n")
        memo.forget(changed: [folder + "/b.md"])
        #expect(memo.listing(of: walker).files == ["_index.md", "b.md/index.md"])
        try site.write("content/en/c.md", "---\ntitle: C\n---\n")
        memo.forget(changed: [folder])
        #expect(memo.listing(of: walker).files == ["_index.md", "b.md/index.md", "c.md"])
    }

    @Test("a walk that met a symbolic link is never kept")
    func links() throws {
        let site = try TestSite([
            "content/en/_index.md": "---\ntitle: Home\n---\n", "shared/a.md": "---\ntitle: A\n---\n",
        ])
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("content/en/a.md"),
            withDestinationURL: site.root.appendingPathComponent("shared/a.md"))
        let walker = FileWalker(root: site.root.appendingPathComponent("content/en"), within: site.root)
        let memo = WalkMemo()
        #expect(memo.listing(of: walker).files == ["_index.md", "a.md"])
        try site.write("content/en/b.md", "---\ntitle: B\n---\n")
        #expect(memo.listing(of: walker).files == ["_index.md", "a.md", "b.md"])
    }

    @Test("the preview walks again after a change named in a form other than the source folder's")
    func unknownForm() throws {
        let site = try TestSite(["content/en/_index.md": "---\ntitle: Home\n---\n"])
        defer { site.remove() }
        let reuse = BuildReuse(options: site.options())
        let walker = FileWalker(root: site.root.appendingPathComponent("content/en"), within: site.root)
        #expect(reuse.walks.listing(of: walker).files == ["_index.md"])
        try site.write("content/en/b.md", "---\ntitle: B\n---\n")
        reuse.forget(changed: ["/elsewhere/content/en/b.md"])
        #expect(reuse.walks.listing(of: walker).files == ["_index.md", "b.md"])
    }
}
