import Foundation

/// Rendered HTML made into the plain text a search index stores: what a reader sees, in one line.
///
/// Tags go; the contents of `script`, `style`, `svg` and `template` go with them. Block elements and `<br>`
/// separate words, inline ones do not (`foo<em>bar</em>` stays one word). Character references are
/// decoded, runs of white space become one space, and the result is in Unicode NFC, so that the theme's
/// script can fold it character by character.
enum SearchText {
    /// The text of an HTML fragment.
    ///
    /// One pass over the UTF-8 bytes: tags, references and white space are all ASCII-delimited, and walking the
    /// text by characters (or bridging it to `NSString` to find a tag's end) was a tenth of a large site's build.
    static func plain(_ html: String) -> String {
        var html = html
        let result = html.withUTF8 { bytes in
            var scanner = PlainTextScanner(bytes: bytes)
            return scanner.run()
        }
        return isNFCWithoutChecking(result) ? result : result.precomposedStringWithCanonicalMapping
    }

    /// True for text whose scalars are all below U+0300: no such scalar decomposes other than into itself
    /// and back, so the text is in NFC already (ASCII, Latin-1, most German). Skips Foundation's normalisation.
    private static func isNFCWithoutChecking(_ text: String) -> Bool {
        var text = text
        // Over the bytes in memory: `utf8.allSatisfy` walked the view index by index (a fifth of this type's time).
        return text.withUTF8 { bytes in !bytes.contains { $0 >= 0xCC } }
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

    /// The bytes that may start a White_Space scalar: ASCII's six, and the lead bytes of U+0085 and U+00A0 (C2),
    /// U+1680 (E1), U+2000…U+205F (E2) and U+3000 (E3). Any other byte is inside a run of non-space text.
    static let whitespaceLeads: [Bool] = (0...255).map { byte in
        [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xC2, 0xE1, 0xE2, 0xE3].contains(byte)
    }

    /// The length in bytes of the white space scalar at `index`, or 0 when there is none (the text is valid UTF-8).
    static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
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

extension SearchText {
    /// Elements whose content is no text for readers.
    static let hiddenElements: Set<String> = ["script", "style", "svg", "template"]

    /// Elements that separate the words around them.
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "img", "li", "main",
        "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]

    enum ElementKind {
        case hidden, block
    }

    /// `hiddenElements` and `blockElements` of up to eight letters, by their names packed into an integer (the
    /// first letter in the lowest byte), for `PlainTextScanner`.
    static let elementKinds: [UInt64: ElementKind] = {
        func packed(_ name: String) -> UInt64 {
            name.utf8.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        }
        var kinds: [UInt64: ElementKind] = [:]
        for name in blockElements where name.utf8.count <= 8 { kinds[packed(name)] = .block }
        for name in hiddenElements where name.utf8.count <= 8 { kinds[packed(name)] = .hidden }
        return kinds
    }()

    static let namedReferences: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "hellip": "…", "laquo": "«", "raquo": "»", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
        "bdquo": "„", "shy": "", "copy": "©", "reg": "®", "trade": "™", "middot": "·", "bull": "•",
    ]
}

extension Unicode.Scalar {
    /// `properties.isWhitespace`, answered without a table lookup. Unicode's White_Space property is stable
    /// (no scalar has gained or lost it since Unicode 6.3): besides ASCII's six, U+0085, U+00A0, U+1680,
    /// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F and U+3000. A test compares every scalar with the property.
    var isWhitespaceFast: Bool {
        switch value {
        case 0x20, 0x09...0x0D: true
        case 0...0x7F: false
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// `properties.isAlphabetic || properties.numericType != nil` (a letter or a number): ASCII by its ranges,
    /// the scalars below U+0800 (Latin, Greek, Cyrillic, Hebrew, Arabic…) from a table made once from those
    /// properties, General Punctuation as none, the rest from the properties.
    var isLetterOrNumberFast: Bool {
        if isASCII {
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        if value < 0x800 { return Self.letterOrNumberBelow800[Int(value)] }
        // General Punctuation (dashes, quotes, spaces, format controls) holds no letter or number.
        if (0x2000...0x206F).contains(value) { return false }
        return properties.isAlphabetic || properties.numericType != nil
    }

    private static let letterOrNumberBelow800: [Bool] = (0..<0x800).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
