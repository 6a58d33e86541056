import Mustache

/// The escaping of `{{name}}` in themes: what swift-mustache's HTML content type escapes (`<`, `>`, `&`, `"`,
/// `'`), by `SafeText.html`, which finds them among the UTF-8 bytes (the same escaping the generator's own
/// markup uses, so a URL it looks for in a rendered sidebar is spelled the same).
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
        SafeText.html(text)
    }
}
