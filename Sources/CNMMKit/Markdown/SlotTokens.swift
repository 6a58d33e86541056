import Foundation

/// Stand-ins for links and headings while cmark renders a page, replaced in its HTML afterwards.
///
/// cmark writes the HTML; the Markdown stage needs to know where in it each link of the site and each heading
/// ended up. Each is given to cmark as a token (`QcnmmSlotL7E`: letters and digits only, which cmark writes into an
/// `href` unchanged), and one pass over the HTML replaces every token with its real text, noting where it went.
/// The tokens' stem is chosen so that the page's own text does not contain it (it starts with a `Q`, rare in text,
/// which makes the search for it quick).
struct SlotTokens {
    enum Kind: UInt8 {
        case link = 0x4C  // L
        case heading = 0x48  // H
    }

    /// What a token becomes.
    enum Replacement {
        /// An `href` or `src` value, and the link it is.
        case link(String, ContentLink)
        /// A heading's opening part; `rest` counts the bytes after the token up to the end of its closing tag.
        case heading(opening: String, rest: Int)
    }

    private(set) var stem = "QcnmmSlot"
    private(set) var used = false

    init(avoiding text: String) {
        while text[...].firstUTF8Range(of: stem) != nil { stem += "x" }
    }

    mutating func token(_ kind: Kind, _ index: Int) -> String {
        used = true
        return stem + String(UnicodeScalar(kind.rawValue)) + String(index) + "E"
    }

    /// `html` with every token replaced, and where the links and headings now sit.
    func replace(in html: String, _ replacement: (Kind, Int) -> Replacement) -> (String, PageContent) {
        guard used else { return (html, PageContent()) }
        var html = html
        return html.withUTF8 { replace(in: $0, replacement) }
    }

    /// The HTML in `bytes` with every token replaced, and where the links and headings now sit.
    func replace(in bytes: UnsafeBufferPointer<UInt8>, _ replacement: (Kind, Int) -> Replacement) -> (
        String, PageContent
    ) {
        var content = PageContent()
        guard used else { return (String(decoding: bytes, as: UTF8.self), content) }
        do {
            let stemBytes = Array(stem.utf8)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var cursor = 0
            var checkpoints: [(Int, Int)] = [(0, 0)]
            var headingEnds: [(Int, Int)] = []
            var search = 0
            while let found = Self.find(stemBytes, in: bytes, from: search) {
                var position = found + stemBytes.count
                guard position < bytes.count, let kind = Kind(rawValue: bytes[position]) else {
                    search = found + 1
                    continue
                }
                position += 1
                var index = 0
                let digitsStart = position
                while position < bytes.count, (0x30...0x39).contains(bytes[position]) {
                    index = index * 10 + Int(bytes[position] - 0x30)
                    position += 1
                }
                guard position > digitsStart, position < bytes.count, bytes[position] == UInt8(ascii: "E") else {
                    search = found + 1
                    continue
                }
                position += 1
                out += bytes[cursor..<found]
                let start = out.count
                switch replacement(kind, index) {
                case .link(let text, var link):
                    out += Array(text.utf8)
                    link.range = start..<out.count
                    content.links.append(link)
                case .heading(let opening, let rest):
                    out += Array(opening.utf8)
                    content.headings.append(PageContent.HeadingPlace(opening: start..<out.count, end: 0))
                    headingEnds.append((content.headings.count - 1, position + rest))
                }
                cursor = position
                search = position
                checkpoints.append((cursor, out.count))
            }
            out += bytes[cursor..<bytes.count]
            for (index, end) in headingEnds {
                let (source, written) = checkpoints.last { $0.0 <= end } ?? (0, 0)
                content.headings[index].end = written + (end - source)
            }
            return (String(decoding: out, as: UTF8.self), content)
        }
    }

    /// The first occurrence of `needle` in `bytes` at or after `start`.
    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = needle.first, start < bytes.count, let base = bytes.baseAddress else { return nil }
        var cursor = start
        while cursor + needle.count <= bytes.count,
            let hit = memchr(base + cursor, Int32(first), bytes.count - cursor)
        {
            let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if position + needle.count > bytes.count { return nil }
            var matches = true
            for offset in 1..<needle.count where bytes[position + offset] != needle[offset] {
                matches = false
                break
            }
            if matches { return position }
            cursor = position + 1
        }
        return nil
    }
}
