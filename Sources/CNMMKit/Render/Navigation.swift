/// The sidebar of one language: its pages as a tree in reading order.
///
/// Pages with `toc_hide: true` stay out of it, as in Docsy. A group lists at most `groupLimit` entries
/// and links the rest from its section page, so a page's size does not grow with the site. Only the
/// branch of the current page is expanded. The data depends on the page only through its `Branch`, so
/// that pages of one branch share one rendered sidebar (`Sidebar`), the current link marked afterwards.
struct Navigation: Sendable {
    /// What of the sidebar a page decides: its language, the sections open above it, and the page itself
    /// when it is a section (open, but not an ancestor).
    struct Branch: Hashable, Sendable {
        var language: String
        var ancestors: [Int]
        var openSection: Int?
    }

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

    /// The branch of the page at `current` (-1: none, as on the 404 page).
    func branch(for current: Int, language: String) -> Branch {
        guard let home = site.home[language] else { return Branch(language: language, ancestors: []) }
        var ancestors: Set<Int> = []
        var cursor = current >= 0 ? site.parent(of: current) : nil
        while let index = cursor, index != home {
            ancestors.insert(index)
            cursor = site.parent(of: index)
        }
        // The dimensions section is always open: its pages are the model's main way across levels.
        if let dimensions = site.lookup[language]?["dimensions"], site.pages[dimensions].generated != nil {
            ancestors.insert(dimensions)
        }
        let isSection = current >= 0 && current != home && !(visibleChildren[current] ?? []).isEmpty
        return Branch(
            language: language, ancestors: ancestors.sorted(),
            openSection: isSection && !ancestors.contains(current) ? current : nil)
    }

    /// The sidebar as groups: on a site with a maturity model, Levels, Dimensions (the overview first)
    /// and the other pages; otherwise one group without a title.
    func groups(_ branch: Branch, strings: UIStrings) -> [[String: Any]] {
        let all = entries(branch)
        guard let model = site.models[branch.language], !model.levels.isEmpty else {
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

    /// The sidebar entries of a branch, as template data.
    func entries(_ branch: Branch) -> [[String: Any]] {
        guard let home = site.home[branch.language] else { return [] }
        var open = Set(branch.ancestors)
        if let section = branch.openSection { open.insert(section) }
        return group(of: home, open: open, ancestors: Set(branch.ancestors))
    }

    private func group(of parent: Int, open: Set<Int>, ancestors: Set<Int>) -> [[String: Any]] {
        let children = visibleChildren[parent] ?? []
        var entries: [[String: Any]] = children.prefix(Self.groupLimit).map { index in
            let page = site.pages[index]
            let sub = open.contains(index) ? group(of: index, open: open, ancestors: ancestors) : []
            return [
                "page": index,
                "title": page.linkTitle,
                "url": page.url,
                "ancestor": ancestors.contains(index),
                "section": !(visibleChildren[index] ?? []).isEmpty,
                "children": sub,
                "has_children": !sub.isEmpty,
            ]
        }
        if children.count > Self.groupLimit {
            entries.append([
                "title": "…", "url": site.pages[parent].url, "more": children.count - Self.groupLimit,
                "ancestor": false, "section": false, "children": [[String: Any]](),
            ])
        }
        return entries
    }
}
