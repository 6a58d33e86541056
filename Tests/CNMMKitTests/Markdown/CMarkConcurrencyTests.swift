import Foundation
import Testing

@testable import CNMMKit

@Suite("cmark-gfm on all cores")
struct CMarkConcurrencyTests {
    @Test("strikethrough survives many pages rendered at once (cmark-gfm shares its special characters)")
    func strikethrough() {
        let pages = Array(repeating: "| a | b |\n|---|---|\n| ~~none~~ x | y |\n\nText ~~gone~~ here.\n", count: 2000)
        let rendered = pages.parallelMap { CMark.render($0) { $0.innerHTML } }
        let lost = rendered.filter { !$0.contains("<del>none</del>") || !$0.contains("<del>gone</del>") }
        #expect(lost.isEmpty, "\(lost.count) of \(rendered.count) pages lost their <del>")
    }
}
