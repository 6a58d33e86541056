import Foundation
import Testing

@testable import CNMMKit

@Suite("Search text")
struct SearchTextTests {
    @Test("tags go; block elements separate words, inline ones do not")
    func tags() {
        #expect(SearchText.plain("<p>One <em>two</em>s</p><p>three</p>") == "One twos three")
        #expect(SearchText.plain("<ul>\n<li>a</li><li>b<br>c</li></ul><h3 id=\"x\">Title</h3>") == "a b c Title")
        #expect(SearchText.plain("<table><tr><td>1</td><td>2</td></tr></table>") == "1 2")
        // Upper case, names longer than eight letters, names that start like a known one, and no name at all.
        #expect(SearchText.plain("<BLOCKQUOTE>a</BLOCKQUOTE>b<figcaption>c</figcaption>d<Li>e</lI>f") == "a b c d e f")
        #expect(SearchText.plain("<pre>a</pre>b<prefix>c</prefix>d<p2>e</p2>f<>g</>h") == "a bcdefgh")
        #expect(SearchText.plain("<abbreviation>a</abbreviation>b<sections>c</sections>d") == "abcd")
    }

    @Test("scripts, styles, inline SVG icons and comments leave no text")
    func hidden() {
        let html = """
            <h2 id="people"><svg class="icon"><title>users</title><path d="M0"/></svg> People</h2>\
            <script>var a = "<p>";</script><style>p { color: red }</style><!-- note --><p>Text</p>
            """
        #expect(SearchText.plain(html) == "People Text")
        #expect(SearchText.plain("<TEMPLATE>x</template>a<SVG/>b<svgs>c</svgs>d<Script>y</SCRIPT>e") == "abcd e")
    }

    @Test("character references are decoded; a lone & and unknown names stay")
    func references() {
        #expect(SearchText.plain("Q&amp;A &lt;b&gt; &quot;x&quot; &#39;y&#x27; a&nbsp;b") == "Q&A <b> \"x\" 'y' a b")
        #expect(SearchText.plain("R&D &unknown; &#xZZ;") == "R&D &unknown; &#xZZ;")
    }

    @Test("text is in NFC, so the script folds each character on its own (Ü is one character, not U and ¨)")
    func composed() {
        let decomposed = "U\u{0308}bersicht Stra\u{00DF}e"
        let text = SearchText.plain("<p>\(decomposed)</p>")
        #expect(text == "Übersicht Straße")
        #expect(text.unicodeScalars.count == text.count)
    }

    @Test("the fast white space and letter tests answer as the Unicode properties do, for every scalar")
    func scalarClasses() {
        var mismatches: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let properties = scalar.properties
            if scalar.isWhitespaceFast != properties.isWhitespace
                || scalar.isLetterOrNumberFast != (properties.isAlphabetic || properties.numericType != nil)
            {
                mismatches.append(value)
            }
        }
        #expect(mismatches.isEmpty, "differ at \(mismatches.prefix(10).map { String($0, radix: 16) })")
    }

    @Test("random text between tags gives what collapsing its white space gives, with non-ASCII around")
    func randomRuns() {
        // Pieces that share lead bytes with white space (© is C2 A9, U+00A0 is C2 A0, — is E2 80 94, U+202F is
        // E2 80 AF) and tags that separate words or do not.
        let text = ["a", "Wort", " ", "\n\t", "\u{00A0}", "©", "—", "\u{202F}", "\u{3000}", "日本", "ü", "\u{2003}x"]
        let tags = [
            ("<em>", ""), ("</em>", ""), ("<p>", " "), ("</li>", " "), ("<br/>", " "), ("<span class=\"x\">", ""),
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var html = ""
            var plain = ""
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                if Bool.random(using: &generator) {
                    let piece = text.randomElement(using: &generator)!
                    html += piece
                    plain += piece
                } else {
                    let (tag, separator) = tags.randomElement(using: &generator)!
                    html += tag
                    plain += separator
                }
            }
            #expect(SearchText.plain(html) == SearchText.collapsed(plain), "\(html.debugDescription)")
        }
    }
}
