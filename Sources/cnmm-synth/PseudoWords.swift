/// Made-up words and sentences in the flavour of one language, drawn from a seeded generator.
///
/// Nothing is copied from real text: words are syllables glued together. English-like words are short and
/// lowercase; German-like words use umlauts and `ß` (so the build sees real UTF-8), and nouns
/// are capitalised.
struct PseudoWords {
    var language: String
    var random: SplitMix64

    private let onsets: [String]
    private let vowels: [String]
    private let codas: [String]

    init(language: String, random: SplitMix64) {
        self.language = language
        self.random = random
        let german = language == "de"
        onsets =
            german
            ? ["b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "w", "z", "sch", "st", "br", "pf"]
            : ["b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w", "st", "pr", "tr", "sh"]
        vowels = german ? ["a", "e", "i", "o", "u", "ä", "ö", "ü", "ei", "au", "ie"] : ["a", "e", "i", "o", "u", "ea"]
        codas =
            german
            ? ["", "", "n", "r", "s", "t", "ng", "ch", "ß", "nd"] : ["", "", "n", "r", "s", "t", "ng", "ck", "l"]
    }

    /// One word of 1–3 syllables.
    mutating func word() -> String {
        let syllables = random.int(1...3)
        var word = ""
        for _ in 0..<syllables {
            word += onsets.randomElement(using: &random)! + vowels.randomElement(using: &random)!
            word += codas.randomElement(using: &random)!
        }
        if language == "de" && random.chance(0.3) { word = word.capitalisedFirst }
        return word
    }

    /// `count` words separated by spaces.
    mutating func words(_ count: Int) -> String { (0..<count).map { _ in word() }.joined(separator: " ") }

    /// A title: two or three capitalised words.
    mutating func title() -> String {
        (0..<random.int(2...3)).map { _ in word().capitalisedFirst }.joined(separator: " ")
    }

    /// A sentence of 5–9 words ending with a full stop, the first word capitalised.
    mutating func sentence() -> String { words(random.int(5...9)).capitalisedFirst + "." }
}

extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
