import Testing

@Suite("Browser URL resolution")
struct BrowserURLTests {
    static let page = BrowserURL("http://site.test/level-1/")!

    /// `href` → what a browser makes of it on `http://site.test/level-1/` (nil: it fails to parse). Each expected
    /// value is what Node 20's `new URL(href, base).href` (the WHATWG parser browsers share) printed.
    static let cases: [(String, String?)] = [
        ("../level-2/", "http://site.test/level-2/"),
        ("../level-2/#people", "http://site.test/level-2/#people"),
        ("./x", "http://site.test/level-1/x"),
        (".", "http://site.test/level-1/"),
        ("..", "http://site.test/"),
        ("../../../x", "http://site.test/x"),
        ("/../x", "http://site.test/x"),
        ("x/..", "http://site.test/level-1/"),
        ("x/.", "http://site.test/level-1/x/"),
        ("/a/./b/../c", "http://site.test/a/c"),
        ("%2e%2e/x", "http://site.test/x"),
        (".%2E/x", "http://site.test/x"),
        ("x/%2e", "http://site.test/level-1/x/"),
        ("?q=1", "http://site.test/level-1/?q=1"),
        ("?q='a b'", "http://site.test/level-1/?q=%27a%20b%27"),
        ("x?ü", "http://site.test/level-1/x?%C3%BC"),
        ("x?a#b", "http://site.test/level-1/x?a#b"),
        ("?", "http://site.test/level-1/?"),
        ("#frag", "http://site.test/level-1/#frag"),
        ("#a b", "http://site.test/level-1/#a%20b"),
        ("#a#b", "http://site.test/level-1/#a#b"),
        ("#über", "http://site.test/level-1/#%C3%BCber"),
        ("?a#b c", "http://site.test/level-1/?a#b%20c"),
        ("#", "http://site.test/level-1/#"),
        ("", "http://site.test/level-1/"),
        ("über uns/", "http://site.test/level-1/%C3%BCber%20uns/"),
        ("../über uns/index.md", "http://site.test/%C3%BCber%20uns/index.md"),
        ("../über%20uns/index.md", "http://site.test/%C3%BCber%20uns/index.md"),
        ("a b", "http://site.test/level-1/a%20b"),
        ("a{b}`c^d|e", "http://site.test/level-1/a%7Bb%7D%60c^d|e"),
        ("a%zzb", "http://site.test/level-1/a%zzb"),
        ("a\"b<c>d", "http://site.test/level-1/a%22b%3Cc%3Ed"),
        ("\\x\\y", "http://site.test/x/y"),
        ("\\\\site.test\\y", "http://site.test/y"),
        ("  /x  ", "http://site.test/x"),
        ("a\nb", "http://site.test/level-1/ab"),
        ("http:foo", "http://site.test/level-1/foo"),
        ("http:/foo", "http://site.test/foo"),
        ("https:foo", "https://foo/"),
        ("//other.test/x", "http://other.test/x"),
        ("HTTP://SITE.TEST/x", "http://site.test/x"),
        ("http://site.test:80/x", "http://site.test/x"),
        ("http://site.test:8080/x", "http://site.test:8080/x"),
        ("/cnmm", "http://site.test/cnmm"),
        ("javascript:alert(1)", "javascript:alert(1)"),
        ("\tjava\nscript:alert(1)", "javascript:alert(1)"),
        ("JavaScript:x", "javascript:x"),
        ("mailto:a@example.org", "mailto:a@example.org"),
        ("data:text/html,<b>x</b>", "data:text/html,<b>x</b>"),
        ("c:/x", "c:/x"),
        ("http://", nil),
        ("http://site.test:99999/", nil),
    ]

    @Test("hrefs resolve as a browser resolves them", arguments: cases)
    func resolves(href: String, expected: String?) {
        #expect(BrowserURL(href, base: Self.page)?.description == expected)
    }

    @Test("user information is dropped, the host is what counts")
    func userInformation() throws {
        let url = try #require(BrowserURL("http://user:pw@SITE.test/x", base: Self.page))
        #expect(url.host == "site.test")
        #expect(url.path == "/x")
    }

    @Test("percent-decoding gives the bytes back and leaves a % without two hex digits")
    func decoding() {
        #expect(BrowserURL.percentDecoded("%C3%BCber%20uns") == Array("über uns".utf8))
        #expect(BrowserURL.percentDecoded("a%zz%4") == Array("a%zz%4".utf8))
        #expect(BrowserURL.percentDecoded("%2e%2E") == Array("..".utf8))
    }

    @Test("a relative URL needs a base; an absolute one does not")
    func needsBase() {
        #expect(BrowserURL("level-1/") == nil)
        #expect(BrowserURL("http://site.test")?.description == "http://site.test/")
    }
}
