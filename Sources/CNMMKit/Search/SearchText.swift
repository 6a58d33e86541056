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
        while let open = rest.firstIndex(where: { $0 == "<" || $0 == "&" }) {
            text += rest[..<open]
            rest = rest[open...]
            if rest.first == "&" {
                let (decoded, after) = reference(at: rest)
                text += decoded
                rest = after
            } else {
                rest = skipTag(rest, into: &text)
            }
        }
        text += rest
        return collapsed(text).precomposedStringWithCanonicalMapping
    }

    /// Runs of white space as one space, none at either end.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
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
        guard let close = html.firstIndex(of: ">") else { return "" }
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
