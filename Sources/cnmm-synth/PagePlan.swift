/// The shape of one synthetic level page, shared by its translations so that they stay structurally parallel.
///
/// A plan fixes everything but the words: how many topics each dimension has, which of them, and which blocks
/// (paragraphs, lists, quotes) with which emphasis and links. `LevelPage` then fills it with words per language.
struct PagePlan {
    struct Dimension {
        var introSentences: Int
        /// Indexes into the dimension's pool of topic titles, distinct, in page order.
        var topics: [Topic]
    }

    struct Topic {
        var title: Int
        var blocks: [Block]
    }

    enum Block {
        case paragraph(sentences: Int, emphasis: Emphasis?, link: Link?)
        case list(items: Int, ordered: Bool)
        case quote(sentences: Int)
    }

    enum Emphasis: CaseIterable { case italic, bold, code }

    enum Link {
        case external(Int)
        /// A `ref` shortcode to the level page with this number.
        case level(Int)
    }

    var number: Int
    var introSentences: Int
    var dimensions: [Dimension]

    /// The plan of level `number`, drawn from `random`; topic titles come from pools of `topicPool` per dimension.
    init(number: Int, dimensionCount: Int, topicPool: Int, random: inout SplitMix64) {
        self.number = number
        introSentences = random.int(2...3)
        dimensions = (0..<dimensionCount).map { _ in
            let titles = Array((0..<topicPool).shuffled(using: &random).prefix(random.int(4...7)))
            let topics = titles.map { title in
                Topic(title: title, blocks: (0..<random.int(2...4)).map { _ in Self.block(number, &random) })
            }
            return Dimension(introSentences: random.int(1...2), topics: topics)
        }
    }

    private static func block(_ number: Int, _ random: inout SplitMix64) -> Block {
        switch random.int(0...19) {
        case 0...1: return .list(items: random.int(3...5), ordered: random.chance(0.3))
        case 2: return .quote(sentences: random.int(1...2))
        default:
            let emphasis = random.chance(0.4) ? Emphasis.allCases.randomElement(using: &random) : nil
            var link: Link?
            if random.chance(0.15) {
                link =
                    number > 1 && random.chance(0.6)
                    ? .level(random.int(1...(number - 1))) : .external(random.int(1...99))
            }
            return .paragraph(sentences: random.int(1...2), emphasis: emphasis, link: link)
        }
    }
}
