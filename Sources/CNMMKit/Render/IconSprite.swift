import Foundation

/// The theme's icons as one SVG sprite, `icons.svg` at the site's root, which pages point into.
///
/// A level page shows each dimension's icon three times (heading and both tables of contents): drawn
/// inline, the icons were a quarter of the page's bytes. Now each is a `<symbol>` in the sprite, and a
/// page holds `<svg class="icon icon-users" …><use href="/icons.svg#users"></use></svg>`; browsers fetch
/// the sprite once. (Like any `<use>` of another file, this needs the site served over HTTP, as
/// `cnmm serve` and any web server do; a page opened from disk shows no icons.)
enum IconSprite {
    static let fileName = "icons.svg"

    /// An icon file as a `<symbol>`: the root's drawing attributes (viewBox, stroke, fill) and its content.
    static func symbol(_ svg: String, name: String) -> String {
        let text = svg[...].replacingAll("\n", with: " ")
        guard let open = text[...].firstUTF8Range(of: "<svg"),
            let rootEnd = text[open.upperBound...].firstIndex(of: ">"),
            let close = text[rootEnd...].firstUTF8Range(of: "</svg>")
        else { return "<symbol id=\"\(name)\"></symbol>" }
        let kept = attributes(String(text[open.upperBound..<rootEnd])).filter {
            !["xmlns", "width", "height", "class", "id", "aria-hidden", "focusable"].contains($0.name)
        }
        let attributeText = kept.map { " \($0.name)=\"\($0.value)\"" }.joined()
        let content = text[text.index(after: rootEnd)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
        return "<symbol id=\"\(name)\"\(attributeText)>\(content)</symbol>"
    }

    /// The sprite file: every symbol, by name.
    static func file(_ symbols: [String: String]) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\">\n"
            + symbols.keys.sorted().map { symbols[$0]! + "\n" }.joined() + "</svg>\n"
    }

    /// What a page holds for the icon `name`.
    static func reference(_ name: String, basePath: String) -> String {
        "<svg class=\"icon icon-\(name)\" aria-hidden=\"true\" focusable=\"false\"><use href=\"\(basePath)"
            + "\(fileName)#\(name)\"></use></svg>"
    }

    /// `name="value"` pairs of a start tag's attribute text (double or single quotes).
    private static func attributes(_ text: String) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        var rest = text[...]
        while true {
            rest = rest.drop(while: { $0 == " " || $0 == "\t" || $0 == "/" })
            guard let equals = rest.firstIndex(of: "=") else { break }
            let name = rest[..<equals].trimmingCharacters(in: .whitespaces)
            rest = rest[rest.index(after: equals)...].drop(while: { $0 == " " })
            guard let quote = rest.first, quote == "\"" || quote == "'" else { break }
            rest = rest.dropFirst()
            guard let end = rest.firstIndex(of: quote) else { break }
            result.append((name, String(rest[..<end])))
            rest = rest[rest.index(after: end)...]
        }
        return result
    }
}
