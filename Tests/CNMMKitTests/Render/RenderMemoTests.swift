import Foundation
import Mustache
import Testing

@testable import CNMMKit

@Suite("Render memo")
struct RenderMemoTests {
    static var context: [String: Any] {
        [
            "title": "Level 1", "weight": 3, "draft": false, "ratio": 0.5, "nav": [["title": "A", "url": "/a/"]],
            "t": ["home": "Home"], "missing": String?.none as Any, "present": String?.some("x") as Any,
        ]
    }

    @Test("equal view models have equal fingerprints, whatever the dictionary order")
    func equal() {
        var reordered: [String: Any] = [:]
        for key in Self.context.keys.sorted().reversed() { reordered[key] = Self.context[key] }
        #expect(ContextFingerprint(layout: "page", context: Self.context) != nil)
        #expect(
            ContextFingerprint(layout: "page", context: Self.context)
                == ContextFingerprint(layout: "page", context: reordered))
    }

    @Test(
        "any change of value, type or layout changes the fingerprint",
        arguments: [
            ("title", "Level 2" as any Sendable), ("weight", 4 as any Sendable), ("weight", "3" as any Sendable),
            ("draft", true as any Sendable),
            ("ratio", 0.25 as any Sendable), ("nav", [["title": "B", "url": "/a/"]] as any Sendable),
            ("t", ["home": "Start"] as any Sendable),
            ("missing", String?.some("") as any Sendable), ("extra", "" as any Sendable),
        ])
    func changes(key: String, value: any Sendable) {
        var changed = Self.context
        changed[key] = value
        #expect(
            ContextFingerprint(layout: "page", context: Self.context)
                != ContextFingerprint(layout: "page", context: changed))
        #expect(
            ContextFingerprint(layout: "page", context: Self.context)
                != ContextFingerprint(layout: "home", context: Self.context))
    }

    @Test("two spellings of the same text (NFC and NFD) render different bytes, so their fingerprints differ")
    func spellings() {
        #expect("caf\u{E9}" == "cafe\u{301}")
        #expect(
            ContextFingerprint(layout: "page", context: ["title": "caf\u{E9}"])
                != ContextFingerprint(layout: "page", context: ["title": "cafe\u{301}"]))
    }

    @Test("a value of an unknown type has no fingerprint, and the page is rendered")
    func unknown() {
        struct Opaque {}
        #expect(ContextFingerprint(layout: "page", context: ["x": Opaque()]) == nil)
        let memo = RenderMemo()
        #expect(memo.html(layout: "page", context: ["x": Opaque()]) { "a" } == "a")
        #expect(memo.html(layout: "page", context: ["x": Opaque()]) { "b" } == "b")
    }

    @Test("a page whose view model did not change is taken from the build before; unused entries go")
    func memo() {
        let memo = RenderMemo()
        #expect(memo.html(layout: "page", context: Self.context) { "first" } == "first")
        #expect(memo.endBuild() == (rendered: 1, reused: 0))
        #expect(memo.html(layout: "page", context: Self.context) { "second" } == "first")
        #expect(memo.endBuild() == (rendered: 0, reused: 1))
        // A build that does not use an entry drops it.
        #expect(memo.html(layout: "home", context: Self.context) { "home" } == "home")
        memo.endBuild()
        #expect(memo.html(layout: "page", context: Self.context) { "third" } == "third")
        memo.clear()
        #expect(memo.html(layout: "page", context: Self.context) { "fourth" } == "fourth")
    }

    @Test("a page's HTML with its digest fingerprints by the digest and renders as its text")
    func pageHTML() throws {
        let html = "<p>Tom &amp; Jerry</p>"
        func context(_ text: String) -> [String: Any] {
            ["page": ["content": PageHTML(text, digest: PageHTML.digest(of: text))]]
        }
        #expect(
            ContextFingerprint(layout: "page", context: context(html))
                == ContextFingerprint(layout: "page", context: context(html)))
        #expect(
            ContextFingerprint(layout: "page", context: context(html))
                != ContextFingerprint(layout: "page", context: context(html + " ")))
        let template = try MustacheTemplate(string: "{{{page.content}}}|{{page.content}}")
        let library = MustacheLibrary(templates: ["t": template])
        #expect(
            library.render(context(html), withTemplate: "t")
                == library.render(["page": ["content": html]], withTemplate: "t"))
    }
}
