/// A page's table of contents: its `##` headings with their `###` headings nested below.
///
/// Each entry has `id` (the heading's anchor) and `text`, the same two escaped for HTML as `id_html` and
/// `text_html`, and `icon` (markup). The default theme places `{{{id_html}}}` and `{{{text_html}}}`: Mustache's
/// own escaping goes character by character through a dictionary, and was a third of the time of rendering a
/// table of contents (here text without `&<>"'` is taken as it is).
///
/// A theme without `partials/toc-list` gets `page.toc_html` from `html(_:icons:)`, as Hugo's `.TableOfContents`
/// is made by Hugo rather than by a template: a Mustache list of a page's thirty headings cost more than the rest
/// of the page's layout. `page.toc` (the entries) is made only for a theme that names `toc` in a template.
enum TableOfContents {
    /// The `##` headings, each with the `###` headings below it; a `###` before any `##` opens a group of its own.
    private static func groups(_ headings: [Heading]) -> [(heading: Heading, children: [Heading])] {
        var groups: [(heading: Heading, children: [Heading])] = []
        for heading in headings where heading.level == 2 || heading.level == 3 {
            if heading.level == 2 || groups.isEmpty {
                groups.append((heading, []))
            } else {
                groups[groups.count - 1].children.append(heading)
            }
        }
        return groups
    }

    static func entries(_ headings: [Heading], icons: [String: String]) -> [[String: Any]] {
        func entry(_ heading: Heading) -> [String: Any] {
            [
                "id": heading.id, "text": heading.text, "id_html": SafeText.html(heading.id),
                "text_html": SafeText.html(heading.text), "icon": heading.icon.flatMap { icons[$0] } ?? "",
            ]
        }
        return groups(headings).map { group in
            let children = group.children.map(entry)
            var parent = entry(group.heading)
            parent["children"] = children
            parent["has_children"] = !children.isEmpty
            return parent
        }
    }

    /// The page's TOC as a nested list, made from its headings: `<ul class="toc-list">`, an `<li>` per `##`
    /// heading with its icon and text, and a `<ul>` of its `###` headings (grouped as `entries` groups them).
    /// Straight from the headings: the entries' dictionaries were a tenth of making a page's view model, and the
    /// default theme does not read them.
    static func html(_ headings: [Heading], icons: [String: String]) -> String {
        var html = "<ul class=\"toc-list\">\n"
        for (heading, children) in groups(headings) {
            html += "<li><a href=\"#" + SafeText.html(heading.id) + "\">" + (heading.icon.flatMap { icons[$0] } ?? "")
            html += "<span>" + SafeText.html(heading.text) + "</span></a>"
            if !children.isEmpty {
                html += "\n<ul>\n"
                for child in children {
                    html +=
                        "<li><a href=\"#" + SafeText.html(child.id) + "\">" + SafeText.html(child.text) + "</a></li>\n"
                }
                html += "</ul>"
            }
            html += "</li>\n"
        }
        html += "</ul>\n"
        return html
    }
}
