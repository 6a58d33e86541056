import Mustache
import Testing

@testable import CNMMKit

@Suite("HTML escaping")
struct HTMLEscapingTests {
    @Test("{{x}} escapes < > & \" ' and nothing else, as swift-mustache's HTML type does")
    func escapes() throws {
        let plain = try MustacheTemplate(string: "{{x}}|{{{x}}}")
        let ours = try MustacheTemplate(string: HTMLEscaping.pragma + "{{x}}|{{{x}}}")
        for text in ["", "plain text", "<a href=\"x\">Tom & Jerry's</a>", "Übersicht <ü> & ß", "&amp;", "'\"<>&"] {
            #expect(ours.render(["x": text]) == plain.render(["x": text]), "\(text)")
        }
        #expect(ours.render(["x": "<b>'&\""]) == "&lt;b&gt;&#39;&amp;&quot;|<b>'&\"")
    }

    @Test("a theme's own content type pragma still wins, and the added line leaves no trace")
    func themePragma() throws {
        let text = try MustacheTemplate(string: HTMLEscaping.pragma + "{{% CONTENT_TYPE: TEXT}}\n{{x}}")
        #expect(text.render(["x": "<b>"]) == "<b>")
        let lines = try MustacheTemplate(string: HTMLEscaping.pragma + "a\n{{x}}\n")
        #expect(lines.render(["x": "b"]) == "a\nb\n")
    }
}
