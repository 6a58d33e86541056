import Foundation
import Testing

@testable import CNMMKit

/// What the server refuses, sent over a raw socket so that nothing tidies the requests up.
@Suite("Preview server: safety")
struct PreviewSafetyTests {
    static let traversals = [
        "/../etc/passwd", "/golden/../../etc/passwd", "/golden/%2e%2e/%2e%2e/etc/passwd", "/golden/%2E%2E/site.css",
        "/golden/..%2f..%2fetc%2fpasswd", "/golden/%2fetc%2fpasswd", "/golden/..\\..\\etc\\passwd",
        "/golden/%5c..%5c..%5cetc%5cpasswd", "/golden/site.css%00.html", "/golden/%00", "/golden/%252e%252e/etc/passwd",
        "/golden/%25252e%25252e/etc/passwd", "/golden/./site.css", "/golden//site.css",
        "/golden/%c0%ae%c0%ae/etc/passwd",
        "/golden/%zz", "/golden/%", "/golden/secret.txt", "/golden/guide/passwd",
    ]

    @Test("traversal attempts get the 404 page, like a missing file, and the server keeps running")
    func traversal() async throws {
        let site = try TestSite.goldenCopy()
        defer { site.remove() }
        // static/ itself links to a folder outside the site; a page folder holds a link to /etc/passwd.
        let outside = try TestSite(["secret.txt": "the machine's secret\n"])
        defer { outside.remove() }
        let manager = FileManager.default
        try manager.removeItem(at: site.root.appendingPathComponent("static"))
        try manager.createSymbolicLink(at: site.root.appendingPathComponent("static"), withDestinationURL: outside.root)
        try manager.createSymbolicLink(
            at: site.root.appendingPathComponent("content/en/guide/passwd"),
            withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
        try await RunningPreview.serve(site) { server in
            let missing = try await server.request("/golden/no-such-file")
            #expect(missing.status == 404)
            for target in Self.traversals {
                let response = try await server.request(target)
                #expect(response.status == 404, "\(target)")
                #expect(response.body == missing.body, "\(target)")
                #expect(!response.text.contains("root:"), "\(target)")
                #expect(!response.text.contains("secret"), "\(target)")
            }
            // Bytes the HTTP parser refuses outright: a NUL and a raw control byte in the target.
            for raw in [
                "GET /golden/\0/etc/passwd HTTP/1.1\r\n", "GET /golden/\u{1}x HTTP/1.1\r\n",
                "GET ../etc/passwd HTTP/1.1\r\n",
            ] {
                let response = try await server.send(Array((raw + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n").utf8))
                #expect(response.status == 400 || response.status == 404, "\(raw.debugDescription)")
                #expect(!response.text.contains("root:"))
            }
            #expect(try await server.request("/golden/site.css").status == 200)
        }
    }

    @Test(
        "a Host header other than the bound address or localhost gets 403",
        arguments: [
            ("evil.example", 403), ("evil.example:PORT", 403), ("127.0.0.1.nip.io:PORT", 403), ("", 403),
            ("localhost:PORT", 200), ("LOCALHOST", 200), ("127.0.0.1:PORT", 200), ("127.0.0.1", 200),
        ])
    func hostCheck(host: String, status: Int) async throws {
        let site = try TestSite.goldenCopy()
        defer { site.remove() }
        try await RunningPreview.serve(site) { server in
            let response = try await server.request(
                "/golden/", host: host.replacingOccurrences(of: "PORT", with: String(server.port)))
            #expect(response.status == status, "Host: \(host)")
            #expect(response.header("Access-Control-Allow-Origin") == nil)
        }
    }

    @Test("only GET and HEAD are answered; other methods get 405 with Allow")
    func methods() async throws {
        let site = try TestSite.goldenCopy()
        defer { site.remove() }
        try await RunningPreview.serve(site) { server in
            for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"] {
                for path in ["/golden/", "/golden/no-such-page/", "/__cnmm/events"] {
                    let response = try await server.request(
                        path, method: method, headers: method == "TRACE" ? [] : ["Content-Length: 0"])
                    #expect(response.status == 405, "\(method) \(path)")
                    #expect(response.header("Allow") == "GET, HEAD")
                }
            }
        }
    }

    @Test("a copied file that resolves outside the site's folders is not read")
    func copiedFileOutside() throws {
        let site = try TestSite(["static/inside.txt": "inside"])
        defer { site.remove() }
        let outside = try TestSite(["secret.txt": "secret"])
        defer { outside.remove() }
        let link = site.root.appendingPathComponent("static/link.txt")
        try FileManager.default.createSymbolicLink(
            at: link, withDestinationURL: outside.root.appendingPathComponent("secret.txt"))
        let builder = PreviewBuilder(options: site.options())
        #expect(throws: Never.self) {
            try builder.readCopied(site.root.appendingPathComponent("static/inside.txt")).get()
        }
        #expect(throws: PreviewBuilder.Note(message: "static/link.txt: links outside the site's folders; not served")) {
            try builder.readCopied(link).get()
        }
    }
}
