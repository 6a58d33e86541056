/// Relative URL references resolved as a browser resolves them, for links within one site.
///
/// Only the path, query and fragment matter here: a reference with a scheme (`https:`, `mailto:`) or a host
/// (`//cdn.example`) is not the site's, and is left to the caller. Follows the WHATWG URL standard's steps for
/// paths of `http` URLs: a backslash counts as a slash, `.` and `..` segments are removed (`..` stops at the
/// root), `%2e` is a dot. Percent-escapes are kept as written.
enum URLReference {
    /// Whether `reference` starts with a URL scheme (`https:`, `mailto:`): `^[a-zA-Z][a-zA-Z0-9+.-]*:`.
    ///
    /// Written out by hand: a regular expression here was compiled once per link and took most of the build.
    static func hasScheme(_ reference: String) -> Bool {
        var bytes = reference.utf8.makeIterator()
        guard let first = bytes.next(), first.isASCIILetter else { return false }
        while let byte = bytes.next() {
            if byte == UInt8(ascii: ":") { return true }
            guard
                byte.isASCIILetter || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            else { return false }
        }
        return false
    }

    /// Whether a reference stays within the site: no scheme, no host (`//…`).
    static func isLocal(_ reference: String) -> Bool {
        let trimmed = reference.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        if trimmed.hasPrefix("//") || trimmed.hasPrefix("\\\\") || trimmed.hasPrefix("/\\") || trimmed.hasPrefix("\\/")
        {
            return false
        }
        return !hasScheme(String(trimmed))
    }

    /// `reference` resolved against the page at `base` (an absolute path such as `/level-1/`): an absolute path
    /// with the reference's query and fragment (`../level-2/#people` from `/level-1/` → `/level-2/#people`).
    /// Leading and trailing spaces, tabs and line breaks are dropped, and tabs and line breaks inside, as a
    /// browser does. The caller has checked `isLocal`.
    static func resolve(_ reference: String, against base: String) -> String {
        // Most references written from the site's root (`ref` links, `/level-2/#people`) are resolved already.
        if reference.utf8.first == UInt8(ascii: "/"),
            !reference.utf8.contains(where: {
                $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "%") || $0 <= 0x20
            })
        {
            return reference
        }
        var text = reference
        if text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x20 }) {
            text = String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
            text.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        }
        // Split off the fragment, then the query.
        var fragment = ""
        if let hash = text.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(text[hash...])
            text = String(text[..<hash])
        }
        var query = ""
        if let mark = text.utf8.firstIndex(of: UInt8(ascii: "?")) {
            query = String(text[mark...])
            text = String(text[..<mark])
        }
        if text.utf8.contains(UInt8(ascii: "\\")) { text = text[...].replacingAll("\\", with: "/") }
        let basePath = String(base.prefix { $0 != "?" && $0 != "#" })
        if text.isEmpty {
            // Only a query and/or a fragment: the base path, with the base's query unless a new one is given.
            if query.isEmpty, let mark = base.firstIndex(of: "?") {
                query = String(base[mark...].prefix { $0 != "#" })
            }
            return removeDotSegments(basePath) + query + fragment
        }
        let path: String
        if text.hasPrefix("/") {
            path = text
        } else {
            let folder = basePath.lastIndex(of: "/").map { String(basePath[...$0]) } ?? "/"
            path = folder + text
        }
        return removeDotSegments(path) + query + fragment
    }

    /// Removes `.` and `..` segments from an absolute path (`%2e` and `%2E` count as dots); a `..` at the root
    /// stays at the root, and a path ending in a dot segment keeps its trailing slash.
    static func removeDotSegments(_ path: String) -> String {
        guard path.utf8.contains(UInt8(ascii: ".")) || path.utf8.contains(UInt8(ascii: "%")) else {
            return path.hasPrefix("/") ? path : "/" + path
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst(
            path.hasPrefix("/") ? 1 : 0)
        var output: [Substring] = []
        var endsInFolder = false
        for (position, segment) in segments.enumerated() {
            let isLast = position == segments.count - 1
            let lowered = segment.lowercased()
            if lowered == "." || lowered == "%2e" {
                endsInFolder = isLast
                continue
            }
            if lowered == ".." || lowered == ".%2e" || lowered == "%2e." || lowered == "%2e%2e" {
                _ = output.popLast()
                endsInFolder = isLast
                continue
            }
            endsInFolder = false
            output.append(segment)
        }
        return "/" + output.joined(separator: "/") + (endsInFolder && !output.isEmpty ? "/" : "")
    }

    /// A URL as cmark writes it into `href` and `src`: bytes outside `-_.+!*'(),%#@?=;:/,+&$~` and the ASCII
    /// letters and digits percent-encoded, `&` as `&amp;` and `'` as `&#x27;` (cmark-gfm's `houdini_escape_href`).
    static func escapedForHref(_ url: String) -> String {
        let needsWork = url.utf8.contains { !isHrefSafe($0) || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "'") }
        guard needsWork else { return url }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(url.utf8.count + 16)
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "'"): out += Array("&#x27;".utf8)
            case _ where isHrefSafe(byte): out.append(byte)
            default: out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isHrefSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return hrefSafePunctuation.contains(byte)
        }
    }

    private static let hrefSafePunctuation = Set("-_.+!*'(),%#@?=;:/,+&$~".utf8)
}

extension UInt8 {
    var isASCIILetter: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
    }
}
