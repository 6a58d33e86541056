import Foundation

/// Rendered HTML made into the plain text a search index stores: what a reader sees, in one line.
///
/// Tags go; the contents of `script`, `style`, `svg` and `template` go with them. Block elements and `<br>`
/// separate words, inline ones do not (`foo<em>bar</em>` stays one word). Character references are
/// decoded, runs of white space become one space, and the result is in Unicode NFC, so that the theme's
/// script can fold it character by character.
enum SearchText {
    /// The text of an HTML fragment.
    static func plain(_ html: String) -> String {
        var text = ""
        text.reserveCapacity(html.utf8.count)
        var rest = html[...]
        // Looked for as bytes: both are ASCII, and walking the text by characters was most of the time taken.
        while let open = rest.utf8.firstIndex(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) {
            text += rest[..<open]
            rest = rest[open...]
            if rest.utf8.first == UInt8(ascii: "&") {
                let (decoded, after) = reference(at: rest)
                text += decoded
                rest = after
            } else {
                rest = skipTag(rest, into: &text)
            }
        }
        text += rest
        let result = collapsed(text)
        return isNFCWithoutChecking(result) ? result : result.precomposedStringWithCanonicalMapping
    }

    /// True for text whose scalars are all below U+0300: no such scalar decomposes other than into itself
    /// and back, so the text is in NFC already (ASCII, Latin-1, most German). Skips Foundation's normalisation.
    private static func isNFCWithoutChecking(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0xCC }
    }

    /// Runs of white space as one space, none at either end.
    ///
    /// Works on the UTF-8 bytes, copying everything but the Unicode White_Space scalars: splitting into
    /// characters and joining them again took a quarter of the build on large sites.
    static func collapsed(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var index = 0
            var space = false
            while index < bytes.count {
                let length = whitespaceLength(bytes, at: index)
                if length > 0 {
                    space = !result.isEmpty
                    index += length
                    continue
                }
                if space {
                    result.append(UInt8(ascii: " "))
                    space = false
                }
                result.append(bytes[index])
                index += 1
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// The length in bytes of the white space scalar at `index`, or 0 when there is none (the text is valid UTF-8).
    private static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0 }
        func next(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch byte {
        case 0xC2: return next(1) == 0x85 || next(1) == 0xA0 ? 2 : 0  // U+0085, U+00A0
        case 0xE1: return next(1) == 0x9A && next(2) == 0x80 ? 3 : 0  // U+1680
        case 0xE2:
            // U+2000…U+200A, U+2028, U+2029, U+202F, U+205F
            if next(1) == 0x80 {
                return (0x80...0x8A).contains(next(2)) || [0xA8, 0xA9, 0xAF].contains(next(2)) ? 3 : 0
            }
            return next(1) == 0x81 && next(2) == 0x9F ? 3 : 0
        case 0xE3: return next(1) == 0x80 && next(2) == 0x80 ? 3 : 0  // U+3000
        default: return 0
        }
    }
}

private extension SearchText {
    /// Elements whose content is no text for readers.
    static let hiddenElements: Set<String> = ["script", "style", "svg", "template"]

    /// Elements that separate the words around them.
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "img", "li", "main",
        "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]

    static let namedReferences: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "hellip": "…", "laquo": "«", "raquo": "»", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
        "bdquo": "„", "shy": "", "copy": "©", "reg": "®", "trade": "™", "middot": "·", "bull": "•",
    ]

    /// Skips the tag at the start of `html` (and a hidden element's content), adding a space for a block element.
    static func skipTag(_ html: Substring, into text: inout String) -> Substring {
        if html.hasPrefix("<!--") {
            guard let end = html.range(of: "-->") else { return "" }
            return html[end.upperBound...]
        }
        guard let close = html.utf8.firstIndex(of: UInt8(ascii: ">")) else { return "" }
        let inside = html[html.index(after: html.startIndex)..<close]
        let isEnd = inside.hasPrefix("/")
        let name = inside.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber }).lowercased()
        var rest = html[html.index(after: close)...]
        if !isEnd, hiddenElements.contains(name), !inside.hasSuffix("/") {
            guard let end = rest.range(of: "</\(name)", options: .caseInsensitive) else { return "" }
            rest = rest[end.upperBound...]
            rest = rest.firstIndex(of: ">").map { rest[rest.index(after: $0)...] } ?? ""
            text += " "
        } else if blockElements.contains(name) {
            text += " "
        }
        return rest
    }

    /// Decodes the character reference at the start of `html`; an unknown one stays as it is.
    static func reference(at html: Substring) -> (String, Substring) {
        let body = html.dropFirst().prefix(12)
        guard let semicolon = body.firstIndex(of: ";") else { return ("&", html.dropFirst()) }
        let name = body[..<semicolon]
        let after = html[html.index(after: semicolon)...]
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value =
                digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            if let value, let scalar = Unicode.Scalar(value) { return (String(Character(scalar)), after) }
        } else if let decoded = namedReferences[String(name)] {
            return (decoded, after)
        }
        return ("&", html.dropFirst())
    }
}

extension Unicode.Scalar {
    /// `properties.isWhitespace`, answered without a table lookup for ASCII.
    var isWhitespaceFast: Bool {
        isASCII ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }

    /// `properties.isAlphabetic || properties.numericType != nil` (a letter or a number), fast for ASCII.
    var isLetterOrNumberFast: Bool {
        guard isASCII else { return properties.isAlphabetic || properties.numericType != nil }
        return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }
}
