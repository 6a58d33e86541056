import Mustache

/// The escaping of `{{name}}` in themes: what swift-mustache's HTML content type escapes (`<`, `>`, `&`, `"`,
/// `'`), found among the UTF-8 bytes.
///
/// swift-mustache escapes character by character with a dictionary lookup for each one, which was a twentieth of a
/// build. Its extension point is a content type named by a `{{% CONTENT_TYPE: … }}` pragma: `Theme.load` puts
/// `pragma` before each template, on a line of its own (so it leaves no trace in the output, and a parse error's
/// line is moved back by one). A theme's own pragma, later in the file, still wins. Text without any of the
/// five bytes is returned as it is, without a copy.
struct HTMLEscaping: MustacheContentType {
    static let name = "CNMM_HTML"

    /// The line put before each template.
    static var pragma: String {
        _ = registered
        return "{{% CONTENT_TYPE: \(name)}}\n"
    }

    private static let registered: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: Self.needsEscape) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "<"): out += Array("&lt;".utf8)
                case UInt8(ascii: ">"): out += Array("&gt;".utf8)
                case UInt8(ascii: "&"): out += Array("&amp;".utf8)
                case UInt8(ascii: "\""): out += Array("&quot;".utf8)
                case UInt8(ascii: "'"): out += Array("&#39;".utf8)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
