import Foundation
import Testing

@testable import CNMMKit

@Suite("File stamps")
struct FileStampTests {
    @Test("a stamp stays while the file is untouched and changes with a save of the same size")
    func stamps() throws {
        let site = try TestSite(["content/en/a.md": "---\ntitle: A\n---\nOne.\n"])
        defer { site.remove() }
        let path = site.root.appendingPathComponent("content/en/a.md").path
        let first = try #require(FileStamp(path: path, trustedBefore: .max))
        #expect(FileStamp(path: path, trustedBefore: .max) == first)
        Thread.sleep(forTimeInterval: 0.05)
        try site.write("content/en/a.md", "---\ntitle: A\n---\nTwo.\n")
        #expect(FileStamp(path: path, trustedBefore: .max) != first)
        #expect(FileStamp(path: path, trustedBefore: FileStamp.now()) == nil, "a file saved just now gets none")
        #expect(FileStamp(path: path + ".missing", trustedBefore: .max) == nil)
    }

    @Test("the loader takes stamped files over and reads a file saved since")
    func loader() throws {
        let site = try TestSite([
            "content/en/_index.md": "---\ntitle: Home\n---\n", "content/en/a.md": "---\ntitle: A\n---\nOne.\n",
        ])
        defer { site.remove() }
        let (files, stamps) = (ReuseTable<Data, ContentLoader.Result>(), ReuseTable<FileStamp, ContentLoader.Result>())
        func load() -> [String: String] {
            let loader = ContentLoader(
                sourceRoot: site.root, languages: [Language(code: "en")], includeDrafts: false, memo: files,
                stamps: stamps, stampedBefore: .max)
            return Dictionary(uniqueKeysWithValues: loader.load().pages.map { ($0.sourcePath, $0.body) })
        }
        #expect(load()["content/en/a.md"] == "One.\n")
        #expect(stamps.endBuild(complete: true).made == 2)
        #expect(load()["content/en/a.md"] == "One.\n")
        #expect(stamps.endBuild(complete: true) == (made: 0, reused: 2))
        Thread.sleep(forTimeInterval: 0.05)
        try site.write("content/en/a.md", "---\ntitle: A\n---\nTwo.\n")
        #expect(load()["content/en/a.md"] == "Two.\n")
        #expect(stamps.endBuild(complete: true) == (made: 1, reused: 1))
    }
}
