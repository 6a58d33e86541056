/// The sidebar of one language: its pages as a tree in reading order, built once and marked per page.
///
/// Pages with `toc_hide: true` stay out of it, as in Docsy. A group lists at most `groupLimit` entries
/// and links the rest from its section page, so a page's size does not grow with the site. Only the
/// branch of the current page is expanded.
struct Navigation: Sendable {
    static let groupLimit = 50

    private var site: Site
    private var visibleChildren: [Int: [Int]]

    init(site: Site) {
        self.site = site
        var visible: [Int: [Int]] = [:]
        for (parent, children) in site.children {
            visible[parent] = children.filter { !site.pages[$0].frontMatter.tocHide }
        }
        self.visibleChildren = visible
    }

    /// The sidebar entries for the page at `current`, as template data.
    func entries(for current: Int, language: String) -> [[String: Any]] {
        guard let home = site.home[language] else { return [] }
        var ancestors: Set<Int> = []
        var cursor = site.parent(of: current)
        while let index = cursor, index != home {
            ancestors.insert(index)
            cursor = site.parent(of: index)
        }
        return group(of: home, current: current, ancestors: ancestors)
    }

    private func group(of parent: Int, current: Int, ancestors: Set<Int>) -> [[String: Any]] {
        let children = visibleChildren[parent] ?? []
        var entries: [[String: Any]] = children.prefix(Self.groupLimit).map { index in
            let page = site.pages[index]
            let expanded = index == current || ancestors.contains(index)
            let sub = expanded ? group(of: index, current: current, ancestors: ancestors) : []
            return [
                "title": page.linkTitle,
                "url": page.url,
                "current": index == current,
                "ancestor": ancestors.contains(index),
                "section": !(visibleChildren[index] ?? []).isEmpty,
                "children": sub,
            ]
        }
        if children.count > Self.groupLimit {
            entries.append([
                "title": "…", "url": site.pages[parent].url, "more": children.count - Self.groupLimit,
                "current": false, "ancestor": false, "section": false, "children": [[String: Any]](),
            ])
        }
        return entries
    }
}
