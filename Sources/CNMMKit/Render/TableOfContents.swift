/// A page's table of contents: its `##` headings with their `###` headings nested below.
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
                "id": heading.id, "text": heading.text, "icon": heading.icon.flatMap { icons[$0] } ?? "",
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
}
