import Foundation
import Testing

@testable import CNMMKit

@Suite("Trimming and slugs")
struct TrimmingTests {
    static let samples = [
        "", " ", "\n\t ", "Title", "  Title  ", "\u{00A0}Übersicht\u{2003}", " a b ", "\r\nx\r\n", "e\u{0301} ",
        " <svg>\n<path/></svg> People", "\u{3000}日本\u{3000}", "Tab\t", "\u{2028}line\u{2029}",
    ]

    @Test("trimming gives what Foundation's trimmingCharacters gives", arguments: samples)
    func trimming(_ text: String) {
        #expect(text.trimmingWhitespaceAndNewlines == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text.trimmingWhitespace == text.trimmingCharacters(in: .whitespaces))
    }

    @Test(
        "slugs of ASCII and other text",
        arguments: [
            ("CI/CD", "cicd"), ("  Level 3 - Scale ", "level-3---scale"),
            ("Übersicht der Teams", "übersicht-der-teams"),
            ("snake_case and-dash", "snake_case-and-dash"), ("Tab\there", "tab-here"), ("", ""),
        ])
    func slugs(_ text: String, _ slug: String) {
        #expect(Slug.make(text) == slug)
    }
}
