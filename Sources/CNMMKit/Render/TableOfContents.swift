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

    /// The page's TOC as a nested list, made from its headings: `<ul class="toc-list">`, an `<li>` per `##`
    /// heading with its icon and text, and a `<ul>` of its `###` headings (a `###` before any `##` opens a group
    /// of its own, as in `entries`). Straight from the headings: the entries' dictionaries were a tenth of
    /// making a page's view model, and the default theme does not read them.
    static func html(_ headings: [Heading], icons: [String: String]) -> String {
        var html = "<ul class=\"toc-list\">\n"
        var open = false
        var children = 0
        func closeGroup() {
            guard open else { return }
            if children > 0 { html += "</ul>" }
            html += "</li>\n"
        }
        for heading in headings where heading.level == 2 || heading.level == 3 {
            if heading.level == 2 || !open {
                closeGroup()
                open = true
                children = 0
                html += "<li><a href=\"#"
                html += SafeText.html(heading.id)
                html += "\">"
                html += heading.icon.flatMap { icons[$0] } ?? ""
                html += "<span>"
                html += SafeText.html(heading.text)
                html += "</span></a>"
            } else {
                html += children == 0 ? "\n<ul>\n" : ""
                children += 1
                html += "<li><a href=\"#"
                html += SafeText.html(heading.id)
                html += "\">"
                html += SafeText.html(heading.text)
                html += "</a></li>\n"
            }
        }
        closeGroup()
        html += "</ul>\n"
        return html
    }
}
