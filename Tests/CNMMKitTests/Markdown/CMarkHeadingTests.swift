import Testing

@testable import CNMMKit

@Suite("cmark headings")
struct CMarkHeadingTests {
    static let headings = [
        "## Plain words", "### Quotes \"double\" and 'single' / slash", "## A & B < C > D", "## `code <b> & \"q\"`",
        "## <i class=\"fas fa-users\"></i> People", "## Entities &amp; &copy; &#35; &lt;x&gt;", "## Ümlaut ß 日本 👩‍💻",
        "## *emphasis* and **strong**", "## [a link](/x/) here", "## ~~struck~~ text", "## www.example.com auto",
        "Setext line one\nline two\n---------", "Hard break  \nsecond\n===", "## Back\\\\slash \\* escaped",
        "## Trailing hashes ##", "#   Spaced   ", "## <span>inline</span> <b>html</b>", "## Tab\there",
    ]

    @Test("a heading's inner HTML written by hand is what cmark's renderer writes", arguments: headings)
    func sameAsRenderer(_ markdown: String) {
        var quick: [CMark.HeadingNode] = []
        var rendered: [CMark.HeadingNode] = []
        let quickHTML = CMark.render(markdown + "\n\nText.\n", quickHeadings: true) { nodes in
            quick += nodes
            return nodes.map { "<h\($0.level)>\($0.innerHTML)</h\($0.level)>" }
        }
        let renderedHTML = CMark.render(markdown + "\n\nText.\n", quickHeadings: false) { nodes in
            rendered += nodes
            return nodes.map { "<h\($0.level)>\($0.innerHTML)</h\($0.level)>" }
        }
        #expect(quickHTML == renderedHTML)
        #expect(quick.count == 1 && rendered.count == 1)
        #expect(quick.map(\.innerHTML) == rendered.map(\.innerHTML))
        #expect(quick.map(\.plainText) == rendered.map(\.plainText))
        #expect(quick.map(\.inlineHTML) == rendered.map(\.inlineHTML))
    }
}
