/// The Markdown of one synthetic level page in one language: a plan filled with made-up words.
///
/// Like the real level pages: front matter (title, weight, description), five `## <i class="fas fa-…"></i>`
/// dimension sections, each with 4–7 `###` topics of 2–4 blocks, some lists, quotes, links and emphasis.
struct LevelPage {
    /// The five dimensions: Font Awesome icon and heading per language.
    static let dimensions: [(icon: String, names: [String: String])] = [
        ("building", ["en": "Business Outcomes", "de": "Geschäftsergebnisse"]),
        ("users", ["en": "People", "de": "Personen"]),
        ("cogs", ["en": "Process", "de": "Prozesse"]),
        ("edit", ["en": "Policy", "de": "Richtlinien"]),
        ("server", ["en": "Technology", "de": "Technologie"]),
    ]

    var plan: PagePlan
    var language: String
    /// Per dimension, the topic titles the plan's indexes name.
    var topicTitles: [[String]]
    /// Level number → its path below the language's content folder (`section-03/level-250`).
    var pathOf: (Int) -> String

    /// The whole file, front matter included.
    func markdown(words: inout PseudoWords) -> String {
        let levelWord = language == "de" ? "Stufe" : "Level"
        var text = "---\ntitle: \(levelWord) \(plan.number) - \(words.title())\nweight: \(plan.number)\n"
        text += "description: \(words.sentence())\n---\n\n"
        text += paragraph(plan.introSentences, &words) + "\n\n"
        for (position, dimension) in plan.dimensions.enumerated() {
            let (icon, names) = Self.dimensions[position % Self.dimensions.count]
            text += "## <i class=\"fas fa-\(icon)\"></i> \(names[language] ?? names["en"]!)\n\n"
            text += paragraph(dimension.introSentences, &words) + "\n\n"
            for topic in dimension.topics {
                text += "### \(topicTitles[position][topic.title])\n\n"
                for block in topic.blocks { text += self.block(block, &words) + "\n\n" }
            }
        }
        return text
    }

    private func block(_ block: PagePlan.Block, _ words: inout PseudoWords) -> String {
        switch block {
        case .paragraph(let sentences, let emphasis, let link):
            var text = words.words(words.random.int(1...3)).capitalisedFirst + " "
            if let emphasis {
                let marked = words.words(words.random.int(1...3))
                switch emphasis {
                case .italic: text += "*\(marked)*"
                case .bold: text += "**\(marked)**"
                case .code: text += "`\(marked.replacingOccurrences(of: " ", with: "-"))`"
                }
            } else {
                text += words.word()
            }
            text += " " + words.words(words.random.int(2...6)) + "."
            if sentences > 1 { text += " " + paragraph(sentences - 1, &words) }
            switch link {
            case .external(let number)?:
                text += " [\(words.words(2))](https://example.org/\(language)/\(number)/)."
            case .level(let number)?:
                text += " [\(words.words(3))]({{< ref \"/\(pathOf(number))\" >}})."
            case nil: break
            }
            return text
        case .list(let items, let ordered):
            return (1...items).map { item in
                (ordered ? "\(item). " : "- ") + words.words(words.random.int(3...10)).capitalisedFirst
            }.joined(separator: "\n")
        case .quote(let sentences):
            return "> *" + paragraph(sentences, &words) + "*"
        }
    }

    private func paragraph(_ sentences: Int, _ words: inout PseudoWords) -> String {
        (0..<sentences).map { _ in words.sentence() }.joined(separator: " ")
    }
}
