import Foundation
import Testing

@testable import CNMMKit

/// Issue #9, fault 1: a request during a rebuild is answered from the last complete build.
///
/// The rebuild is held in its middle (rendered, half of its files in the next snapshot) through
/// `PreviewHooks.midBuild`; the test learns that it is held from the hook itself, never from a wait.
@Suite("Preview server: requests during a rebuild")
struct HeldRebuildTests {
    static let reading = "content/en/guide/reading.md"

    @Test("while a rebuild is held half-way every file of the last build is served as it was; after the reload the new")
    func heldRebuild() async throws {
        let site = try TestSite.goldenCopy()
        defer { site.remove() }
        let paths = try SiteBuilder(options: site.options()).render().files.map(\.path).sorted()
        let hold = BuildHold()
        try await RunningPreview.serve(site, hooks: hold.hooks) { server in
            defer { hold.release() }
            let (events, hello) = try await server.events()
            defer { events.close() }
            var before: [String: Data] = [:]
            for path in paths {
                let response = try await server.request("/golden/" + path)
                #expect(response.status == 200, "\(path)")
                before[path] = response.body
            }
            #expect(try #require(before["guide/reading/index.html"]).count > 0)

            // One save changes a page, removes one, adds one; its rebuild stops half-way.
            hold.arm()
            try site.write("content/en/_index.md", "---\ntitle: Golden Model\n---\nHome, rewritten.\n")
            try FileManager.default.removeItem(at: site.root.appendingPathComponent(Self.reading))
            try site.write("content/en/guide/writing.md", "---\ntitle: Writing\n---\nNew.\n")
            try await hold.reached()

            for path in paths {
                let response = try await server.request("/golden/" + path)
                #expect(response.status == 200, "\(path) while the rebuild is held")
                #expect(response.body == before[path], "\(path) differs from the last complete build")
            }
            #expect(try await server.request("/golden/guide/writing/").status == 404)
            let (late, lateHello) = try await server.events()
            late.close()
            #expect(lateHello.data == hello.data, "a page loaded now would be of the last complete build")

            hold.release()
            let reload = try await events.next("reload")
            let (instance, generation) = try #require(PreviewReloadTests.version(hello.data))
            let (reloadInstance, reloadGeneration) = try #require(PreviewReloadTests.version(reload.data))
            #expect(reloadInstance == instance)
            #expect(reloadGeneration == generation + 1, "one rebuild, the held one")
            let home = try await server.request("/golden/")
            #expect(home.text.contains("Home, rewritten."))
            #expect(home.text.contains("const v=\"\(reload.data)\""))
            #expect(try await server.request("/golden/guide/reading/").status == 404)
            #expect(try await server.request("/golden/guide/writing/").text.contains("<h1>Writing</h1>"))
            #expect(try await server.reports.build(number: 2).succeeded)
        }
    }
}
