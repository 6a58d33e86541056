import Foundation
import Testing

@Suite("Browser link check")
struct BrowserLinksTests {
    static func page(_ body: String) -> String {
        "<!DOCTYPE html>\n<html><head><title>T</title></head><body>\n\(body)\n</body></html>\n"
    }

    /// A hand-made output folder: pages with ids, a bundle image, an SVG sprite, folders with a space and an umlaut.
    static let folder: [String: String] = [
        "public/level-1/index.html": page("<h1 id=\"top-heading\">One</h1><h2 id=\"people\">People</h2>"),
        "public/level-1/d.png": "png",
        "public/level-2/index.html": page("<h2 id=\"über\">Ü</h2><a name=\"old\"></a>"),
        "public/über uns/index.html": page("<p>Über uns</p>"),
        "public/a&b.html": page("<p>and</p>"),
        "public/icons.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"><symbol id=\"users\"></symbol></svg>",
        "public/sub/index.html": page(
            "<base href=\"../level-1/\"><base href=\"/nowhere/\">\n<a href=\"d.png\">bundle file, from the base</a>"),
    ]

    func check(_ files: [String: String], site url: String = "http://site.test/") throws -> [BrowserLinks.Problem] {
        let site = try TestSite(Self.folder.merging(files) { _, new in new })
        defer { site.remove() }
        return try BrowserLinks(folder: site.root.appendingPathComponent("public"), site: url).problems()
    }

    @Test("accepts every link a browser can follow, however it is written")
    func acceptsGoodLinks() throws {
        let home = Self.page(
            """
            <p id="intro">Links:
            <a href="level-1/">folder</a> <a href="level-1">folder without slash</a> <a href="/level-1/#people">x</a>
            <a href="./level-1/#p%65ople">encoded fragment</a> <a href=level-2/#%C3%BCber>unquoted</a>
            <a href='level-2/#über'>single quotes, raw umlaut</a> <a href="level-2/#old">a name</a>
            <a href="#top">top</a> <a href="#TOP">TOP</a> <a href="#intro">own id</a> <a href="">itself</a>
            <a href="?q=1">query</a> <a href="level-1/?q=a b#people">query and fragment</a>
            <a href="über%20uns/">encoded umlaut and space</a> <a href="über uns/">raw</a>
            <a href="a&amp;b.html">entity</a> <a href="a&#38;b.html">numeric entity</a> <a href="a&#x26;b.html">hex</a>
            <a href="  /level-1/\n">spaces and a line break</a> <a href="\\level-1\\">backslashes</a>
            <a href="http://SITE.test:80/level-1/">same site, absolute</a> <a href="http:level-1/">http: relative</a>
            <a href="level-1/../level-2/">dot segments</a> <a href="../../level-1/">above the root</a>
            <img src="level-1/d.png" alt=""> <svg><use href="icons.svg#users"></use></svg>
            <a href="https://www.cncf.io/">external</a> <a href="//other.test/nowhere/">other host</a>
            <a href="mailto:team@example.org">mail</a> <img src="data:image/png;base64,AAAA" alt="">
            <a href="https://site.test/nowhere/">other scheme</a> <a href="http://site.test:8080/nowhere/">port</a>
            <!-- <a href="nowhere/">a comment</a> --> <!--> <a href="level-1/">after an empty comment</a>
            <script>document.write('<a href="nowhere/">script text</a>')</script>
            <textarea><a href="nowhere/"></textarea> <title><a href="nowhere/"></title>
            """)
        let problems = try check(["public/index.html": home])
        #expect(problems.isEmpty, "\(BrowserLinks.report(problems))")
    }

    @Test("catches a missing file, a missing anchor, a wrong .. resolution, script links and NFD names")
    func catchesBrokenLinks() throws {
        let nested = Self.page(
            """
            <a href="../../level-2/">two up: /level-2/</a> <a href="../level-2/">one up: /a/level-2/</a>
            <a href="../../level-1/#policy">no such id</a> <a href="#nothing">not on this page</a>
            <a href="/nowhere">no file</a> <a href="/level-1/d.png/">a file as a folder</a>
            <a href="javascript:alert(1)">js</a> <a href=" VBScript:x">vbs</a>
            <a href="data:text/html,&lt;b&gt;">data page</a> <a href="/u\u{308}ber%20uns/">NFD</a>
            <a href="http://">unparsable</a>
            """)
        let problems = try check(["public/a/b/index.html": nested]).map { "\($0.link) → \($0.resolved): \($0.reason)" }
        #expect(
            problems
                == [
                    " VBScript:x → vbscript:x: vbscript: runs script",
                    "#nothing → http://site.test/a/b/#nothing: no id 'nothing' in a/b/index.html",
                    "../../level-1/#policy → http://site.test/level-1/#policy: no id 'policy' in level-1/index.html",
                    "../level-2/ → http://site.test/a/level-2/: no file a/level-2/index.html",
                    "/level-1/d.png/ → http://site.test/level-1/d.png/: no file level-1/d.png/index.html",
                    "/nowhere → http://site.test/nowhere: no file nowhere",
                    "/u\u{308}ber%20uns/ → http://site.test/u%CC%88ber%20uns/: no file u\u{308}ber uns/index.html",
                    "data:text/html,&lt;b&gt; → data:text/html,<b>: data:text/html opens a page from the link itself",
                    "http:// → (no URL): a browser cannot parse it",
                    "javascript:alert(1) → javascript:alert(1): javascript: runs script",
                ].sorted(), "the problems of a/b/index.html, in the checker's order")
    }

    @Test("a site under a base path: links must stay inside it")
    func basePath() throws {
        let home = Self.page(
            """
            <a href="/cnmm/level-1/#people">inside</a> <a href="/cnmm">the root without its slash</a>
            <a href="level-1/">relative</a> <a href="/level-1/">outside</a> <a href="../level-1/">above the base</a>
            """)
        let problems = try check(["public/index.html": home], site: "http://site.test/cnmm/")
            .filter { $0.page == "index.html" }
        #expect(problems.map(\.link) == ["../level-1/", "/level-1/"])
        #expect(problems.allSatisfy { $0.reason == "outside the site's base path /cnmm/" })
    }

    @Test("the failure report lists one problem a line")
    func report() {
        let problem = BrowserLinks.Problem(
            page: "level-1/index.html", link: "../x/", resolved: "http://site.test/x/", reason: "no file x/index.html")
        #expect(
            BrowserLinks.report([problem, problem])
                == "2 links a browser cannot follow:\n"
                + "  level-1/index.html: \"../x/\" → http://site.test/x/: no file x/index.html\n"
                + "  level-1/index.html: \"../x/\" → http://site.test/x/: no file x/index.html")
    }

    @Test("pages are served at their folder's URL, names percent-encoded")
    func pageURLs() {
        let links = BrowserLinks(folder: URL(fileURLWithPath: "/nowhere"), site: "http://site.test/cnmm/")
        #expect(links.url(of: "index.html").description == "http://site.test/cnmm/")
        #expect(links.url(of: "level-1/index.html").description == "http://site.test/cnmm/level-1/")
        #expect(links.url(of: "404.html").description == "http://site.test/cnmm/404.html")
        #expect(links.url(of: "über uns/index.html").description == "http://site.test/cnmm/%C3%BCber%20uns/")
    }

    @Test("the scan reads tags as a browser's tokenizer does")
    func scan() {
        let html = """
            <A HREF=one Href="two"><img
            src = 'three' alt=x/><p id=a&amp;b class="c"><a href="&ampx &amp=&quot;&lt;&#x1F600;&#0;&unknown;">
            <!-- <a href="comment"> --><style>a[href="style"]{}</style><SCRIPT>"</script>"</SCRIPT ><b =x>
            """
        let tags = HTMLScan.tags(in: Array(html.utf8))
        #expect(tags.map(\.name) == ["a", "img", "p", "a", "style", "script", "b"])
        let values = tags.flatMap { $0.attributes.map { "\($0.name)=\(String(decoding: $0.value, as: UTF8.self))" } }
        #expect(
            values == [
                "href=one", "src=three", "alt=x/", "id=a&b", "class=c",
                "href=&ampx &amp=\"<\u{1F600}\u{FFFD}&unknown;", "=x=",
            ])
    }
}
