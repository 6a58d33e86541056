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
        let pages = Array(repeating: page, count: 3000)
        let rendered = pages.parallelMap { CMark.render($0) { $0.innerHTML } }
        let expected = CMark.render(page) { $0.innerHTML }
        #expect(expected.contains("<del>none</del>") && expected.contains("<del>gone</del>"))
        #expect(expected.contains("<a href=\"http://www.example.org\">"))
        #expect(expected.contains("<a href=\"https://example.com/x\">"))
        #expect(expected.contains("checked=\"\""))
        let differing = rendered.filter { $0 != expected }
        #expect(differing.isEmpty, "\(differing.count) of \(rendered.count) pages differ from a page parsed alone")
    }
}
