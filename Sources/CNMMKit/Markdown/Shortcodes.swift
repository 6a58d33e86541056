/// Expands the Hugo shortcodes this generator knows (`ref`, `relref`) in a page's Markdown.
///
/// `{{< ref "/level-1" >}}` and `{{% relref "…" %}}` become the target page's URL; `{{</* ref … */>}}`
/// is Hugo's escape and stays as literal text. Any other shortcode, or a target that does not exist,
/// is an error naming the file and line.
struct Shortcodes {
    /// Returns the URL of a `ref` target seen from the current page, or nil when there is none.
    var resolve: (_ target: String, _ language: String?) -> String?

    func expand(_ markdown: String, path: String, firstLine: Int) -> (String, [Diagnostic]) {
        guard markdown[...].firstUTF8Range(of: "{{") != nil else { return (markdown, []) }
        var output = ""
        var diagnostics: [Diagnostic] = []
        var rest = markdown[...]
        var line = firstLine
        while let open = rest.firstUTF8Range(of: "{{") {
            let before = rest[..<open.lowerBound]
            output += before
            line += before.newlineCount
            let afterOpen = rest[open.upperBound...]
            guard let delimiter = afterOpen.first, delimiter == "<" || delimiter == "%" else {
                output += "{{"
                rest = afterOpen
                continue
            }
            let closing = delimiter == "<" ? ">}}" : "%}}"
            guard let close = afterOpen.firstUTF8Range(of: closing) else {
                diagnostics.append(
                    .error(path, line: line, "shortcode opened with '{{\(delimiter)' is never closed with '\(closing)'")
                )
                output += rest[open.lowerBound...]
                rest = rest[rest.endIndex...]
                break
            }
            let inner = afterOpen[afterOpen.index(after: afterOpen.startIndex)..<close.lowerBound]
            let whole = rest[open.lowerBound..<close.upperBound]
            output += expandOne(inner, whole: whole, path: path, line: line, diagnostics: &diagnostics)
            line += whole.newlineCount
            rest = afterOpen[close.upperBound...]
        }
        output += rest
        return (output, diagnostics)
    }

    private func expandOne(
        _ inner: Substring, whole: Substring, path: String, line: Int, diagnostics: inout [Diagnostic]
    ) -> String {
        let trimmed = inner.trimmingWhitespaceAndNewlines
        if trimmed.hasPrefix("/*") && trimmed.hasSuffix("*/") {
            // Hugo's escape: {{</* x */>}} prints {{< x >}}.
            let delimiter = whole.dropFirst(2).first.map(String.init) ?? "<"
            let body = trimmed.dropFirst(2).dropLast(2).trimmingCharacters(in: .whitespaces)
            return "{{\(delimiter) \(body) \(delimiter == "<" ? ">" : "%")}}"
        }
        let words = Self.arguments(trimmed)
        guard let name = words.first?.value else {
            diagnostics.append(.error(path, line: line, "empty shortcode '\(whole)'"))
            return String(whole)
        }
        guard name == "ref" || name == "relref" else {
            diagnostics.append(
                .error(path, line: line, "unknown shortcode '\(name)' (only ref and relref are supported)"))
            return String(whole)
        }
        let arguments = words.dropFirst()
        let target = arguments.first(where: { $0.key == nil || $0.key == "path" })?.value
        let language = arguments.first(where: { $0.key == "lang" })?.value
        guard let target, !target.isEmpty else {
            diagnostics.append(
                .error(path, line: line, "'\(name)' needs a target page, as in {{< \(name) \"/level-1\" >}}"))
            return String(whole)
        }
        guard let url = resolve(target, language) else {
            diagnostics.append(.error(path, line: line, "\(name) target '\(target)' is not a page of this site"))
            return String(whole)
        }
        return url
    }

    /// Splits `ref "/a b" lang="de"` into arguments, honouring double and back quotes.
    static func arguments(_ text: String) -> [(key: String?, value: String)] {
        var result: [(key: String?, value: String)] = []
        var current = ""
        var key: String?
        var quote: Character?
        func flush() {
            if !current.isEmpty || key != nil { result.append((key, current)) }
            current = ""
            key = nil
        }
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "`" {
                quote = character
            } else if character == "=" && key == nil {
                key = current
                current = ""
            } else if character.isWhitespace {
                if !current.isEmpty { flush() }
            } else {
                current.append(character)
            }
        }
        flush()
        return result
    }
}
