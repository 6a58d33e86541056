import Foundation

/// How complete each language is: per page, and on level pages per dimension section.
///
/// Built from the site after the translation stage (default-language pages are the sources); read by
/// `cnmm translations` and the `/translations/` page.
public struct TranslationReport: Sendable, Encodable {
    public var sourceLanguage: String
    public var languages: [LanguageStatus]

    /// One language's status.
    public struct LanguageStatus: Sendable, Encodable {
        public var code: String
        public var name: String
        public var pages: [PageStatus]
        /// Units (pages, and sections of level pages) translated and up to date, of all units.
        public var complete: Int
        public var total: Int
        public var missing: Int
        public var outdated: Int
        public var percent: Int { total == 0 ? 100 : complete * 100 / total }

        enum CodingKeys: String, CodingKey { case code, name, pages, complete, total, missing, outdated, percent }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(name, forKey: .name)
            try container.encode(pages, forKey: .pages)
            try container.encode(complete, forKey: .complete)
            try container.encode(total, forKey: .total)
            try container.encode(missing, forKey: .missing)
            try container.encode(outdated, forKey: .outdated)
            try container.encode(percent, forKey: .percent)
        }
    }

    /// One source page in one language.
    public struct PageStatus: Sendable, Encodable {
        public var path: String
        public var title: String
        public var source: String
        public var translation: String?
        public var status: Status
        /// Words of the translation over words of the source.
        public var wordRatio: Double?
        /// The date the source changed after the translation, when outdated.
        public var sourceChanged: String?
        public var sections: [SectionStatus]
    }

    /// One dimension section of a level page.
    public struct SectionStatus: Sendable, Encodable {
        public var dimension: String
        public var status: Status
    }

    public enum Status: String, Sendable, Encodable {
        case translated, missing, outdated
    }

    /// True when any page or section anywhere is missing or outdated.
    public var hasGaps: Bool { languages.contains { $0.missing > 0 || $0.outdated > 0 } }

    /// `wordCounts` keeps the preview's earlier counts, by page text; nil counts every page.
    init(site: Site, wordCounts: ReuseTable<String, Int>? = nil) {
        // Every page's words, counted on all cores at once (on a large site this was most of the assemble stage).
        let counts = site.pages.parallelMap { page -> Int in
            guard page.generated == nil, page.fallbackFrom == nil, !page.sourcePath.isEmpty else { return 0 }
            return wordCounts.map { $0.value(page.sourcePath, input: page.body) { Self.words(page.body) } }
                ?? Self.words(page.body)
        }
        let source = site.config.defaultLanguage
        sourceLanguage = source
        languages = site.config.languages.filter { $0.code != source }.map { language in
            var status = LanguageStatus(
                code: language.code, name: language.name, pages: [], complete: 0, total: 0, missing: 0, outdated: 0)
            for index in site.ordered[source] ?? [] {
                let original = site.pages[index]
                guard original.generated == nil, !original.sourcePath.isEmpty else { continue }
                let translatedIndex = site.translations[index]?[language.code]
                let translation = translatedIndex.map { site.pages[$0] }.flatMap {
                    $0.fallbackFrom == nil && !$0.sourcePath.isEmpty ? $0 : nil
                }
                let dimensions = original.headings.filter { $0.level == 2 }.compactMap(\.dimension)
                var page = PageStatus(
                    path: original.path, title: original.title, source: original.sourcePath,
                    translation: translation?.sourcePath,
                    status: .missing, wordRatio: nil, sourceChanged: nil, sections: [])
                if let translation {
                    page.status = translation.outdated == nil ? .translated : .outdated
                    page.sourceChanged = translation.outdated?.sourceDate
                    let sourceWords = counts[index]
                    let translatedWords = translatedIndex.map { counts[$0] } ?? 0
                    page.wordRatio =
                        sourceWords == 0
                        ? nil : (Double(translatedWords) / Double(sourceWords) * 100).rounded() / 100
                }
                page.sections = dimensions.map { dimension in
                    guard let translation, !translation.fallbackSections.contains(dimension) else {
                        return SectionStatus(dimension: dimension, status: .missing)
                    }
                    let changed =
                        translation.outdated.map { $0.sections.isEmpty || $0.sections.contains(dimension) } ?? false
                    return SectionStatus(dimension: dimension, status: changed ? .outdated : .translated)
                }
                let units = page.sections.isEmpty ? [page.status] : page.sections.map(\.status)
                status.total += units.count
                status.complete += units.count { $0 == .translated }
                status.missing += units.count { $0 == .missing }
                status.outdated += units.count { $0 == .outdated }
                status.pages.append(page)
            }
            return status
        }
    }

    /// The words of a text: runs between white space that hold a letter or a number. One pass over the
    /// Unicode scalars (splitting into characters was a tenth of the build on large sites).
    static func words(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            var inWord = false
            var counted = false
            var index = 0
            while index < bytes.count {
                // Scalars decoded from the UTF-8 bytes by hand (the text is valid UTF-8): ASCII, most of any page,
                // costs one comparison; walking `unicodeScalars` was a tenth of a large site's build.
                let lead = bytes[index]
                let scalar: Unicode.Scalar
                if lead < 0x80 {
                    // ASCII by its range: white space, a letter or digit, or anything else.
                    index += 1
                    switch lead {
                    case 0x20, 0x09...0x0D:
                        inWord = false
                    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A:
                        // A word's first letter or digit counts it; the rest of a counted word, up to a byte that
                        // may start white space, is skipped in a tight loop.
                        if !(inWord && counted) { count += 1 }
                        inWord = true
                        counted = true
                        SearchText.whitespaceLeads.withUnsafeBufferPointer { leads in
                            while index < bytes.count, !leads[Int(bytes[index])] { index += 1 }
                        }
                    default:
                        if !inWord {
                            inWord = true
                            counted = false
                        }
                    }
                    continue
                } else {
                    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                    var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for offset in 1..<length where index + offset < bytes.count {
                        value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                    }
                    index += length
                    scalar = Unicode.Scalar(value) ?? " "
                }
                if scalar.isWhitespaceFast {
                    inWord = false
                    continue
                }
                if !inWord {
                    inWord = true
                    counted = false
                }
                if !counted && scalar.isLetterOrNumberFast {
                    count += 1
                    counted = true
                }
            }
            return count
        }
    }

    /// The report as pretty-printed JSON with sorted keys.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
