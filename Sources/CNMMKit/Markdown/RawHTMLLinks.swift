import Foundation

/// The `href` and `src` values of raw HTML in Markdown (`<img src="diagram.png">`), so that a page showing the
/// section elsewhere can write them for its own URL as it does Markdown links.
enum RawHTMLLinks {
    /// `html` with each double- or single-quoted `href` or `src` value replaced by what `replace` returns for it (the
    /// value as written, whether it is a `src`, and its line within `html`, 0 for the first); nil when nothing was
    /// replaced.
    static func rewrite(_ html: String, _ replace: (_ value: String, _ isImage: Bool, _ line: Int) -> String?)
        -> String?
    {
        guard html.utf8.contains(UInt8(ascii: "=")),
            html[...].firstUTF8Range(of: "href=") != nil || html[...].firstUTF8Range(of: "src=") != nil
        else { return nil }
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var changed = false
        var cursor = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "="), index + 1 < bytes.count,
                bytes[index + 1] == UInt8(ascii: "\"") || bytes[index + 1] == UInt8(ascii: "'"),
                let isImage = attribute(endingAt: index, in: bytes)
            else {
                index += 1
                continue
            }
            let quote = bytes[index + 1]
            let start = index + 2
            guard let end = bytes[start...].firstIndex(of: quote) else { break }
            let value = String(decoding: bytes[start..<end], as: UTF8.self)
            let line = bytes[..<start].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            if let replacement = replace(value, isImage, line) {
                out += bytes[cursor..<start]
                out += Array(replacement.utf8)
                cursor = end
                changed = true
            }
            index = end + 1
        }
        guard changed else { return nil }
        out += bytes[cursor...]
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether ` href` (false) or ` src` (true), after white space, ends just before `position`; nil for others.
    private static func attribute(endingAt position: Int, in bytes: [UInt8]) -> Bool? {
        for (name, isImage) in [(Array("href".utf8), false), (Array("src".utf8), true)] {
            let start = position - name.count
            guard start > 0, Array(bytes[start..<position]).map({ $0 | 0x20 }) == name else { continue }
            let before = bytes[start - 1]
            if before == 0x20 || before == 0x09 || before == 0x0A || before == 0x0D { return isImage }
        }
        return nil
    }

    /// An attribute value with the character references a URL in HTML commonly has decoded (`&amp;`, `&quot;`,
    /// `&#39;`, `&#x27;`).
    static func decoded(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "&")) else { return value }
        return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
