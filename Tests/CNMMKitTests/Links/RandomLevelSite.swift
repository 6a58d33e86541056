import Foundation

/// A random site of level pages for the link property, drawn from a seeded generator.
///
/// Input: a generator and whether to break links. Output: the files of a site in English and German (1 to 8 level
/// pages each, their `##` dimension sections, `###` topics, `####` subheadings and paragraphs drawn at random), whose
/// paragraphs carry links of every kind of `LevelLinkTests` at pages and anchors that exist, plus, when `broken`,
/// one to three links at nothing, each remembered with its file and line. `translationFallback: false` and German
/// levels having every section their English levels have keep each language's pages its own, so a link's target is
/// known from the language alone.
struct RandomLevelSite {
    /// A level page's structure: which dimensions it has, with which topics.
    struct Level {
        var number: Int
        var sections: [(dimension: Dimension, topics: [String])]

        /// Every anchor the page has today: its sections' and topics' ids.
        var anchors: [String] {
            sections.flatMap { section in
                [section.dimension.id] + section.topics.map { "\(section.dimension.id)-\(RandomLevelSite.slug($0))" }
            }
        }
    }

    struct Dimension {
        var id: String
        var icon: String
        var names: [String: String]
    }

    /// A link at nothing, and where it was written.
    struct BrokenLink: CustomStringConvertible {
        var path: String
        var line: Int
        var markdown: String
        var description: String { "\(path):\(line) \(markdown)" }
    }

    var files: [String: String] = [:]
    /// Bundle files beside the level pages (the image every level page may show).
    var images: [String] = []
    var baseURL: String
    var levels: [String: [Level]] = [:]
    var broken: [BrokenLink] = []
    var linkCount = 0

    init(random: inout SplitMix64, broken breaking: Bool) {
        baseURL = random.chance(0.5) ? "/" : "/cnmm/"
        files["site.yml"] = """
            title: Random links
            baseURL: \(baseURL)
            translationFallback: false
            languages:
              - code: en
                name: English
              - code: de
                name: Deutsch
            """
        for language in Self.languages {
            levels[language] = (1...random.int(1...8)).map { number in
                // A translated level has at least its English sections: cnmm adds the missing ones from English even
                // with `translationFallback: false`, with links written for the English page.
                let required = Set(levels["en"]?.first { $0.number == number }?.sections.map(\.dimension.id) ?? [])
                let dimensions = Self.dimensions.filter { required.contains($0.id) || random.chance(0.7) }
                let sections = (dimensions.isEmpty ? [random.pick(Self.dimensions)] : dimensions).map { dimension in
                    let topics = Self.topics.shuffled(using: &random).prefix(random.int(0...3))
                    return (dimension, topics.map { $0[language]! })
                }
                return Level(number: number, sections: sections)
            }
        }
        for language in Self.languages {
            writeOtherPages(language)
            for level in levels[language]! {
                let path = "content/\(language)/level-\(level.number)/index.md"
                files[path] = page(level, language: language, random: &random)
                images.append("content/\(language)/level-\(level.number)/diagram.png")
            }
        }
        if breaking { breakLinks(random: &random) }
    }

    /// One line to read in a failure: the case's shape.
    var summary: String {
        let shape = Self.languages.map { language in
            "\(language): "
                + levels[language]!.map { "\($0.number)(\($0.sections.map(\.dimension.id).joined(separator: ",")))" }
                .joined(separator: " ")
        }
        return "baseURL \(baseURL); \(shape.joined(separator: "; ")); \(linkCount) links"
            + (broken.isEmpty ? "" : "; broken: " + broken.map(\.description).joined(separator: ", "))
    }

    static let languages = ["en", "de"]

    static let dimensions = [
        Dimension(
            id: "business-outcomes", icon: "building", names: ["en": "Business Outcomes", "de": "Geschäftsergebnisse"]),
        Dimension(id: "people", icon: "users", names: ["en": "People", "de": "Personen"]),
        Dimension(id: "process", icon: "cogs", names: ["en": "Process", "de": "Prozesse"]),
        Dimension(id: "policy", icon: "edit", names: ["en": "Policy", "de": "Richtlinien"]),
        Dimension(id: "technology", icon: "server", names: ["en": "Technology", "de": "Technologie"]),
    ]

    /// Topic names whose id is plain: lowercase, spaces as `-` (umlauts stay).
    static let topics: [[String: String]] = [
        ["en": "Culture", "de": "Kultur"], ["en": "Training", "de": "Schulung"],
        ["en": "Security", "de": "Sicherheit"], ["en": "Delivery", "de": "Lieferung"],
        ["en": "Compliance", "de": "Konformität"], ["en": "Team Structure", "de": "Teamstruktur"],
        ["en": "Observability", "de": "Beobachtbarkeit"], ["en": "Zero Trust", "de": "Zero Trust"],
    ]

    static func slug(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: " ", with: "-")
    }
}

private extension RandomLevelSite {
    static let words = [
        "en": ["teams", "adopt", "cloud", "native", "practices", "measure", "platform", "with", "care", "and", "the"],
        "de": ["Teams", "nutzen", "Cloud", "Praktiken", "messen", "Plattform", "mit", "Sorgfalt", "und", "die"],
    ]
    static let subheadings = ["en": ["Notes", "Example", "Steps"], "de": ["Hinweise", "Beispiel", "Schritte"]]

    /// Home, glossary (`people.md`-style links), a people page, and `über uns` (a folder with a space and an umlaut).
    mutating func writeOtherPages(_ language: String) {
        let folder = "content/\(language)/"
        files[folder + "_index.md"] = "---\ntitle: Home \(language)\n---\nStart at [Level 1](level-1/).\n"
        files[folder + "glossary.md"] =
            "---\ntitle: Glossary\n---\nSee [people](people.md) and [Level 1](level-1/index.md).\n"
        files[folder + "people.md"] = "---\ntitle: People\n---\nBack to the [glossary](glossary.md).\n"
        files[folder + "über uns/index.md"] = "---\ntitle: Über uns\n---\nStart at [Level 1](../level-1/).\n"
    }

    /// A level page: front matter, an intro, then each section with its topics, paragraphs carrying links.
    mutating func page(_ level: Level, language: String, random: inout SplitMix64) -> String {
        var lines = [
            "---", "title: Level \(level.number) - \(random.pick(Self.words[language]!))", "weight: \(level.number)",
            "---", "",
        ]
        lines += paragraph(level, language: language, random: &random)
        for (dimension, topics) in level.sections {
            lines += ["", "## <i class=\"fas fa-\(dimension.icon)\"></i> \(dimension.names[language]!)", ""]
            lines += paragraph(level, language: language, random: &random)
            for topic in topics {
                lines += ["", "### \(topic)", ""] + paragraph(level, language: language, random: &random)
                if random.chance(0.3) {
                    lines += ["", "#### \(random.pick(Self.subheadings[language]!))", ""]
                    lines += paragraph(level, language: language, random: &random)
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One to three lines of words, each with a link at a random place now and then.
    mutating func paragraph(_ level: Level, language: String, random: inout SplitMix64) -> [String] {
        (1...random.int(1...3)).map { _ in
            var words = (1...random.int(3...8)).map { _ in random.pick(Self.words[language]!) }
            if random.chance(0.6) {
                words.insert(link(from: level, language: language, random: &random), at: random.int(0...words.count))
                linkCount += 1
            }
            return words.joined(separator: " ")
        }
    }

    /// A link of a random kind at a page or anchor that exists.
    func link(from level: Level, language: String, random: inout SplitMix64) -> String {
        let target = random.pick(levels[language]!)
        let anchor = random.pick(target.anchors)
        let m = target.number
        let text = random.pick(Self.words[language]!)
        switch random.int(0...13) {
        case 0: return "[\(text)](../level-\(m)/)"
        case 1: return "[\(text)](../level-\(m)/#\(anchor))"
        case 2: return "[\(text)](#\(random.pick(level.anchors)))"
        case 3: return "![\(text)](diagram.png)"
        case 4: return "[\(text)](../level-\(m)/index.md)"
        case 5: return "[\(text)](../level-\(m)/index.md#\(anchor))"
        case 6: return "[\(text)](../glossary.md)"
        case 7: return "[\(text)]({{< ref \"level-\(m)\" >}})"
        case 8: return "[\(text)]({{< relref \"/level-\(m)/index.md#\(anchor)\" >}})"
        case 9: return "[\(text)](https://www.cncf.io/)"
        case 10: return "[\(text)](mailto:team@example.org)"
        case 11: return "[\(text)](javascript:alert(1))"
        case 12: return "[\(text)](../über%20uns/index.md)"
        default: return "[\(text)](<../über uns/index.md>)"
        }
    }

    /// Adds one to three links at nothing, each at the end of a paragraph line of a level page (never two on one
    /// line). Each names its own missing target (`missing-01`, `gone-02`), so no two share a line's text.
    mutating func breakLinks(random: inout SplitMix64) {
        // Every page has an intro and a section paragraph: two languages give at least four lines to choose from.
        let candidates = Self.languages.flatMap { language in
            levels[language]!.flatMap { level in
                let path = "content/\(language)/level-\(level.number)/index.md"
                let lines = files[path]!.components(separatedBy: "\n")
                return lines.indices.filter { $0 > 4 && !lines[$0].isEmpty && !lines[$0].hasPrefix("#") }
                    .map { (language: language, path: path, index: $0) }
            }
        }
        for (k, place) in candidates.shuffled(using: &random).prefix(random.int(1...3)).enumerated() {
            let name = String(format: "%02d", k + 1)
            let m = random.pick(levels[place.language]!).number
            let markdown =
                switch random.int(0...7) {
                case 0: "[x](../missing-\(name)/)"
                case 1: "[x](../level-\(m)/#gone-\(name))"
                case 2: "[x](#gone-\(name))"
                case 3: "![x](missing-\(name).png)"
                case 4: "[x](../missing-\(name)/index.md)"
                case 5: "[x]({{< ref \"missing-\(name)\" >}})"
                case 6: "[x]({{< relref \"/level-\(m)/index.md#gone-\(name)\" >}})"
                default: "[x](../level-\(m)/index.md#gone-\(name))"
                }
            var lines = files[place.path]!.components(separatedBy: "\n")
            lines[place.index] += " " + markdown
            files[place.path] = lines.joined(separator: "\n")
            broken.append(BrokenLink(path: place.path, line: place.index + 1, markdown: markdown))
        }
    }
}
