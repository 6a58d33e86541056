/// The maturity model found in one language's pages: its levels, and per level its dimension sections.
///
/// Built by `ModelAssembler` from the rendered level pages; read by the generated pages and `model.json`.
public struct MaturityModel: Sendable, Hashable {
    public var language: String
    public var levels: [Level]

    /// A level page and its cells.
    public struct Level: Sendable, Hashable {
        /// Index of the level page in `Site.pages`.
        public var page: Int
        /// The number in the page's path (`level-3` → 3), else its position.
        public var number: Int
        public var title: String
        public var url: String
        /// Dimension id → the section of this level.
        public var cells: [String: Cell]
    }

    /// One (level, dimension) section.
    public struct Cell: Sendable, Hashable {
        public var dimension: String
        /// The heading's anchor on the level page (the dimension id).
        public var anchor: String
        /// The heading's text in the page's language (`Personen`).
        public var heading: String
        /// The section's HTML after its `##` heading, up to the next `##`, as on the level page (for its text).
        public var html: String
        /// Where that HTML sits in the level page's (`PageContent`), to write it into another page.
        public var body: Range<Int>
        public var topics: [Topic]
        public var sourcePath: String
        public var line: Int
    }

    /// A `###` topic inside a dimension section.
    public struct Topic: Sendable, Hashable {
        public var title: String
        /// The slug of the title in the page's language; topics with the same slug match across levels.
        public var slug: String
        /// The heading's anchor on the level page (`people-security`).
        public var anchor: String
        /// The topic's HTML after its `###` heading, up to the next `###` or `##`, as on the level page.
        public var html: String
        /// Where that HTML sits in the level page's.
        public var body: Range<Int>
        public var line: Int
    }

    /// The levels in order that have a cell for a dimension.
    public func levels(with dimension: String) -> [Level] {
        levels.filter { $0.cells[dimension] != nil }
    }
}
