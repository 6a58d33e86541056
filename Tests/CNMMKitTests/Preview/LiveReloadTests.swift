import Foundation
import NIOCore
import Testing

@testable import CNMMKit

@Suite("Live reload and error page")
struct LiveReloadTests {
    @Test("the script goes before the last </body>, in any case, or at the end")
    func injection() {
        let script = LiveReload.script(version: "v-1")
        let inject = { (html: String) in
            String(decoding: LiveReload.inject(into: Data(html.utf8), version: "v-1"), as: UTF8.self)
        }
        #expect(inject("<p>a</p></body></html>") == "<p>a</p>" + script + "</body></html>")
        #expect(inject("<p></body></p></BODY>") == "<p></body></p>" + script + "</BODY>")
        #expect(inject("<p>no body</p>") == "<p>no body</p>" + script)
        #expect(script.utf8.count < 800)
        #expect(script.contains("sessionStorage") && script.contains("scrollTo"))
    }

    @Test("a served page gets the script of the snapshot it is sent from; other files go as they are")
    func servedPage() {
        let page = ServedFile(page: Data("<p>a</p></body></html>".utf8), path: "a/index.html")
        let sent = { (file: ServedFile, version: String) in String(buffer: file.body(version: version)) }
        #expect(sent(page, "v-1") == "<p>a</p>" + LiveReload.script(version: "v-1") + "</body></html>")
        #expect(sent(page, "v-2") == "<p>a</p>" + LiveReload.script(version: "v-2") + "</body></html>")
        let style = ServedFile(path: "css/style.css", bytes: Data("</body>".utf8))
        #expect(sent(style, "v-1") == "</body>")
    }

    @Test("page bytes are equal when they share a buffer or have the same bytes, else not")
    func pageBytes() {
        let data = Data(repeating: 7, count: 4096)
        var changed = data
        changed[100] = 8
        #expect(PageBytes(data) == PageBytes(data))
        #expect(PageBytes(data) == PageBytes(Data(repeating: 7, count: 4096)))
        #expect(PageBytes(data) != PageBytes(changed))
        #expect(PageBytes(data) != PageBytes(data.prefix(4095)))
        #expect(PageBytes(Data()) == PageBytes(Data()))
    }

    @Test("the error page escapes HTML and control characters and names no machine path")
    func errorPage() throws {
        let root = URL(fileURLWithPath: "/srv/someone/site")
        let failure = BuildFailure([
            .error("content/en/a.md", line: 3, column: 1, "bad <b>value</b> \u{1B}[2J & more")
        ])
        let page = ErrorPage(error: failure, roots: [root])
        let html = String(decoding: page.html(version: "v-2"), as: UTF8.self)
        #expect(html.contains("content/en/a.md:3:1: error: bad &lt;b&gt;value&lt;/b&gt; \\u{1B}[2J &amp; more"))
        #expect(!html.contains("\u{1B}"))
        #expect(html.contains(LiveReload.script(version: "v-2")))

        struct Other: Error, CustomStringConvertible {
            var description: String { "cannot read /srv/someone/site/content/en/b.md" }
        }
        let other = ErrorPage(error: Other(), roots: [root])
        #expect(other.problems == ["error: cannot read content/en/b.md"])
    }

    @Test("console text escapes control characters but keeps newlines")
    func console() {
        #expect(SafeText.console("a\u{1B}[31mb\r\nc\u{0}") == "a\\u{1B}[31mb\\u{D}\nc\\u{0}")
        #expect(SafeText.console("a\nb", keepNewlines: false) == "a\\u{A}b")
    }
}
