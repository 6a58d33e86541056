import Foundation
import Testing

@testable import CNMMKit

/// The real server on port 0 answers from the site in memory, exactly as a build would write it.
@Suite("Preview server: serving")
struct PreviewServingTests {
    @Test("pages are served under the base path with the live-reload script before </body>")
    func pages() async throws {
        let site = try TestSite.goldenCopy()
        defer { site.remove() }
        try await RunningPreview.serve(site) { server in
            for (path, text) in [
                ("/golden/", "Golden Model"), ("/golden/guide/reading/", "<h1>Reading</h1>"),
                ("/golden/de/level-1/", "lang=\"de\""), ("/golden/model/", "Golden Model"),
                ("/golden/dimensions/people/", "People"),
            ] {
                let response = try await server.request(path)
                #expect(response.status == 200, "\(path)")
                #expect(response.header("Content-Type") == "text/html; charset=utf-8")
                #expect(response.text.contains(text), "\(path)")
                #expect(response.text.contains("<script>(()=>{const v="), "\(path)")
                #expect(response.text.contains("</script></body>"), "\(path)")
            }
        }
    }

    @Test("assets are served with their content types")
    func assets() async throws {
        let site = try TestSite.goldenCopy()
        defer { site.remove() }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]
        try site.write("static/images/dot.png", Data(png))
        try await RunningPreview.serve(site) { server in
            for (path, type) in [
                ("/golden/site.css", "text/css; charset=utf-8"), ("/golden/level-1/chart.svg", "image/svg+xml"),
                ("/golden/humans.txt", "text/plain; charset=utf-8"), ("/golden/model.json", "application/json"),
                ("/golden/sitemap.xml", "application/xml"), ("/golden/images/dot.png", "image/png"),
            ] {
                let response = try await server.request(path)
                #expect(response.status == 200, "\(path)")
                #expect(response.header("Content-Type") == type, "\(path)")
                #expect(response.header("X-Content-Type-Options") == "nosniff")
                #expect(response.header("Access-Control-Allow-Origin") == nil)
            }
            #expect(try await server.request("/golden/images/dot.png").body == Data(png))
        }
    }

    @Test("a missing page gets the site's 404 page with status 404")
    func notFound() async throws {
        let site = try TestSite.goldenCopy()
        defer { site.remove() }
        try await RunningPreview.serve(site) { server in
            let page404 = try await server.request("/golden/404.html")
            for path in ["/golden/no-such-page/", "/golden/no-such-file.css", "/elsewhere/", "/golden/guide/reading/x"]
            {
                let response = try await server.request(path)
                #expect(response.status == 404, "\(path)")
                #expect(response.header("Content-Type") == "text/html; charset=utf-8")
                #expect(response.body == page404.body, "\(path)")
            }
        }
    }

    @Test("a folder without its slash and the root outside the base path redirect")
    func redirects() async throws {
        let site = try TestSite.goldenCopy()
        defer { site.remove() }
        try await RunningPreview.serve(site) { server in
            let folder = try await server.request("/golden/guide/reading?x=1")
            #expect(folder.status == 302)
            #expect(folder.header("Location") == "/golden/guide/reading/")
            #expect(try await server.request("/").header("Location") == "/golden/")
            #expect(try await server.request("/golden").header("Location") == "/golden/")
        }
    }

    @Test("HEAD answers the headers of GET without a body")
    func head() async throws {
        let site = try TestSite.goldenCopy()
        defer { site.remove() }
        try await RunningPreview.serve(site) { server in
            let get = try await server.request("/golden/site.css")
            let head = try await server.request("/golden/site.css", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.header("Content-Length") == String(get.body.count))
            #expect(head.header("Content-Type") == get.header("Content-Type"))
        }
    }

    @Test("the injected script is the only difference from a build, and public/ is never written")
    func sameAsBuild() async throws {
        let site = try TestSite.goldenCopy()
        defer { site.remove() }
        let built = try TestSite.goldenCopy()
        defer { built.remove() }
        try built.build()
        let expected = try built.snapshot().filter { $0.key != ".cnmm-manifest" }
        try await RunningPreview.serve(site) { server in
            for (path, data) in expected {
                let response = try await server.request("/golden/" + path)
                #expect(response.status == 200, "\(path)")
                var body = response.body
                if path.hasSuffix(".html") {
                    let text = response.text
                    let start = try #require(text.range(of: "<script>(()=>{const v="), "\(path)")
                    let end = try #require(text.range(of: "</script>", range: start.upperBound..<text.endIndex))
                    body = Data((text[..<start.lowerBound] + text[end.upperBound...]).utf8)
                }
                #expect(body == data, "\(path) differs from the build")
            }
        }
        #expect(!site.exists("public/index.html"))
        #expect(!site.exists("public/.cnmm-manifest"))
    }
}
