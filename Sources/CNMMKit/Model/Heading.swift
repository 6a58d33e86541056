/// A heading of a rendered page: its level, anchor id, plain text, icon and source line.
public struct Heading: Sendable, Hashable {
    public var level: Int
    /// The anchor id, unique in its page: on a dimension's `##` and its `###` topics the language-neutral id
    /// (`people`, `people-culture`), on every other heading Hugo's id.
    public var id: String
    /// The id Hugo gives the heading, when it differs from `id` (`culture`, `mitarbeiter`): an empty anchor with it
    /// sits at the start of the heading, so links written for Hugo's ids land.
    public var alias: String?
    /// The heading's text with HTML removed.
    public var text: String
    /// The Font Awesome icon name found in the heading (`users` for `fa-users`), if any.
    public var icon: String?
    /// The heading's line in the source file.
    public var line: Int
    /// The dimension whose section this heading opens (`##`) or lies in (`###` and below), on level pages.
    public var dimension: String?
    /// The slug of the text alone, before the page made it unique or prefixed it; set on the headings of dimension
    /// sections (where it names a topic) and on headings without text, empty on the others.
    public var slug: String = ""

    public init(level: Int, id: String, text: String, icon: String? = nil, line: Int) {
        self.level = level
        self.id = id
        self.text = text
        self.icon = icon
        self.line = line
    }
}
