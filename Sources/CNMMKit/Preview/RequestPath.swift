import Foundation

/// A request path, checked and decoded: the segments that may name a file of the built site.
///
/// The one gate between the network and the site. Anything that could name a file outside the site
/// is refused: `.` and `..` segments, empty segments (`//`), percent-encoded slashes, backslashes,
/// NUL and other control bytes, a second level of percent-encoding (`%252e`), invalid UTF-8 or
/// invalid escapes. A refused path is answered like a missing file.
struct RequestPath: Equatable, Sendable {
    /// The decoded segments, without empty ones: `/de/level-1/` → `["de", "level-1"]`.
    var segments: [String]
    /// Whether the path names a folder (`/de/level-1/`), so its `index.html`.
    var isFolder: Bool

    init(segments: [String], isFolder: Bool) {
        self.segments = segments
        self.isFolder = isFolder
    }

    /// Decodes the path part of a request target (no query); nil when it is refused.
    init?(_ raw: String) {
        guard raw.hasPrefix("/") else { return nil }
        var parts = raw.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        isFolder = parts.last?.isEmpty ?? true
        if isFolder { parts.removeLast() }
        var segments: [String] = []
        for part in parts {
            guard let segment = Self.decode(part) else { return nil }
            segments.append(segment)
        }
        self.segments = segments
    }

    /// The path of the file inside the built site: `de/level-1/index.html`, `css/style.css`.
    var filePath: String {
        let joined = segments.joined(separator: "/")
        guard isFolder else { return joined }
        return joined.isEmpty ? "index.html" : joined + "/index.html"
    }

    /// The same path as a folder, for the redirect from `/level-1` to `/level-1/`.
    var folderURLPath: String {
        "/"
            + segments.map { $0.addingPercentEncoding(withAllowedCharacters: Self.segmentAllowed) ?? $0 }
            .joined(separator: "/") + "/"
    }
}

extension RequestPath {
    /// Percent-decodes one segment once and checks what it decodes to.
    fileprivate static func decode(_ part: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(part.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue)
                else { return nil }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        guard !bytes.isEmpty, bytes != [0x2E], bytes != [0x2E, 0x2E] else { return nil }
        for byte in bytes {
            // Control bytes and NUL, an encoded slash, a backslash, or a `%` left after decoding (double encoding).
            if byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\")
                || byte == UInt8(ascii: "%")
            {
                return nil
            }
        }
        // Decode strictly: Foundation's String(bytes:encoding:) drops a leading byte order mark, which turned
        // "%EF%BB%BF.." into ".." after the check above (found by the fuzzer).
        // A byte order mark in a name is refused too: some tools drop it and would see "." or "..".
        guard let segment = String(validating: bytes, as: UTF8.self), segment != ".", segment != "..",
            !segment.unicodeScalars.contains("\u{FEFF}")
        else { return nil }
        return segment
    }

    fileprivate static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    fileprivate static let segmentAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))
}
