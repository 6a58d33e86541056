import Foundation
import Testing
import Yams

@testable import CNMMKit

@Suite("Front matter")
struct FrontMatterTests {
    @Test("every known key is read with its type, and other keys become parameters")
    func knownKeys() throws {
        let result = try parseFrontMatter(
            """
            ---
            title: Level 3 - Scale
            linkTitle: Scale
            description: >
              Your competency is growing
              and you define processes.
            weight: 3
            draft: true
            layout: search
            toc_hide: true
            aliases: [/old/, /older/]
            translationKey: level-three
            menu:
              main:
                weight: 20
            hero: cover.jpg
            ---
            Body text.
            """)
        let fm = result.frontMatter
        #expect(fm.title == "Level 3 - Scale")
        #expect(fm.linkTitle == "Scale")
        #expect(fm.description == "Your competency is growing and you define processes.")
        #expect(fm.weight == 3)
        #expect(fm.draft)
        #expect(fm.layout == "search")
        #expect(fm.tocHide)
        #expect(fm.aliases == ["/old/", "/older/"])
        #expect(fm.translationKey == "level-three")
        #expect(fm.menus == ["main": 20])
        #expect(fm.params["hero"] == .string("cover.jpg"))
        #expect(result.body == "Body text.\n")
        #expect(result.bodyLine == 18)
    }

    @Test("a byte order mark and CRLF line endings are accepted and lines stay right")
    func bomAndCRLF() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("---\r\ntitle: Hello\r\nweight: 2\r\n---\r\n\r\n## Head\r\n".utf8))
        let text = try SourceText.decode(data, path: "a.md")
        let result = try FrontMatterParser(path: "a.md").parse(text)
        #expect(result.frontMatter.title == "Hello")
        #expect(result.frontMatter.weight == 2)
        #expect(result.bodyLine == 5)
        #expect(!result.body.contains("\r"))
    }

    @Test("a lone CR counts as a line break")
    func loneCR() throws {
        let text = try SourceText.decode(Data("---\rtitle: A\rweight: x\r---\r".utf8), path: "a.md")
        #expect(throws: BuildFailure.self) { try FrontMatterParser(path: "a.md").parse(text) }
        do {
            _ = try FrontMatterParser(path: "a.md").parse(text)
        } catch {
            #expect(error.diagnostics.first?.line == 3)
        }
    }

    @Test("YAML 1.1 booleans stay text, numbers as titles stay text")
    func yaml12Scalars() throws {
        let fm = try parseFrontMatter("---\ntitle: 2023\nlang: no\nreview: yes\nshown: on\n---\n").frontMatter
        #expect(fm.title == "2023")
        #expect(fm.params["lang"] == .string("no"))
        #expect(fm.params["review"] == .string("yes"))
        #expect(fm.params["shown"] == .string("on"))
    }

    @Test(
        "a wrong type for a known key is an error on the key's real line",
        arguments: [
            ("---\ntitle: A\nweight: \"three\"\n---\n", 3, "'weight' must be a whole number"),
            ("---\ntitle: A\n\ndraft: off\n---\n", 4, "'draft' must be true or false"),
            ("---\ntoc_hide: maybe\n---\n", 2, "'toc_hide' must be true or false"),
            ("---\ntitle: [a, b]\n---\n", 2, "'title' must be text"),
            ("---\naliases: {a: b}\n---\n", 2, "'aliases' must be a list of text"),
        ])
    func typeErrors(text: String, line: Int, message: String) throws {
        do {
            _ = try parseFrontMatter(text)
            Issue.record("expected an error")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.line == line)
            #expect(diagnostic.message.contains(message), "\(diagnostic.message)")
            #expect(diagnostic.description.hasPrefix("content/en/page.md:\(line):"))
        }
    }

    @Test("draft: off says why YAML 1.2 reads it as text")
    func draftOffHint() throws {
        do {
            _ = try parseFrontMatter("---\ndraft: off\n---\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.first?.message.contains("YAML 1.2 reads 'off' as text") == true)
        }
    }

    @Test("a YAML syntax error is reported on the file's line, not the block's")
    func syntaxErrorLine() throws {
        do {
            _ = try parseFrontMatter("---\ntitle: A\ndescription: \"unclosed\nweight: 1\n---\nbody\n")
            Issue.record("expected an error")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.line >= 3)
            #expect(diagnostic.message.hasPrefix("YAML:"))
        }
    }

    @Test("front matter that is never closed is an error on line 1")
    func unclosed() throws {
        do {
            _ = try parseFrontMatter("---\ntitle: A\n\nBody\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.first?.line == 1)
            #expect(error.diagnostics.first?.message.contains("never closed") == true)
        }
    }

    @Test("a duplicate key names both lines")
    func duplicateKey() throws {
        do {
            _ = try parseFrontMatter("---\ntitle: A\nweight: 1\ntitle: B\n---\n")
            Issue.record("expected an error")
        } catch {
            let message = try #require(error.diagnostics.first?.message)
            #expect(message.contains("duplicate key 'title'"))
            #expect(message.contains("lines 2 and 4"))
        }
    }

    @Test("an unknown key close to a known one is a warning with a suggestion")
    func nearMiss() throws {
        let result = try parseFrontMatter("---\ntitel: A\nWeight: 2\n---\n")
        let messages = result.warnings.map(\.message)
        #expect(messages.contains { $0.contains("'titel'") && $0.contains("did you mean 'title'") })
        #expect(messages.contains { $0.contains("'Weight'") && $0.contains("did you mean 'weight'") })
        #expect(result.warnings.first?.line == 2)
    }

    @Test("a file without front matter is all body, and `---` later in the body is content")
    func noFrontMatter() throws {
        let result = try parseFrontMatter("# Title\n\n```\n---\n```\n")
        #expect(result.frontMatter.title == nil)
        #expect(result.bodyLine == 1)
        #expect(result.body.contains("---"))
    }

    @Test("invalid UTF-8 and NUL bytes name the first bad byte")
    func badBytes() throws {
        #expect(throws: Diagnostic.self) { try SourceText.decode(Data([0x61, 0x0A, 0x62, 0xFF]), path: "a.md") }
        do {
            _ = try SourceText.decode(Data([0x61, 0x0A, 0x62, 0xFF]), path: "a.md")
        } catch {
            #expect(error.line == 2 && error.column == 2)
        }
        do {
            _ = try SourceText.decode(Data([0x61, 0x00]), path: "a.md")
        } catch {
            #expect(error.message.contains("NUL"))
        }
    }

    @Test("a text field refuses YAML's nulls, and takes text that only looks like one")
    func nullText() throws {
        for null in ["", "~", "null", "Null", "NULL", "!!null x", "!!null ''"] {
            #expect(throws: (any Error).self, "title: \(null)") {
                try parseFrontMatter("---\ntitle: \(null)\n---\nBody\n")
            }
        }
        for text in ["nullable", "'null'", "\"~\"", "None", "!!str null", "nil", "~x"] {
            let result = try parseFrontMatter("---\ntitle: \(text)\n---\nBody\n")
            #expect(result.frontMatter.title?.isEmpty == false, "title: \(text)")
        }
        // The same answers as resolving the tag, for plain scalars.
        for plain in ["", "~", "null", "NULL", "nULL", "0", "true", "1.5", "<<", "2001-12-14", "=", "text"] {
            let node = try #require(try Yams.compose(yaml: "k: \(plain)", Resolver.default)?.mapping?["k"])
            #expect(node.isNull == (node.tagName == .null), "\(plain)")
        }
    }

    @Test("dates, merge keys and other YAML 1.1 types are text; the core schema's four types are read")
    func coreSchema() throws {
        let result = try parseFrontMatter(
            """
            ---
            title: T
            date: 2024-01-31
            stamp: 2001-12-14t21:59:43.10-05:00
            merge: <<
            equals: =
            flag: yes
            on: true
            count: 0x1F
            ratio: 1.5e3
            nothing: ~
            ---
            Body
            """)
        let params = result.frontMatter.params
        #expect(params["date"] == .string("2024-01-31"))
        #expect(params["stamp"] == .string("2001-12-14t21:59:43.10-05:00"))
        #expect(params["merge"] == .string("<<"))
        #expect(params["equals"] == .string("="))
        #expect(params["flag"] == .string("yes"))
        #expect(params["on"] == .bool(true))
        #expect(params["count"] == .int(31))
        #expect(params["ratio"] == .double(1500))
        #expect(params["nothing"] == .null)
    }
}
