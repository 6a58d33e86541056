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
}
