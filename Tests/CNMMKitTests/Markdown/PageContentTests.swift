import Foundation
import Testing

@testable import CNMMKit

@Suite("Structured pages: links resolved where they are written, sections written into other pages")
struct PageContentTests {
    @Test(
        "relative references resolve as a browser resolves them",
        arguments: [
            ("../level-2/", "/level-1/", "/level-2/"),
            ("../level-2/#people", "/level-1/", "/level-2/#people"),
            ("#culture", "/level-1/", "/level-1/#culture"),
            ("", "/level-1/", "/level-1/"),
            ("?q=1#x", "/level-1/", "/level-1/?q=1#x"),
            ("d.png", "/cnmm/level-1/", "/cnmm/level-1/d.png"),
            ("../../../../x/", "/a/b/", "/x/"),
            ("./", "/a/b/", "/a/b/"),
            ("..", "/a/b/", "/a/"),
            ("a/./b/../c", "/", "/a/c"),
            ("%2e%2e/x", "/a/b/", "/a/x"),
            ("..\\x", "/a/b/", "/a/x"),
            ("/level-2/./", "/level-1/", "/level-2/"),
            ("über%20uns/", "/", "/über%20uns/"),
            (" ../level-2/ ", "/level-1/", "/level-2/"),
            ("/level-2/#people", "/level-1/", "/level-2/#people"),
            ("/a/b%2e/../c", "/", "/a/c"),
        ])
    func resolvesLikeABrowser(reference: String, base: String, expected: String) {
        #expect(URLReference.resolve(reference, against: base) == expected)
    }

    @Test("references with a scheme or a host are not the site's")
    func schemesAndHosts() {
        for reference in ["https://cncf.io/", "mailto:a@b.c", "//cdn.example/x", "tel:1", "\\\\host/x"] {
            #expect(!URLReference.isLocal(reference), "\(reference)")
        }
        for reference in ["../a/", "#x", "a:b/c".replacingOccurrences(of: ":", with: "/"), "/x", "x.png", ""] {
            #expect(URLReference.isLocal(reference), "\(reference)")
        }
    }

    @Test("URLs are escaped for href exactly as cmark escapes them")
    func hrefEscapingMatchesCmark() {
        // A fixed seed: the same URLs every run.
        var generator = SplitMix64(seed: 20_261_207)
        var urls = [
            "../über uns/index.md", "a&b'c\"d<e>f", "x y#z", "%20%zz", "日本/語", "a[b]c{d}|e^f`g", "\\back",
            "~user$&+,;=@",
        ]
        let alphabet = Array("aZ09-_.+!*'(),%#@?=;:/&$~ \"<>[]{}|\\^`äö€😀")
        for _ in 0..<200 {
            urls.append(String((0..<Int.random(in: 1...12, using: &generator)).map { _ in alphabet.randomElement()! }))
        }
        // A backslash at the end would escape the closing `>` of the link destination.
        for url in urls.map({ $0.hasSuffix("\\") ? $0 + "x" : $0 }) {
            let markdown =
                "[x](<\(url.replacingOccurrences(of: ">", with: "%3E").replacingOccurrences(of: "<", with: "%3C"))>)"
            var seen: String?
            let html = CMark.render(
                markdown,
                rewriteLink: { found, _, _ in
                    seen = found
                    return nil
                }, rewrite: { $0.map(\.innerHTML) })
            guard let seen, let start = html.range(of: "href=\""),
                let end = html[start.upperBound...].firstIndex(of: "\"")
            else {
                Issue.record("no link in \(html) for \(url)")
                continue
            }
            #expect(URLReference.escapedForHref(seen) == String(html[start.upperBound..<end]), "\(url)")
        }
    }

    private func renderer() -> MarkdownRenderer {
        MarkdownRenderer(icons: [:], dimensionIcons: ["users": "people", "cogs": "process"])
    }

    @Test("the Markdown stage notes where each heading and each link of the site sits in the page's HTML")
    func placesAreNoted() throws {
        let markdown = """
            Intro [two](../level-2/) and [ext](https://cncf.io/) and [bad](javascript:alert(1)).

            ## <i class="fas fa-users"></i> People

            See [c](#people-culture) ![d](d.png) [top](/level-3/#x).

            ### Culture [inner](../level-2/#people)

            Text.

            ## <i class="fas fa-cogs"></i> Process
            """
        let output = renderer().render(
            markdown, path: "content/en/level-1/index.md", firstLine: 5, pageURL: "/level-1/")
        let bytes = Array(output.html.utf8)
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        #expect(
            output.content.links.map { text($0.range) } == [
                "../level-2/", "#people-culture", "d.png", "/level-3/#x", "../level-2/#people",
            ])
        #expect(output.content.links.map(\.line) == [5, 9, 9, 9, 11])
        #expect(
            output.content.links.map { $0.target(from: "/level-1/") } == [
                "/level-2/", "/level-1/#people-culture", "/level-1/d.png", "/level-3/#x", "/level-2/#people",
            ])
        #expect(
            output.content.headings.map { text($0.opening) } == [
                "<h2 id=\"people\">",
                "<h3 id=\"people-culture-inner\"><span class=\"heading-alias\" id=\"culture-inner\"></span>",
                "<h2 id=\"process\">",
            ])
        for place in output.content.headings {
            #expect(text(place.end - 5..<place.end).hasPrefix("</h"))
        }
        #expect(!output.html.contains("QcnmmSlot"))
    }

    @Test("a page whose text holds the token stem still comes out whole")
    func tokenStemInText() {
        let markdown = "QcnmmSlotL0E and QcnmmSlotxL1E [a](../b/)\n\n## Head\n"
        let output = renderer().render(markdown, path: "p.md", firstLine: 1, pageURL: "/p/")
        #expect(output.html.contains("QcnmmSlotL0E and QcnmmSlotxL1E <a href=\"../b/\">a</a>"))
        #expect(output.html.contains("<h2 id=\"head\">Head</h2>"))
    }

    @Test("a section written into another page has every link written from there and its ids prefixed")
    func sectionWrittenElsewhere() throws {
        let markdown = """
            ## <i class="fas fa-users"></i> People

            See [c](#people-culture), [two](../level-2/) and ![d](d.png).

            ### Culture

            Back to [people](#people).

            ## <i class="fas fa-cogs"></i> Process
            """
        let output = renderer().render(
            markdown, path: "content/en/level-1/index.md", firstLine: 1, pageURL: "/level-1/")
        var page = Page(
            sourcePath: "content/en/level-1/index.md", language: "en", kind: .page, path: "level-1",
            frontMatter: FrontMatter(), body: markdown, bodyLine: 1)
        page.url = "/level-1/"
        page.html = output.html
        page.headings = output.headings
        page.content = output.content
        let sections = page.content.sections(of: page)
        #expect(sections.count == 2)
        #expect(sections[0].children.count == 1)
        let people = sections[0]
        let shown = PageContent.write(
            page, people.bodyStart..<people.end, for: "/dimensions/people/", ids: .prefixed("level-1-"))
        #expect(shown.html.contains("<a href=\"/level-1/#people-culture\">c</a>"))
        #expect(shown.html.contains("<a href=\"/level-2/\">two</a>"))
        #expect(shown.html.contains("src=\"/level-1/d.png\""))
        #expect(shown.html.contains("<h3 id=\"level-1-people-culture\">Culture</h3>"))
        #expect(shown.html.contains("<a href=\"/level-1/#people\">people</a>"))
        // Written into the page itself, an anchor of the page is a fragment alone.
        let itself = PageContent.write(page, people.start..<people.end, for: "/level-1/", ids: .kept(avoiding: []))
        #expect(itself.html.contains("<a href=\"#people-culture\">c</a>"))
        // An id already in the page it is written into is left out: Hugo's `culture` here.
        let avoiding = PageContent.write(page, people.start..<people.end, for: "/x/", ids: .kept(avoiding: ["culture"]))
        #expect(avoiding.html.contains("<h3 id=\"people-culture\">Culture</h3>"))
        let bytes = Array(itself.html.utf8)
        #expect(
            itself.content.headings.map { String(decoding: bytes[$0.opening], as: UTF8.self) } == [
                "<h2 id=\"people\">", "<h3 id=\"people-culture\"><span class=\"heading-alias\" id=\"culture\"></span>",
            ])
        #expect(itself.content.links.allSatisfy { !$0.isRelative && $0.sourcePath == page.sourcePath })
        for place in itself.content.headings {
            #expect(String(decoding: bytes[(place.end - 5)..<place.end], as: UTF8.self).hasPrefix("</h"))
        }
    }

    @Test("links in raw HTML are noted too: shown elsewhere, they lead where they lead on their page")
    func rawHTMLLinks() throws {
        let markdown = """
            ## <i class="fas fa-users"></i> People

            <img src="diagram.png" alt="d"> and <a href='../level-2/?a=1&amp;b=2#people'>two</a>

            <div>
            <a href="#people-culture">c</a> <a href="https://cncf.io/">out</a> <a data-href="x">no</a>
            </div>
            """
        let output = renderer().render(
            markdown, path: "content/en/level-1/index.md", firstLine: 10, pageURL: "/level-1/")
        #expect(output.html.contains("<img src=\"diagram.png\" alt=\"d\">"), "the page itself keeps them as written")
        #expect(output.html.contains("<a href='../level-2/?a=1&amp;b=2#people'>two</a>"))
        #expect(output.content.links.map(\.line) == [12, 12, 15])
        var page = Page(
            sourcePath: "content/en/level-1/index.md", language: "en", kind: .page, path: "level-1",
            frontMatter: FrontMatter(), body: markdown, bodyLine: 10)
        page.url = "/level-1/"
        page.html = output.html
        page.headings = output.headings
        page.content = output.content
        let section = try #require(page.content.sections(of: page).first)
        let shown = PageContent.write(
            page, section.bodyStart..<section.end, for: "/dimensions/people/", ids: .prefixed("l1-"))
        #expect(shown.html.contains("<img src=\"/level-1/diagram.png\" alt=\"d\">"))
        #expect(shown.html.contains("<a href='/level-2/?a=1&amp;b=2#people'>two</a>"))
        #expect(shown.html.contains("<a href=\"/level-1/#people-culture\">c</a>"))
        #expect(shown.html.contains("<a href=\"https://cncf.io/\">out</a> <a data-href=\"x\">no</a>"))
    }
}
