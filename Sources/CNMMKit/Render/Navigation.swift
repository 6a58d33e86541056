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

    /// The sidebar as groups: on a site with a maturity model, Levels, Dimensions (the overview first)
    /// and the other pages; otherwise one group without a title.
    func groups(for current: Int, language: String, strings: UIStrings) -> [[String: Any]] {
        let all = entries(for: current, language: language)
        guard let model = site.models[language], !model.levels.isEmpty else {
            return [["entries": all, "has_title": false]]
        }
        let levelPages = Set(model.levels.map(\.page))
        var levels: [[String: Any]] = []
        var dimensions: [[String: Any]] = []
        var other: [[String: Any]] = []
        for entry in all {
            guard let index = entry["page"] as? Int else {
                other.append(entry)
                continue
            }
            switch site.pages[index].generated {
            case .dimensions?: dimensions += entry["children"] as? [[String: Any]] ?? []
            case .overview?: dimensions.insert(entry, at: 0)
            case .some: dimensions.append(entry)
            case nil where levelPages.contains(index): levels.append(entry)
            case nil: other.append(entry)
            }
        }
        return [
            ["title": strings["levels"], "has_title": true, "entries": levels],
            ["title": strings["dimensions"], "has_title": true, "entries": dimensions],
            ["title": strings["other_pages"], "has_title": true, "entries": other],
        ].filter { !(($0["entries"] as? [[String: Any]]) ?? []).isEmpty }
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
        // The dimensions section is always open: its pages are the model's main way across levels.
        if let dimensions = site.lookup[language]?["dimensions"], site.pages[dimensions].generated != nil {
            ancestors.insert(dimensions)
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
                "page": index,
                "title": page.linkTitle,
                "url": page.url,
                "current": index == current,
                "ancestor": ancestors.contains(index),
                "section": !(visibleChildren[index] ?? []).isEmpty,
                "children": sub,
                "has_children": !sub.isEmpty,
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
