import Foundation

/// `model.json`: the maturity model as data for other tools, per language (see README, "The model as data").
struct ModelJSON {
    var site: Site

    struct Document: Encodable {
        var dimensions: [DimensionEntry]
        var languages: [String: LanguageEntry]
    }

    struct DimensionEntry: Encodable {
        var id: String
        var icon: String
        var names: [String: String]
    }

    struct LanguageEntry: Encodable {
        var levels: [LevelEntry]
        var cells: [CellEntry]
    }

    struct LevelEntry: Encodable {
        var number: Int
        var title: String
        var url: String
        var source: String
    }

    struct CellEntry: Encodable {
        var level: Int
        var dimension: String
        var heading: String
        var url: String
        var source: String
        var line: Int
        var topics: [TopicEntry]
    }

    struct TopicEntry: Encodable {
        var title: String
        var slug: String
        var url: String
        var topicPage: String?
    }

    func data() -> Data {
        var languages: [String: LanguageEntry] = [:]
        let published = Set(site.config.publishedLanguages.map(\.code))
        for (code, model) in site.models where !model.levels.isEmpty && published.contains(code) {
            let levels = model.levels.map {
                LevelEntry(number: $0.number, title: $0.title, url: $0.url, source: site.pages[$0.page].sourcePath)
            }
            var cells: [CellEntry] = []
            for level in model.levels {
                for dimension in site.config.dimensions {
                    guard let cell = level.cells[dimension.id] else { continue }
                    let topics = cell.topics.map { topic in
                        let path = "dimensions/\(dimension.id)/\(topic.slug)"
                        return TopicEntry(
                            title: topic.title, slug: topic.slug, url: level.url + "#" + topic.anchor,
                            topicPage: site.lookup[code]?[path].map { site.pages[$0].url })
                    }
                    cells.append(
                        CellEntry(
                            level: level.number, dimension: dimension.id, heading: cell.heading,
                            url: level.url + "#" + cell.anchor, source: cell.sourcePath, line: cell.line, topics: topics
                        ))
                }
            }
            languages[code] = LanguageEntry(levels: levels, cells: cells)
        }
        let document = Document(
            dimensions: site.config.dimensions.map { DimensionEntry(id: $0.id, icon: $0.icon, names: $0.names) },
            languages: languages)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(document)).map { $0 + Data("\n".utf8) } ?? Data()
    }
}
