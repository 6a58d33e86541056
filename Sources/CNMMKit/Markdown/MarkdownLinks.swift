import Foundation

/// Links in content that need care: exports that point at Markdown files, and links that open a new tab.
enum MarkdownLinks {
    /// The page a link names when it looks like an exported Markdown link (`people.md`, `../level-2/index.md#x`,
    /// `http://./people.md`), as a `ref` target; nil for every other link.
    static func exportedPageLink(_ url: String) -> String? {
        var target = url
        for broken in ["http://./", "https://./", "http://.", "https://."] where target.hasPrefix(broken) {
            target = String(target.dropFirst(broken.count))
            break
        }
        if target.hasPrefix("/") && url == target { return nil }
        // A scheme (`https:`) by hand: a regular expression here was compiled once per link.
        if URLReference.hasScheme(target) { return nil }
        let withoutAnchor = target.split(separator: "#", maxSplits: 1).first.map(String.init) ?? target
        guard withoutAnchor.lowercased().hasSuffix(".md") else { return nil }
        return target
    }

    /// True for URLs that would run script when followed: `javascript:`, `vbscript:`, and `data:` except images.
    static func isScript(_ url: String, isImage: Bool) -> Bool {
        guard url.utf8.contains(UInt8(ascii: ":")) else { return false }
        let scheme = url.drop(while: { $0.isWhitespace }).prefix(while: { $0 != ":" && $0 != "/" && $0 != "#" })
            .filter { !$0.isWhitespace && $0 != "\0" }.lowercased()
        switch scheme {
        case "javascript", "vbscript": return true
        case "data": return !(isImage && url.lowercased().contains("data:image/") && !url.lowercased().contains("svg"))
        default: return false
        }
    }

    /// Whether HTML may hold a link that opens a new tab (it has `_blank`): only then `addNoopener` has work.
    static func mayOpenNewTab(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, bytes.count >= 6 else { return false }
        let needle = Array("_blank".utf8)
        var cursor = 0
        while cursor + 6 <= bytes.count, let hit = memchr(base + cursor, Int32(needle[0]), bytes.count - cursor) {
            let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if position + 6 <= bytes.count, (1..<6).allSatisfy({ bytes[position + $0] == needle[$0] }) { return true }
            cursor = position + 1
        }
        return false
    }

    /// Adds `rel="noopener"` to every `<a …target="_blank"…>` that has no `rel`.
    static func addNoopener(_ html: String) -> String {
        // Searched as UTF-8 bytes: Foundation's `contains` and `range(of:)` bridge the whole page on every call.
        guard html[...].firstUTF8Range(of: "_blank") != nil else { return html }
        var output = ""
        var rest = html[...]
        while let open = rest.firstUTF8Range(of: "<a ") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.lowerBound...].firstIndex(of: ">") else { break }
            var tag = String(rest[open.lowerBound..<close])
            if tag.contains("target=\"_blank\"") && !tag.contains(" rel=") { tag += " rel=\"noopener\"" }
            output += tag
            rest = rest[close...]
        }
        return output + rest
    }
}
