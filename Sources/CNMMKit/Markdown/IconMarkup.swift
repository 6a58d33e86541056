import Foundation

/// Finds Font Awesome icons in inline HTML (`<i class="fas fa-users"></i>`) and swaps them for SVG.
enum IconMarkup {
    /// Classes that style an icon rather than name it.
    private static let modifiers: Set<String> = [
        "solid", "regular", "brands", "light", "thin", "duotone", "fw", "lg", "xs", "sm", "xl", "2xs", "2xl", "spin",
        "pulse", "border", "inverse", "li", "ul", "stack", "flip", "rotate-90", "rotate-180", "rotate-270",
        "pull-left", "pull-right", "1x", "2x", "3x", "4x", "5x", "6x", "7x", "8x", "9x", "10x",
    ]

    /// The icon name (`users`) named by the first `<i>` fragment with a Font Awesome class.
    static func iconName(in fragments: [String]) -> String? {
        for fragment in fragments where fragment.hasPrefix("<i") {
            guard let classes = classAttribute(of: fragment) else { continue }
            for token in classes.split(separator: " ") where token.hasPrefix("fa-") {
                let name = String(token.dropFirst(3))
                if !modifiers.contains(name) { return name }
            }
        }
        return nil
    }

    /// Replaces the `<i …fa-NAME…></i>` element in `html` with `svg`.
    ///
    /// Searched byte by byte (Foundation's `range(of:)` bridged every heading to `NSString`).
    static func replace(icon name: String, in html: String, with svg: String) -> String {
        guard let start = html[...].firstUTF8Range(of: "<i "),
            let end = html[start.upperBound...].firstUTF8Range(of: "</i>"),
            html[start.lowerBound..<end.upperBound].firstUTF8Range(of: "fa-\(name)") != nil
        else { return html }
        return String(html[..<start.lowerBound]) + svg + html[end.upperBound...]
    }

    private static func classAttribute(of tag: String) -> Substring? {
        for quote in ["\"", "'"] {
            if let open = tag[...].firstUTF8Range(of: "class=\(quote)"),
                let close = tag[open.upperBound...].firstUTF8Range(of: quote)
            {
                return tag[open.upperBound..<close.lowerBound]
            }
        }
        return nil
    }
}
