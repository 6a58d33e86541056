/// The front matter of a content page: the known keys typed, every other key kept as a parameter.
public struct FrontMatter: Sendable, Hashable {
    public var title: String?
    public var linkTitle: String?
    public var description: String?
    public var weight: Int = 0
    public var draft: Bool = false
    public var layout: String?
    public var tocHide: Bool = false
    public var aliases: [String] = []
    /// The line of the `aliases` key in the file, for messages about an alias.
    public var aliasesLine = 1
    public var translationKey: String?
    /// Menus this page is in, with their weight (`menu: {main: {weight: 20}}`).
    public var menus: [String: Int] = [:]
    /// Every key that is not a known one, for templates.
    public var params: [String: YAMLValue] = [:]

    public init() {}
}
