/// One dimension of the maturity model, recognised on level pages by the icon of its `##` heading.
///
/// The icon names the dimension in every language; the heading text does not.
public struct Dimension: Sendable, Hashable {
    /// The language-neutral id, used as the section anchor (`people` → `/level-3/#people`).
    public var id: String
    /// The Font Awesome icon name without `fa-` (`users`).
    public var icon: String
    /// The dimension's name per language code.
    public var names: [String: String]

    public init(id: String, icon: String, names: [String: String]) {
        self.id = id
        self.icon = icon
        self.names = names
    }

    /// The name in a language, else in English, else the id.
    public func name(in language: String, fallback: String = "en") -> String {
        names[language] ?? names[fallback] ?? names["en"] ?? id
    }

    /// The five dimensions of the Cloud Native Maturity Model, used when `site.yml` declares none.
    public static let cloudNativeMaturityModel: [Dimension] = [
        Dimension(
            id: "business-outcomes", icon: "building",
            names: ["en": "Business Outcomes", "de": "Geschäftsergebnisse"]),
        Dimension(id: "people", icon: "users", names: ["en": "People", "de": "Personen"]),
        Dimension(id: "process", icon: "cogs", names: ["en": "Process", "de": "Prozesse"]),
        Dimension(id: "policy", icon: "edit", names: ["en": "Policy", "de": "Richtlinien"]),
        Dimension(id: "technology", icon: "server", names: ["en": "Technology", "de": "Technologie"]),
    ]
}
