/// The structure of a page's rendered Markdown: where each heading and each link sits in its HTML.
///
/// Made by the Markdown stage with the HTML (`Page.html`, written for the page's own URL); offsets count UTF-8
/// bytes of that HTML. It makes the page a tree of sections (`sections`): a dimension's `##`, its `###` topics,
/// their sub-headings. Any stretch of the page can be written for another page (`write`): each link written for
/// that page's URL, each heading given the id that page chooses. Generated pages and translations put sections
/// of level pages together this way, never by editing HTML text.
public struct PageContent: Sendable, Hashable {
    /// Each heading's place, parallel to `Page.headings`.
    public var headings: [HeadingPlace] = []
    /// Every link and image of the Markdown that leads within the site, in order.
    public var links: [ContentLink] = []

    public init() {}

    /// Where a heading sits: its opening part (`<h3 id="people-culture"><span id="culture"></span>`), then its
    /// text, up to just after its closing tag.
    public struct HeadingPlace: Sendable, Hashable {
        public var opening: Range<Int>
        public var end: Int
    }

    /// A section: a heading and what follows it up to the next heading of the same or a higher level.
    public struct Section: Sendable, Hashable {
        /// The heading's index in `Page.headings`.
        public var heading: Int
        /// Where the heading starts.
        public var start: Int
        /// Just after the heading's closing tag: where its body starts.
        public var bodyStart: Int
        /// Where the next heading of the same or a higher level starts, or the end of the HTML.
        public var end: Int
        /// The sections of the next lower heading levels inside it.
        public var children: [Section]
    }

    /// The page's sections as a tree: the top-level sections, each with the ones inside it.
    public func sections(of page: Page) -> [Section] {
        let count = min(headings.count, page.headings.count)
        var index = 0
        func build(parentLevel: Int, end: Int) -> [Section] {
            var result: [Section] = []
            while index < count, page.headings[index].level > parentLevel {
                let heading = index
                let level = page.headings[heading].level
                index += 1
                let children = build(parentLevel: level, end: end)
                let sectionEnd = index < count ? headings[index].opening.lowerBound : end
                result.append(
                    Section(
                        heading: heading, start: headings[heading].opening.lowerBound, bodyStart: headings[heading].end,
                        end: sectionEnd, children: children))
            }
            return result
        }
        return build(parentLevel: 0, end: page.html.utf8.count)
    }

    /// Every section of the page, in document order (a flattened `sections`).
    public func allSections(of page: Page) -> [Section] {
        var result: [Section] = []
        func visit(_ sections: [Section]) {
            for section in sections {
                result.append(section)
                visit(section.children)
            }
        }
        visit(sections(of: page))
        return result
    }

    /// The HTML of `range` as it stands in the page (links written for the page itself), for reading its text.
    public static func text(of page: Page, _ range: Range<Int>) -> String {
        var html = page.html
        return html.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    // MARK: Writing a stretch into another page

    /// How the headings of a stretch written into another page get their ids.
    public enum HeadingIDs: Sendable {
        /// Each id with a prefix (`level-3-people-culture`); ids of another form are left out.
        case prefixed(String)
        /// The ids the headings have, except any in the set (already used in the page written into).
        case kept(avoiding: Set<String>)
    }

    /// `range` of `page` written for the page at `url`: each link leads where it leads from `page`, written from
    /// `url` (a fragment alone when it leads into that page); heading ids as `ids` says. Returns the HTML and its
    /// structure (links now written absolute, each naming the file it came from).
    public static func write(_ page: Page, _ range: Range<Int>, for url: String, ids: HeadingIDs) -> (
        html: String, content: PageContent
    ) {
        // What is replaced, in document order: heading openings and links inside the range.
        enum Event {
            case heading(Int)
            case link(ContentLink)
        }
        var events: [(position: Int, event: Event)] = []
        for (index, place) in page.content.headings.enumerated() where range.contains(place.opening.lowerBound) {
            events.append((place.opening.lowerBound, .heading(index)))
        }
        for link in page.content.links
        where range.lowerBound <= link.range.lowerBound
            && link.range.upperBound <= range.upperBound
        {
            events.append((link.range.lowerBound, .link(link)))
        }
        events.sort { $0.position < $1.position }
        var source = page.html
        return source.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(range.count + 64)
            var content = PageContent()
            var cursor = range.lowerBound
            // (offset in the page, offset in `out`) just after each replacement: maps later offsets.
            var checkpoints: [(Int, Int)] = [(range.lowerBound, 0)]
            var headingEnds: [(Int, Int)] = []
            for (position, event) in events where position >= cursor {
                out += bytes[cursor..<position]
                let start = out.count
                switch event {
                case .heading(let index):
                    let heading = page.headings[index]
                    var opening = "<h\(heading.level) id=\""
                    switch ids {
                    case .prefixed(let prefix):
                        opening += SafeText.html(prefix + heading.id) + "\">"
                    case .kept(let avoiding):
                        opening += SafeText.html(heading.id) + "\">"
                        if let alias = heading.alias, !avoiding.contains(alias) {
                            opening += HeadingMarkup.aliasAnchor(alias)
                        }
                    }
                    out += Array(opening.utf8)
                    content.headings.append(HeadingPlace(opening: start..<out.count, end: 0))
                    headingEnds.append((content.headings.count - 1, page.content.headings[index].end))
                    cursor = page.content.headings[index].opening.upperBound
                case .link(let link):
                    let target = link.target(from: page.url)
                    out += Array(URLReference.escapedForHref(Self.written(target, for: url)).utf8)
                    var moved = link
                    moved.range = start..<out.count
                    moved.url = target
                    moved.isRelative = false
                    moved.sourcePath = link.sourcePath ?? page.sourcePath
                    content.links.append(moved)
                    cursor = link.range.upperBound
                }
                checkpoints.append((cursor, out.count))
            }
            out += bytes[cursor..<range.upperBound]
            for (index, end) in headingEnds {
                let (sourceOffset, outOffset) = checkpoints.last { $0.0 <= end } ?? (range.lowerBound, 0)
                content.headings[index].end = outOffset + (end - sourceOffset)
            }
            return (String(decoding: out, as: UTF8.self), content)
        }
    }

    /// A target (a path from the site's root, with query and fragment) written from the page at `url`: the
    /// fragment alone when it leads into that very page.
    static func written(_ target: String, for url: String) -> String {
        guard let hash = target.utf8.firstIndex(of: UInt8(ascii: "#")), target[..<hash] == url[...] else {
            return target
        }
        return String(target[hash...])
    }
}

/// A link or image of a page's Markdown that leads within the site.
public struct ContentLink: Sendable, Hashable {
    /// Where the `href` or `src` value sits in the page's HTML.
    public var range: Range<Int>
    /// Where the link leads: when `isRelative`, the reference as written (`../level-2/`, `#people`, `d.png`), which
    /// leads where a browser takes it from the page; else a path from the site's root with query and fragment.
    public var url: String
    public var isRelative: Bool
    /// The line of the Markdown file it was written on.
    public var line: Int
    /// The file it was written in, when not the page's own (a section shown from another page).
    public var sourcePath: String?
    public var isImage: Bool
    /// False for a link to a Markdown file that is no page: reported where it is written, not checked again.
    public var isResolved = true

    /// The path from the site's root it leads to, from the page at `pageURL` that holds it.
    public func target(from pageURL: String) -> String {
        isRelative ? URLReference.resolve(url, against: pageURL) : url
    }
}

/// The markup of headings: the opening tag with the heading's id, and an empty anchor with its other id.
enum HeadingMarkup {
    /// `<span id="culture"></span>`: a second id for a heading, where links written for Hugo's ids land.
    static func aliasAnchor(_ id: String) -> String {
        "<span class=\"heading-alias\" id=\"\(SafeText.html(id))\"></span>"
    }
}
