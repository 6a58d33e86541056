/// One entry of a language's search index: a page, a dimension section of a level, or a topic in one.
///
/// Encoded as a JSON array, `[kind, url, title, level, dimension, text]`, to keep the index small: `level`
/// is 0 and `dimension` empty when the record has none (see `SearchIndex`).
public struct SearchRecord: Sendable, Hashable, Encodable {
    /// What a record stands for; the theme's script shows the kinds' breadcrumbs differently.
    public enum Kind: String, Sendable, Hashable, Encodable {
        /// A whole page (home, about, a generated page, the part of a level page outside its sections).
        case page = "p"
        /// A dimension section of a level page (`/level-3/#people`).
        case section = "s"
        /// A `###` topic inside a section (`/level-3/#people-security`), or a topic's generated page.
        case topic = "t"
    }

    public var kind: Kind
    /// The URL, with the section's or topic's anchor.
    public var url: String
    public var title: String
    /// The level's number, 0 when the record belongs to no level.
    public var level: Int
    /// The dimension id, empty when the record belongs to no dimension.
    public var dimension: String
    /// The plain text, in one line.
    public var text: String

    public init(kind: Kind, url: String, title: String, level: Int = 0, dimension: String = "", text: String) {
        self.kind = kind
        self.url = url
        self.title = title
        self.level = level
        self.dimension = dimension
        self.text = text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(kind)
        try container.encode(url)
        try container.encode(title)
        try container.encode(level)
        try container.encode(dimension)
        try container.encode(text)
    }
}
