/// The start tags of an HTML page and their attributes, read as a browser's tokenizer reads them.
///
/// Input: a page's bytes (UTF-8). Output: every start tag in document order, its name lowercased, each attribute
/// with its value as written and decoded. Enough of the HTML Standard's tokenizer for a link check, written
/// independently of cnmm's own scan: comments, doctypes, CDATA and processing instructions are skipped; the text of
/// `script`, `style`, `textarea`, `title` and the other raw-text elements is not searched for tags; values may be
/// double-quoted, single-quoted or unquoted; of repeated attributes the first wins; character references are decoded
/// (numeric ones, and the named ones in `named`; other names are left as written). Values keep their bytes: nothing
/// is normalised, so an NFD `ü` stays different from an NFC one, as it is for a web server.
struct HTMLScan {
    struct Attribute {
        var name: String
        /// The value as written between the quotes.
        var raw: [UInt8]
        /// The value with character references decoded: what the DOM holds.
        var value: [UInt8]
    }

    struct Tag {
        var name: String
        var attributes: [Attribute]

        func attribute(_ name: String) -> Attribute? {
            attributes.first { $0.name == name }
        }
    }

    /// Every start tag of `html`.
    static func tags(in html: [UInt8]) -> [Tag] {
        var reader = Reader(html: html)
        return reader.tags()
    }

    /// Decodes character references in an attribute value, as the tokenizer does.
    static func decode<Bytes: Collection<UInt8>>(_ raw: Bytes) -> [UInt8] {
        let raw = Array(raw)
        guard raw.contains(UInt8(ascii: "&")) else { return raw }
        var output: [UInt8] = []
        var i = 0
        while i < raw.count {
            guard raw[i] == UInt8(ascii: "&"), let (decoded, next) = reference(raw, at: i) else {
                output.append(raw[i])
                i += 1
                continue
            }
            output += decoded
            i = next
        }
        return output
    }

    /// Named references decoded with or without `;` (the HTML Standard's legacy ones) and those needing it.
    static let named: [String: (text: String, legacy: Bool)] = [
        "amp": ("&", true), "lt": ("<", true), "gt": (">", true), "quot": ("\"", true), "nbsp": ("\u{A0}", true),
        "apos": ("'", false), "auml": ("ä", true), "ouml": ("ö", true), "uuml": ("ü", true), "Auml": ("Ä", true),
        "Ouml": ("Ö", true), "Uuml": ("Ü", true), "szlig": ("ß", true),
    ]
}

private extension HTMLScan {
    /// Elements whose content is text up to their end tag (raw text, escapable raw text, and `plaintext`).
    static let textElements: Set<String> = [
        "script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title", "plaintext",
    ]

    /// The decoded bytes of the character reference at `start` (an `&`) and the index after it; nil: not one.
    static func reference(_ raw: [UInt8], at start: Int) -> ([UInt8], Int)? {
        var i = start + 1
        if i < raw.count, raw[i] == UInt8(ascii: "#") {
            i += 1
            let hex = i < raw.count && (raw[i] | 0x20) == UInt8(ascii: "x")
            if hex { i += 1 }
            let digitsStart = i
            var value: UInt32 = 0
            while i < raw.count, let digit = digitValue(raw[i], hex: hex) {
                value = min(value &* (hex ? 16 : 10) &+ digit, 0x11_0000)
                i += 1
            }
            guard i > digitsStart else { return nil }
            if i < raw.count, raw[i] == UInt8(ascii: ";") { i += 1 }
            let scalar = Unicode.Scalar(value).flatMap { value == 0 ? nil : $0 } ?? "\u{FFFD}"
            return (Array(String(Character(scalar)).utf8), i)
        }
        while i < raw.count, isAlphanumeric(raw[i]) { i += 1 }
        let name = String(decoding: raw[(start + 1)..<i], as: UTF8.self)
        guard let entry = named[name] else { return nil }
        if i < raw.count, raw[i] == UInt8(ascii: ";") { return (Array(entry.text.utf8), i + 1) }
        // In attributes, a legacy name without `;` followed by `=` stays as written.
        guard entry.legacy, i >= raw.count || raw[i] != UInt8(ascii: "=") else { return nil }
        return (Array(entry.text.utf8), i)
    }

    static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isAlpha(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    static func isAlpha(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    /// HTML's white space in a tag: tab, line feed, form feed, carriage return (a line feed once preprocessed), space.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// White space, `/` and `>` end a tag's or an attribute's name.
    static func endsName(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
    }

    static func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
        let upper = UInt8(ascii: "A")...UInt8(ascii: "Z")
        return String(decoding: bytes.map { upper.contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// The tokenizer's walk through one page.
    struct Reader {
        let html: [UInt8]
        var i = 0

        mutating func tags() -> [Tag] {
            var tags: [Tag] = []
            while let open = find("<", from: i) {
                i = open + 1
                guard i < html.count else { break }
                switch html[i] {
                case UInt8(ascii: "!"): skipMarkupDeclaration()
                case UInt8(ascii: "?"): i = end(of: ">", from: i)
                case UInt8(ascii: "/"):
                    i += 1
                    if i < html.count, HTMLScan.isAlpha(html[i]) {
                        _ = tag()  // an end tag: its attributes mean nothing
                    } else if i < html.count, html[i] != UInt8(ascii: ">") {
                        i = end(of: ">", from: i)  // a bogus comment
                    }
                case let byte where HTMLScan.isAlpha(byte):
                    let tag = tag()
                    tags.append(tag)
                    if HTMLScan.textElements.contains(tag.name) { skipText(of: tag.name) }
                default: break  // a `<` in text
                }
            }
            return tags
        }

        /// After `<!`: a comment, CDATA section, or doctype.
        mutating func skipMarkupDeclaration() {
            if starts("!--", at: i) {
                i += 3
                // `<!-->` and `<!--->` are complete (empty) comments.
                if starts(">", at: i) { i += 1 } else if starts("->", at: i) { i += 2 } else { i = comment(from: i) }
            } else if starts("![CDATA[", at: i) {
                i = end(of: "]]>", from: i)
            } else {
                i = end(of: ">", from: i)
            }
        }

        /// The end of a comment: after `-->` or `--!>`.
        func comment(from start: Int) -> Int {
            var j = start
            while let dashes = find("--", from: j) {
                if starts("--!>", at: dashes) { return dashes + 4 }
                if starts("-->", at: dashes) { return dashes + 3 }
                j = dashes + 1
            }
            return html.count
        }

        /// Skips an element's text to its end tag (`</name` then white space, `/` or `>`), left for `tags()` to read.
        mutating func skipText(of name: String) {
            guard name != "plaintext" else {
                i = html.count
                return
            }
            let closing = Array("</\(name)".utf8)
            while let open = find("</", from: i) {
                let after = open + closing.count
                let nameMatches =
                    after <= html.count
                    && HTMLScan.lowercased(html[open..<after]) == String(decoding: closing, as: UTF8.self)
                if nameMatches, after == html.count || HTMLScan.endsName(html[after]) {
                    i = open
                    return
                }
                i = open + 2
            }
            i = html.count
        }

        /// Reads a tag from its name to after its `>`.
        mutating func tag() -> Tag {
            let nameStart = i
            while i < html.count, !HTMLScan.endsName(html[i]) { i += 1 }
            var tag = Tag(name: HTMLScan.lowercased(html[nameStart..<i]), attributes: [])
            while true {
                while i < html.count, HTMLScan.isSpace(html[i]) || html[i] == UInt8(ascii: "/") { i += 1 }
                guard i < html.count else { return tag }
                if html[i] == UInt8(ascii: ">") {
                    i += 1
                    return tag
                }
                let attribute = self.attribute()
                if !tag.attributes.contains(where: { $0.name == attribute.name }) { tag.attributes.append(attribute) }
            }
        }

        /// Reads one attribute: its name (whose first character may be `=`), then `=` and a value if there is one.
        mutating func attribute() -> Attribute {
            let nameStart = i
            i += 1
            while i < html.count, !HTMLScan.endsName(html[i]), html[i] != UInt8(ascii: "=") { i += 1 }
            let name = HTMLScan.lowercased(html[nameStart..<i])
            var j = i
            while j < html.count, HTMLScan.isSpace(html[j]) { j += 1 }
            guard j < html.count, html[j] == UInt8(ascii: "=") else {
                i = j
                return Attribute(name: name, raw: [], value: [])
            }
            j += 1
            while j < html.count, HTMLScan.isSpace(html[j]) { j += 1 }
            i = j
            var raw: ArraySlice<UInt8> = []
            if i < html.count, html[i] == UInt8(ascii: "\"") || html[i] == UInt8(ascii: "'") {
                let quote = html[i]
                let close = html[(i + 1)...].firstIndex(of: quote) ?? html.count
                raw = html[(i + 1)..<close]
                i = min(close + 1, html.count)
            } else {
                let start = i
                while i < html.count, !HTMLScan.isSpace(html[i]), html[i] != UInt8(ascii: ">") { i += 1 }
                raw = html[start..<i]
            }
            return Attribute(name: name, raw: Array(raw), value: HTMLScan.decode(raw))
        }

        func starts(_ text: String, at index: Int) -> Bool {
            let bytes = Array(text.utf8)
            return index + bytes.count <= html.count && html[index..<(index + bytes.count)].elementsEqual(bytes)
        }

        func find(_ text: String, from start: Int) -> Int? {
            let bytes = Array(text.utf8)
            var j = start
            while j + bytes.count <= html.count {
                if html[j] == bytes[0], html[j..<(j + bytes.count)].elementsEqual(bytes) { return j }
                j += 1
            }
            return nil
        }

        /// The index after the next `text` from `start`, or the end of the page.
        func end(of text: String, from start: Int) -> Int {
            find(text, from: start).map { $0 + text.utf8.count } ?? html.count
        }
    }
}
