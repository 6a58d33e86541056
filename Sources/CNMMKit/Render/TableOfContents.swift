/// A page's table of contents: its `##` headings with their `###` headings nested below.
///
/// Each entry has `id` (the heading's anchor) and `text`, the same two escaped for HTML as `id_html` and
/// `text_html`, and `icon` (markup). The default theme places `{{{id_html}}}` and `{{{text_html}}}`: Mustache's
/// own escaping goes character by character through a dictionary, and was a third of the time of rendering a
/// table of contents (here text without `&<>"'` is taken as it is).
///
/// A theme without `partials/toc-list` gets `page.toc_html` from `html(_:)`, as Hugo's `.TableOfContents` is made
/// by Hugo rather than by a template: a Mustache list of a page's thirty headings cost more than the rest of the
/// page's layout.
enum TableOfContents {
    static func entries(_ headings: [Heading], icons: [String: String]) -> [[String: Any]] {
        var entries: [[String: Any]] = []
        var children: [[String: Any]] = []
        func closeGroup() {
            guard !entries.isEmpty else { return }
            entries[entries.count - 1]["children"] = children
            entries[entries.count - 1]["has_children"] = !children.isEmpty
            children = []
        }
        for heading in headings where heading.level == 2 || heading.level == 3 {
            let entry: [String: Any] = [
                "id": heading.id, "text": heading.text, "id_html": SafeText.html(heading.id),
                "text_html": SafeText.html(heading.text),
                "icon": heading.icon.flatMap { icons[$0] } ?? "",
            ]
            if heading.level == 2 || entries.isEmpty {
                closeGroup()
                entries.append(entry)
            } else {
                children.append(entry)
            }
        }
        closeGroup()
        return entries
    }

    /// The entries as a nested list: `<ul class="toc-list">`, an `<li>` per `##` heading with its icon and text,
    /// and a `<ul>` of its `###` headings.
    static func html(_ entries: [[String: Any]]) -> String {
        var html = "<ul class=\"toc-list\">\n"
        for entry in entries {
            html += "<li><a href=\"#"
            html += entry["id_html"] as? String ?? ""
            html += "\">"
            html += entry["icon"] as? String ?? ""
            html += "<span>"
            html += entry["text_html"] as? String ?? ""
            html += "</span></a>"
            if let children = entry["children"] as? [[String: Any]], !children.isEmpty {
                html += "\n<ul>\n"
                for child in children {
                    html += "<li><a href=\"#"
                    html += child["id_html"] as? String ?? ""
                    html += "\">"
                    html += child["text_html"] as? String ?? ""
                    html += "</a></li>\n"
                }
                html += "</ul>"
            }
            html += "</li>\n"
        }
        html += "</ul>\n"
        return html
    }
}
