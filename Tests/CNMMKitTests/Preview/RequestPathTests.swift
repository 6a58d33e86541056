import Foundation
import Testing

@testable import CNMMKit

@Suite("Request paths")
struct RequestPathTests {
    @Test(
        "site paths decode to the file they name",
        arguments: [
            ("/", "index.html"), ("/de/level-1/", "de/level-1/index.html"), ("/site.css", "site.css"),
            ("/images/a%20b.png", "images/a b.png"), ("/%C3%BCber/", "über/index.html"), ("/level-1", "level-1"),
        ])
    func decodes(raw: String, file: String) {
        #expect(RequestPath(raw)?.filePath == file)
    }

    @Test(
        "anything that could leave the site is refused",
        arguments: [
            "", "x", "/..", "/../etc/passwd", "/a/../b", "/./a", "/a//b", "//etc/passwd", "/%2e%2e/x", "/%2E%2e/",
            "/.%2e/x", "/a%2fb", "/a%2Fb", "/a\\b", "/a%5cb", "/a%00b", "/a%0ab", "/a%7fb", "/%252e%252e/x", "/a%25",
            "/%", "/%2", "/%zz", "/%c0%ae%c0%ae/", "/%ff", "/%EF%BB%BF..", "/%ef%bb%bf./x", "/\u{FEFF}../etc/passwd",
        ])
    func refuses(raw: String) {
        #expect(RequestPath(raw) == nil, "\(raw)")
    }

    @Test("the snapshot answers files, folder redirects, the 404 page, and the error page while broken")
    func answers() {
        let file = ServedFile(path: "x.html", bytes: Data("x".utf8))
        var snapshot = PreviewSnapshot(
            version: "v-1", files: ["index.html": file, "a/index.html": file, "404.html": file, "s.css": file],
            basePath: "/base/", failure: nil)
        #expect(snapshot.answer(for: "/base/") == .file(path: "index.html", status: 200))
        #expect(snapshot.answer(for: "/base/a/") == .file(path: "a/index.html", status: 200))
        #expect(snapshot.answer(for: "/base/a") == .redirect("/base/a/"))
        #expect(snapshot.answer(for: "/base") == .redirect("/base/"))
        #expect(snapshot.answer(for: "/") == .redirect("/base/"))
        #expect(snapshot.answer(for: "/base/../base/a/") == .file(path: "404.html", status: 404))
        #expect(snapshot.answer(for: "/other/") == .file(path: "404.html", status: 404))
        snapshot.failure = file
        #expect(snapshot.answer(for: "/base/a/") == .file(path: PreviewSnapshot.errorPath, status: 500))
        #expect(snapshot.answer(for: "/base/s.css") == .file(path: "s.css", status: 200))
        #expect(snapshot.answer(for: "/base/missing.png") == .file(path: PreviewSnapshot.errorPath, status: 500))
    }
}
