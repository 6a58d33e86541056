import Foundation

/// Heading anchors: the lowercase text with punctuation removed and spaces turned into `-`.
///
/// Letters and digits of every script are kept (`Übersicht` → `übersicht`), as GitHub and Hugo do.
enum Slug {
    static func make(_ text: String) -> String {
        if let slug = asciiSlug(text) { return slug }
        let trimmed = text.trimmingWhitespaceAndNewlines
        if trimmed.utf8.contains(UInt8(ascii: "\r")) { return characterSlug(trimmed) }
        // Character by character only around the non-ASCII parts (a German heading has a few umlauts): an ASCII
        // character between two ASCII characters is a character of its own, so the ASCII runs go byte by byte.
        // Each non-ASCII run is taken with the ASCII character on either side, which it may join (a combining
        // mark after a letter, a prepended mark before one).
        let bytes = Array(trimmed.utf8)
        var slug: [UInt8] = []
        slug.reserveCapacity(bytes.count + 8)
        var cursor = 0
        while cursor < bytes.count {
            guard let firstWide = bytes[cursor...].firstIndex(where: { $0 >= 0x80 }) else {
                appendASCII(bytes[cursor...], to: &slug)
                break
            }
            let start = max(cursor, firstWide - 1)
            appendASCII(bytes[cursor..<start], to: &slug)
            var end = firstWide
            while true {
                while end < bytes.count && bytes[end] >= 0x80 { end += 1 }
                // `end` is at an ASCII byte (or the end): take it, and go on when a wide run follows it.
                if end + 1 < bytes.count && bytes[end + 1] >= 0x80 {
                    end += 1
                    continue
                }
                end = min(end + 1, bytes.count)
                break
            }
            slug += characterSlug(String(decoding: bytes[start..<end], as: UTF8.self)).utf8
            cursor = end
        }
        return String(decoding: slug, as: UTF8.self)
    }

    /// The slug of a text character by character (lowercased first): every script's letters and digits.
    static func characterSlug(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                slug.append(character)
            } else if character.isWhitespace {
                slug.append("-")
            }
        }
        return slug
    }

    /// ASCII letters lowercased, digits, `-` and `_` kept, white space as `-`, the rest left out.
    private static func appendASCII(_ bytes: some Sequence<UInt8>, to slug: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): slug.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"),
                UInt8(ascii: "_"):
                slug.append(byte)
            case 0x20, 0x09...0x0D: slug.append(UInt8(ascii: "-"))
            default: break
            }
        }
    }

    /// The slug of a text that is all ASCII (most headings), byte by byte; nil for any other text (and for
    /// CR, which with LF forms one character). Gives what the general path gives.
    private static func asciiSlug(_ text: String) -> String? {
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) else { return nil }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return "" }
        var slug: [UInt8] = []
        slug.reserveCapacity(bytes.count)
        appendASCII(bytes[first...last], to: &slug)
        return String(decoding: slug, as: UTF8.self)
    }

    /// Gives out unique slugs within one page: the second `x` becomes `x-1`, the third `x-2`.
    struct Registry {
        private var used: [String: Int] = [:]

        mutating func unique(_ base: String) -> String {
            let base = base.isEmpty ? "section" : base
            guard let count = used[base] else {
                used[base] = 0
                return base
            }
            var next = count + 1
            while used["\(base)-\(next)"] != nil { next += 1 }
            used[base] = next
            used["\(base)-\(next)"] = 0
            return "\(base)-\(next)"
        }
    }
}
