import Foundation
import Testing

@testable import CNMMKit

/// Issue #9, fault 2: a file the watcher sees half-written, then completed.
///
/// The file is cut the way a save that has not finished leaves it (in place, same file), the
/// watcher sees it, and the rest is appended as the save goes on.
@Suite("Preview server: half-written saves")
struct HalfWrittenSaveTests {
    static let reading = "content/en/guide/reading.md"

    /// A save cut short: the bytes on disk at first, the rest appended later, and the problem the page shows meanwhile.
    struct Cut: Sendable, CustomTestStringConvertible {
        var name: String
        var first: [UInt8]
        var rest: [UInt8]
        var problem: String
        var testDescription: String { name }
    }

    static let neverClosed =
        "content/en/guide/reading.md:1:1: error: front matter opened here is never closed (add a line '---' after it)"

    static let cuts = [
        Cut(
            name: "cut in the middle of the YAML", first: Array("---\ntitle: Reading Ag".utf8),
            rest: Array("ain\n---\nDone.\n".utf8), problem: neverClosed),
        Cut(
            name: "cut in the closing line", first: Array("---\ntitle: Reading Again\n--".utf8),
            rest: Array("-\nDone.\n".utf8), problem: neverClosed),
        Cut(
            name: "cut inside a UTF-8 character", first: Array("---\ntitle: Reading Again\n---\nGr".utf8) + [0xC3],
            rest: [0xBC] + Array("ße. Done.\n".utf8),
            problem: "content/en/guide/reading.md:4:3: error: invalid UTF-8 (byte 0xc3)"),
    ]

    @Test(
        "a half-written save shows the escaped error page with file:line; completing it brings the site back",
        arguments: cuts, [false, true])
    func halfWritten(cut: Cut, poll: Bool) async throws {
        let site = try TestSite.goldenCopy()
        defer { site.remove() }
        let page = "/golden/guide/reading/"
        let shown = "<li><code>\(SafeText.html(cut.problem))</code></li>"
        try await RunningPreview.serve(site, poll: poll) { server in
            let (events, _) = try await server.events()
            defer { events.close() }
            try site.overwrite(Self.reading, cut.first)
            let broken = try await server.reloads(events, until: page) { $0.text.contains(shown) }
            #expect(broken.response.status == 500)
            #expect(broken.response.header("Content-Type") == "text/html; charset=utf-8")
            #expect(!broken.response.text.contains(site.root.path))
            #expect(broken.build.problems == [cut.problem])
            #expect(try await server.request("/golden/").status == 500)
            #expect(try await server.request("/golden/site.css").status == 200, "the last good site's assets")

            try site.append(Self.reading, cut.rest)
            let fixed = try await server.reloads(events, until: page) { $0.status == 200 }
            #expect(fixed.build.succeeded)
            #expect(fixed.response.text.contains("<h1>Reading Again</h1>"))
            #expect(fixed.response.text.contains("Done."))
            #expect(fixed.response.text.contains("const v=\"\(fixed.reload.data)\""))
        }
    }

    @Test(
        "files truncated to zero bytes are an empty page and an empty file, not a failure; written again, they are back",
        arguments: [false, true])
    func truncated(poll: Bool) async throws {
        let site = try TestSite.goldenCopy()
        defer { site.remove() }
        let (page, humans) = ("/golden/guide/reading/", "static/humans.txt")
        let originals = try [Self.reading, humans].map { try Data(contentsOf: site.root.appendingPathComponent($0)) }
        try await RunningPreview.serve(site, poll: poll) { server in
            let (events, _) = try await server.events()
            defer { events.close() }
            try site.overwrite(Self.reading, [])
            let empty = try await server.reloads(events, until: page) { !$0.text.contains("Step one") }
            #expect(empty.build.succeeded)
            #expect(empty.response.status == 200)
            #expect(empty.response.text.contains("<h1>reading</h1>"), "an empty page is titled by its file name")
            try site.overwrite(humans, [])
            let emptyFile = try await server.reloads(events, until: "/golden/humans.txt") { $0.body != originals[1] }
            #expect(emptyFile.response.status == 200)
            #expect(emptyFile.response.body.isEmpty)

            try site.overwrite(Self.reading, Array(originals[0]))
            let back = try await server.reloads(events, until: page) { $0.text.contains("Step one") }
            #expect(back.response.text.contains("<h1>Reading</h1>"))
            try site.overwrite(humans, Array(originals[1]))
            let file = try await server.reloads(events, until: "/golden/humans.txt") { !$0.body.isEmpty }
            #expect(file.response.body == originals[1])
        }
    }
}

extension TestSite {
    /// Replaces a file's bytes in place (the same file, truncated and written), as an editor without atomic saves does.
    func overwrite(_ path: String, _ bytes: [UInt8]) throws {
        let handle = try FileHandle(forWritingTo: root.appendingPathComponent(path))
        defer { try? handle.close() }
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: bytes)
    }

    /// Adds bytes at the end of a file: the rest of a save that was cut short.
    func append(_ path: String, _ bytes: [UInt8]) throws {
        let handle = try FileHandle(forWritingTo: root.appendingPathComponent(path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: bytes)
    }
}
