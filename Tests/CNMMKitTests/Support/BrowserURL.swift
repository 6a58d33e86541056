/// A URL parsed the way a browser parses an `href` (the WHATWG URL Standard), for the link check.
///
/// Foundation's `URL(string:relativeTo:)` follows RFC 3986 and differs from a browser in ways that matter here (each
/// case is a test in `BrowserURLTests`): it keeps `%2e%2e` segments that a browser resolves as `..`; it percent-encodes
/// leading and trailing spaces and line breaks that a browser strips or removes, and `\`, which a browser reads as
/// `/`; it returns nil for an empty `href` (the page itself), keeps `HTTP://SITE.TEST` and `:80` as written, reads
/// `http:x` as an absolute URL where a browser resolves it against an http page, and encodes `#` in a fragment, `%`
/// of an invalid escape, but not `'` in a query. This type implements the standard's state machine for the special
/// schemes (http, https, ws, wss, ftp; not `file:`), with hosts lowercased but not IDNA-mapped; other schemes keep
/// everything after the colon as an opaque path.
struct BrowserURL: Equatable, CustomStringConvertible {
    /// Lowercased.
    var scheme: String
    /// Lowercased; nil for a URL without an authority (`mailto:`, `javascript:`).
    var host: String?
    /// Nil when it is the scheme's default.
    var port: Int?
    /// Percent-encoded as a browser sends it; for special schemes it starts with `/`.
    var path: String
    var query: String?
    var fragment: String?

    var isSpecial: Bool { Self.defaultPorts.keys.contains(scheme) }

    var description: String {
        var text = scheme + ":"
        if let host { text += "//" + host + (port.map { ":\($0)" } ?? "") }
        text += path
        if let query { text += "?" + query }
        if let fragment { text += "#" + fragment }
        return text
    }

    /// Parses `input` (an attribute value, character references already decoded) against `base`; nil where a
    /// browser fails to parse it (an empty host, a bad port, a relative URL without a usable base).
    ///
    /// Works on UTF-8 bytes: every delimiter is ASCII, and no byte of a multi-byte character is.
    init?(_ input: String, base: BrowserURL? = nil) {
        var text = Self.cleaned(Array(input.utf8))[...]
        if let (scheme, rest) = Self.splitScheme(text) {
            self.init(scheme: scheme, host: nil, port: nil, path: "", query: nil, fragment: nil)
            guard isSpecial else {
                let (path, query, fragment) = Self.splitPath(rest)
                self.path = Self.encode(path, keeping: { $0 >= 0x20 && $0 < 0x7F })
                self.query = query.map { Self.encode($0, keeping: Self.isQueryByte) }
                self.fragment = fragment.map { Self.encode($0, keeping: Self.isFragmentByte) }
                return
            }
            guard let base, base.scheme == scheme, !rest.starts(with: Self.bytes("//")) else {
                guard parseAuthority(rest.drop(while: Self.isSlash)) else { return nil }
                return
            }
            // `http:level-2/` on an http page is relative (the standard's "special relative or authority state").
            text = rest
        }
        guard let base, base.isSpecial else { return nil }
        self = base
        fragment = nil
        if text.count >= 2, Self.isSlash(text[text.startIndex]), Self.isSlash(text[text.startIndex + 1]) {
            guard parseAuthority(text.drop(while: Self.isSlash)) else { return nil }
        } else if let first = text.first, Self.isSlash(first) {
            parsePathQueryFragment(text, relativeTo: [])
        } else if text.isEmpty || text.first == UInt8(ascii: "?") || text.first == UInt8(ascii: "#") {
            let (_, query, fragment) = Self.splitPath(text)
            if let query { self.query = Self.encode(query, keeping: Self.isQueryByte) }
            self.fragment = fragment.map { Self.encode($0, keeping: Self.isFragmentByte) }
        } else {
            // Relative to the base's folder: its path without the last segment.
            let folder = base.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().dropLast()
            parsePathQueryFragment(([UInt8(ascii: "/")] + text)[...], relativeTo: folder.map(String.init))
        }
    }

    init(scheme: String, host: String?, port: Int?, path: String, query: String?, fragment: String?) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    static let defaultPorts: [String: Int] = ["http": 80, "https": 443, "ws": 80, "wss": 443, "ftp": 21]

    /// Decodes `%XX` escapes to bytes; a `%` not followed by two hex digits stays.
    static func percentDecoded(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let high = hexValue(bytes[i + 1]),
                let low = hexValue(bytes[i + 2])
            {
                output.append(high << 4 | low)
                i += 3
            } else {
                output.append(bytes[i])
                i += 1
            }
        }
        return output
    }
}

private extension BrowserURL {
    typealias Bytes = ArraySlice<UInt8>

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// Special URLs read `\` as `/`.
    static func isSlash(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\")
    }

    /// Leading and trailing C0 controls and spaces are stripped, tabs and line breaks anywhere removed.
    static func cleaned(_ input: [UInt8]) -> [UInt8] {
        guard let first = input.firstIndex(where: { $0 > 0x20 }), let last = input.lastIndex(where: { $0 > 0x20 })
        else { return [] }
        return input[first...last].filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    }

    /// The lowercased scheme and what follows its colon, when `text` starts with one (ASCII letter, then letters,
    /// digits, `+`, `-` or `.`).
    static func splitScheme(_ text: Bytes) -> (String, Bytes)? {
        guard let first = text.first, isLetter(first),
            let colon = text.firstIndex(where: { !(isLetter($0) || isDigit($0) || "+-.".utf8.contains($0)) }),
            text[colon] == UInt8(ascii: ":")
        else { return nil }
        return (String(decoding: text[..<colon].map { $0 | 0x20 }, as: UTF8.self), text[(colon + 1)...])
    }

    /// Splits at the first `#`, then the part before it at its first `?`.
    static func splitPath(_ text: Bytes) -> (Bytes, Bytes?, Bytes?) {
        let hash = text.firstIndex(of: UInt8(ascii: "#"))
        let beforeHash = text[..<(hash ?? text.endIndex)]
        let fragment = hash.map { text[($0 + 1)...] }
        guard let question = beforeHash.firstIndex(of: UInt8(ascii: "?")) else { return (beforeHash, nil, fragment) }
        return (beforeHash[..<question], beforeHash[(question + 1)...], fragment)
    }

    /// Parses `host[:port]` (after any `user@`), then the path, query and fragment after it.
    mutating func parseAuthority(_ text: Bytes) -> Bool {
        let isEnd = { (byte: UInt8) in Self.isSlash(byte) || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") }
        let end = text.firstIndex(where: isEnd) ?? text.endIndex
        var authority = text[..<end]
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = authority[(at + 1)...] }
        var hostPart = authority
        port = nil
        if let colon = authority.lastIndex(of: UInt8(ascii: ":")), !authority[colon...].contains(UInt8(ascii: "]")) {
            hostPart = authority[..<colon]
            let digits = authority[(colon + 1)...]
            if !digits.isEmpty {
                guard digits.allSatisfy(Self.isDigit), digits.count < 6,
                    let number = Int(String(decoding: digits, as: UTF8.self)), number < 65536
                else { return false }
                port = Self.defaultPorts[scheme] == number ? nil : number
            }
        }
        let decoded = Self.percentDecoded(String(decoding: hostPart, as: UTF8.self))
        guard !decoded.isEmpty else { return false }
        host = String(decoding: decoded.map { Self.isLetter($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        parsePathQueryFragment(text[end...], relativeTo: [])
        return true
    }

    /// Parses a path that starts with `/` or `\` (or is empty), its segments appended to `start`, then the query
    /// and fragment.
    mutating func parsePathQueryFragment(_ text: Bytes, relativeTo start: [String]) {
        let (rawPath, rawQuery, rawFragment) = Self.splitPath(text)
        var segments = start
        let pieces = rawPath.split(omittingEmptySubsequences: false, whereSeparator: Self.isSlash).dropFirst()
        for (index, piece) in pieces.enumerated() {
            let isLast = index == pieces.count - 1
            let segment = Self.encode(piece, keeping: Self.isPathByte)
            switch segment.lowercased() {
            case "..", ".%2e", "%2e.", "%2e%2e":
                if !segments.isEmpty { segments.removeLast() }
                if isLast { segments.append("") }
            case ".", "%2e":
                if isLast { segments.append("") }
            default:
                segments.append(segment)
            }
        }
        path = "/" + segments.joined(separator: "/")
        query = rawQuery.map { Self.encode($0, keeping: Self.isQueryByte) }
        fragment = rawFragment.map { Self.encode($0, keeping: Self.isFragmentByte) }
    }

    /// Percent-encodes every byte that `keeping` refuses.
    static func encode(_ bytes: Bytes, keeping: (UInt8) -> Bool) -> String {
        var output: [UInt8] = []
        for byte in bytes {
            if keeping(byte) {
                output.append(byte)
            } else {
                output += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// The fragment percent-encode set: controls, space, `"`, `<`, `>`, `` ` `` and non-ASCII are encoded.
    static func isFragmentByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && !"\"<>`".utf8.contains(byte)
    }

    /// The special-query percent-encode set: controls, space, `"`, `#`, `<`, `>`, `'` and non-ASCII are encoded.
    static func isQueryByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && !"\"#<>'".utf8.contains(byte)
    }

    /// The path percent-encode set: controls, space, `"`, `#`, `<`, `>`, `?`, `` ` ``, `{`, `}` and non-ASCII are
    /// encoded (as Node 20's WHATWG parser does; `^` and `|` are kept).
    static func isPathByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && !"\"#<>?`{}".utf8.contains(byte)
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
