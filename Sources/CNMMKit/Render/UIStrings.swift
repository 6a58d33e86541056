/// The theme's UI strings for one language, falling back to the default language key by key.
struct UIStrings: Sendable {
    var table: [String: String]
    /// Keys that fell back to the default language.
    var missing: [String]

    init(language: String, defaultLanguage: String, all: [String: [String: String]]) {
        let own = all[language] ?? [:]
        let fallback = all[defaultLanguage] ?? all["en"] ?? [:]
        table = fallback.merging(own) { _, mine in mine }
        missing = language == defaultLanguage ? [] : fallback.keys.filter { own[$0] == nil }.sorted()
    }

    subscript(key: String) -> String { table[key] ?? key }

    /// Fills `{name}` placeholders.
    func format(_ key: String, _ values: [String: String]) -> String {
        var text = self[key]
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }
}
