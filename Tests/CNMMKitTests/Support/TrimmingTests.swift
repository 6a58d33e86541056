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

    @Test("slugs of mixed text are those of going character by character through the whole text")
    func slugsByCharacter() {
        // Pieces that join their neighbours in one character (combining marks, a prepended mark, ZWJ emoji,
        // Hangul jamo, regional indicators), letters whose lowercase is longer (İ), and ASCII of every kind.
        let pieces = [
            "a", "Z", "9", " ", "-", "_", "!", "\t", "\u{301}", "\u{308}", "\u{600}", "\u{200D}", "👩", "\u{1F1E9}",
            "\u{1F1EA}", "\u{1100}", "\u{1161}", "\u{11A8}", "İ", "Σ", "ß", "Ü", "ü", "日", "\u{3000}", "\u{A0}", "Ⅻ",
            "٣", "\u{FE0F}",
        ]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(pieces.count))
        }
        for _ in 0..<3000 {
            let text = (0..<(next() % 9 + 1)).map { _ in pieces[next()] }.joined()
            let expected = Slug.characterSlug(text.trimmingWhitespaceAndNewlines)
            #expect(Slug.make(text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
