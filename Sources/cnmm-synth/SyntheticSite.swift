import Foundation

/// A whole synthetic site: `site.yml`, and per language a home page, sections and level pages.
///
/// Level `n` lives at `content/<lang>/section-SS/level-n/index.md` (a page bundle, like the real level pages),
/// `pagesPerSection` to a section, so no list of pages grows with the site beyond a section's size. The same
/// seed gives byte-identical files.
struct SyntheticSite {
    static let languages = ["en", "de"]
    /// Topic titles per dimension: pages draw 4–7 of them, so topics recur across levels as in the real model.
    static let topicPool = 10

    var pages: Int
    var pagesPerSection: Int
    var seed: UInt64
    /// Whether `site.yml` keeps the maturity model (five dimensions): then every page is a level of the model.
    var model: Bool

    var sectionCount: Int { (pages + pagesPerSection - 1) / pagesPerSection }

    func sectionName(_ section: Int) -> String {
        "section-" + String(repeating: "0", count: max(0, String(sectionCount).count - String(section).count))
            + String(section)
    }

    /// `section-03/level-250`, the same in every language.
    func path(ofLevel number: Int) -> String {
        sectionName((number - 1) / pagesPerSection + 1) + "/level-\(number)"
    }

    /// Writes the site into `root` and returns the number of Markdown bytes written.
    func write(to root: URL) throws -> Int {
        var bytes = 0
        func put(_ relative: String, _ text: String) throws {
            let url = root.appendingPathComponent(relative)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let data = Data(text.utf8)
            try data.write(to: url)
            if relative.hasSuffix(".md") { bytes += data.count }
        }
        try put("site.yml", siteConfig())
        for (languageIndex, language) in Self.languages.enumerated() {
            var words = PseudoWords(
                language: language, random: SplitMix64(seed: seed, key: [0, UInt64(languageIndex)]))
            let titles = topicTitles(language: language, languageIndex: languageIndex)
            try put("content/\(language)/_index.md", home(language: language, words: &words))
            for section in 1...sectionCount {
                let weight = "weight: \(section)\n"
                let title = (language == "de" ? "Bereich " : "Section ") + "\(section)"
                let text =
                    "---\ntitle: \(title)\n\(weight)description: \(words.sentence())\n---\n\n"
                    + words.sentence() + " " + words.sentence() + "\n"
                try put("content/\(language)/\(sectionName(section))/_index.md", text)
            }
            for number in 1...pages {
                var structure = SplitMix64(seed: seed, key: [1, UInt64(number)])
                let plan = PagePlan(
                    number: number, dimensionCount: LevelPage.dimensions.count, topicPool: Self.topicPool,
                    random: &structure)
                var text = PseudoWords(
                    language: language, random: SplitMix64(seed: seed, key: [2, UInt64(number), UInt64(languageIndex)]))
                let page = LevelPage(plan: plan, language: language, topicTitles: titles, pathOf: path(ofLevel:))
                try put("content/\(language)/\(path(ofLevel: number))/index.md", page.markdown(words: &text))
            }
        }
        return bytes
    }

    private func topicTitles(language: String, languageIndex: Int) -> [[String]] {
        LevelPage.dimensions.indices.map { dimension in
            var words = PseudoWords(
                language: language, random: SplitMix64(seed: seed, key: [3, UInt64(dimension), UInt64(languageIndex)]))
            var seen = Set<String>()
            var titles: [String] = []
            while titles.count < Self.topicPool {
                let title = words.title()
                if seen.insert(title.lowercased()).inserted { titles.append(title) }
            }
            return titles
        }
    }

    private func home(language: String, words: inout PseudoWords) -> String {
        var text = "---\ntitle: \(language == "de" ? "Synthetische Seite" : "Synthetic site")\n---\n\n"
        text += (0..<3).map { _ in words.sentence() }.joined(separator: " ") + "\n"
        return text
    }

    private func siteConfig() -> String {
        var text = """
            # A synthetic site written by cnmm-synth (\(pages) level pages per language, seed \(seed)).
            title: Synthetic Maturity Model
            description: Made-up level pages for benchmarks.
            baseURL: /
            defaultLanguage: en
            languages:
              - code: en
                name: English
                weight: 1
              - code: de
                name: Deutsch
                weight: 2

            """
        if !model {
            text += "# No dimensions: the level pages are plain pages, as for the Hugo theme in bench/hugo-theme.\n"
            text += "dimensions: []\n"
        }
        return text
    }
}
