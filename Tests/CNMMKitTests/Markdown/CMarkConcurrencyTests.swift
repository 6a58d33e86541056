import Foundation
import Testing

@testable import CNMMKit

@Suite("cmark-gfm on all cores")
struct CMarkConcurrencyTests {
    @Test(
        "strikethrough and autolinks survive many pages parsed at once (cmark-gfm shares its special characters)",
        arguments: 1...3)
    func extensionsInParallel(round: Int) {
        let page = """
            | a | b |
            |---|---|
            | ~~none~~ x | y |

            Text ~~gone~~ here, see www.example.org and https://example.com/x.

            - [x] done
            """
        // Pages without a `~` parse side by side, and beside them each page with one parses alone.
        let plain = """
            Links: www.example.net, https://example.com/y and *emphasis* with **strong** text.

            | w | x |
            |---|---|
            | www.example.org/t | http://example.com |
            """
        let pages = (0..<3000).map { $0 % 7 == 0 ? page : plain }
        let rendered = pages.parallelMap { CMark.render($0) { $0.map(\.innerHTML) } }
        let expected = CMark.render(page) { $0.map(\.innerHTML) }
        let expectedPlain = CMark.render(plain) { $0.map(\.innerHTML) }
        #expect(expected.contains("<del>none</del>") && expected.contains("<del>gone</del>"))
        #expect(expected.contains("<a href=\"http://www.example.org\">"))
        #expect(expected.contains("<a href=\"https://example.com/x\">"))
        #expect(expected.contains("checked=\"\""))
        #expect(expectedPlain.contains("<a href=\"http://www.example.net\">"))
        #expect(expectedPlain.contains("<a href=\"http://www.example.org/t\">"))
        let differing = zip(pages, rendered).filter { $1 != ($0 == page ? expected : expectedPlain) }
        #expect(differing.isEmpty, "\(differing.count) of \(rendered.count) pages differ from a page parsed alone")
    }
}
