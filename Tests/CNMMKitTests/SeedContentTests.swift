import Foundation
import Testing

// Checks that the level pages in `content/` are faithful conversions of the
// seed documents kept in `Tests/CNMMKitTests/Fixtures/seeds` (see its NOTICE.md).
//
// This file depends on nothing but Foundation and Testing, so it can also be
// compiled on its own in a throwaway package. Paths:
// - package root: `$CNMM_ROOT` if set, else three levels up from this file
//   (Tests/CNMMKitTests/SeedContentTests.swift), symlinks resolved;
// - seeds: `$CNMM_SEEDS` if set, else `<package root>/Tests/CNMMKitTests/Fixtures/seeds`.
// A missing seed or page fails the test (via #require); nothing is skipped.
//
// Kinds of seed:
// - Markdown seeds (English and German Level 3): the page must be the seed
//   byte for byte, except for one added `weight:` line in the front matter.
// - Plain-text renderings (English Levels 2 and 4): the page was converted by
//   hand. The checks are
//   1. front matter: `title` is the seed's first line, `description` the next
//      non-empty line, `weight` the level number, and no other keys;
//   2. headings: the page's headings (`##` dimension names, `###` topics,
//      `####` certification names), in order, must equal the seed lines that
//      look like headings, in order (see `SeedCheck.SeedText.isHeading` for the
//      heuristic). Headings that the rendering lost and the page restores
//      must be listed in `restoredHeadings`; none are needed at present;
//   3. words: the page body with Markdown syntax removed must be the seed
//      body word for word (whitespace aside), minus the rendering leftovers
//      listed in `droppedSeedLines`.
//
// Dimension order: the requirement is that each page has the five dimensions
// as `##` headings with their icons. The order is the seed's own order,
// checked against the seed: the English Level 3 seed starts with Business
// Outcomes, while the Level 2 and 4 renderings and the German Level 3 seed
// put Business Outcomes last. The pages keep the order of their seeds.

/// Helpers for the seed content tests, kept in one namespace so that they
/// cannot clash with names in the generator module or other test files.
enum SeedCheck {
    // MARK: - Page specifications

    struct Dimension: Sendable, Equatable, CustomStringConvertible {
        let icon: String
        let name: String

        var description: String { "\(icon) \(name)" }

        static let allIcons: Set<String> = ["fa-building", "fa-users", "fa-cogs", "fa-edit", "fa-server"]

        enum English {
            static let businessOutcomes = Dimension(icon: "fa-building", name: "Business Outcomes")
            static let people = Dimension(icon: "fa-users", name: "People")
            static let process = Dimension(icon: "fa-cogs", name: "Process")
            static let policy = Dimension(icon: "fa-edit", name: "Policy")
            static let technology = Dimension(icon: "fa-server", name: "Technology")
        }

        enum German {
            static let businessOutcomes = Dimension(icon: "fa-building", name: "Unternehmerische Ergebnisse")
            static let people = Dimension(icon: "fa-users", name: "Personen")
            static let process = Dimension(icon: "fa-cogs", name: "Prozesse")
            static let policy = Dimension(icon: "fa-edit", name: "Policy")
            static let technology = Dimension(icon: "fa-server", name: "Technologie")
        }
    }

    struct ConvertedPage: Sendable, CustomTestStringConvertible {
        enum SeedKind: Sendable { case markdown, plainText }

        /// Short name used in test output, e.g. "en/level-2".
        let name: String
        /// Page path relative to the package root.
        let pagePath: String
        /// Seed file name inside the seeds directory.
        let seedFile: String
        let kind: SeedKind
        let weight: Int
        /// The `##` dimension headings, in the order of the seed.
        let dimensions: [Dimension]
        /// `###` headings added to the page because the plain-text rendering lost them.
        let restoredHeadings: [String]
        /// Exact seed lines that are rendering leftovers and not part of the page.
        let droppedSeedLines: [String]

        var testDescription: String { name }

        static let all: [ConvertedPage] = [
            ConvertedPage(
                name: "en/level-2",
                pagePath: "content/en/level-2/index.md",
                seedFile: "002_db56dc592e1dacb3.txt",
                kind: .plainText,
                weight: 2,
                dimensions: [
                    Dimension.English.people, Dimension.English.process, Dimension.English.policy,
                    Dimension.English.technology, Dimension.English.businessOutcomes,
                ],
                restoredHeadings: [],
                droppedSeedLines: ["Last modified December 29, 2022: added icons to document sections (e6bfa76)"]
            ),
            ConvertedPage(
                name: "en/level-3",
                pagePath: "content/en/level-3/index.md",
                seedFile: "000_acd8af7c62516b85.txt",
                kind: .markdown,
                weight: 3,
                dimensions: [
                    Dimension.English.businessOutcomes, Dimension.English.people, Dimension.English.process,
                    Dimension.English.policy, Dimension.English.technology,
                ],
                restoredHeadings: [],
                droppedSeedLines: []
            ),
            ConvertedPage(
                name: "en/level-4",
                pagePath: "content/en/level-4/index.md",
                seedFile: "003_5e67909543296908.txt",
                kind: .plainText,
                weight: 4,
                dimensions: [
                    Dimension.English.people, Dimension.English.process, Dimension.English.policy,
                    Dimension.English.technology, Dimension.English.businessOutcomes,
                ],
                restoredHeadings: [],
                droppedSeedLines: ["Last modified December 29, 2022: added icons to document sections (e6bfa76)"]
            ),
            ConvertedPage(
                name: "de/level-3",
                pagePath: "content/de/level-3/index.md",
                seedFile: "004_2d8dd0029aff0a59.txt",
                kind: .markdown,
                weight: 3,
                dimensions: [
                    Dimension.German.people, Dimension.German.process, Dimension.German.policy,
                    Dimension.German.technology, Dimension.German.businessOutcomes,
                ],
                restoredHeadings: [],
                droppedSeedLines: []
            ),
        ]

        static let plainText = all.filter { $0.kind == .plainText }
    }

    // MARK: - Locations and loading

    enum Locations {
        static func packageRoot(filePath: String = #filePath) -> URL {
            if let override = ProcessInfo.processInfo.environment["CNMM_ROOT"], !override.isEmpty {
                return URL(fileURLWithPath: override, isDirectory: true).standardizedFileURL
            }
            return URL(fileURLWithPath: filePath)
                .resolvingSymlinksInPath()
                .deletingLastPathComponent()  // CNMMKitTests
                .deletingLastPathComponent()  // Tests
                .deletingLastPathComponent()  // package root
                .standardizedFileURL
        }

        static func seedsDirectory() -> URL {
            if let override = ProcessInfo.processInfo.environment["CNMM_SEEDS"], !override.isEmpty {
                return URL(fileURLWithPath: override, isDirectory: true).standardizedFileURL
            }
            return packageRoot()
                .appendingPathComponent("Tests/CNMMKitTests/Fixtures/seeds", isDirectory: true)
                .standardizedFileURL
        }

        static func readSeed(_ file: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            let directory = seedsDirectory()
            try #require(
                FileManager.default.fileExists(atPath: directory.path),
                "Seed directory not found at \(directory.path); set CNMM_SEEDS or CNMM_ROOT",
                sourceLocation: sourceLocation
            )
            let url = directory.appendingPathComponent(file)
            try #require(
                FileManager.default.fileExists(atPath: url.path),
                "Seed document \(file) not found in \(directory.path)",
                sourceLocation: sourceLocation
            )
            return try String(contentsOf: url, encoding: .utf8)
        }

        static func readPage(_ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String
        {
            let url = packageRoot().appendingPathComponent(relativePath)
            try #require(
                FileManager.default.fileExists(atPath: url.path),
                "Page \(relativePath) not found under \(packageRoot().path); set CNMM_ROOT if the package root is elsewhere",
                sourceLocation: sourceLocation
            )
            return try String(contentsOf: url, encoding: .utf8)
        }
    }

    // MARK: - Text helpers

    static func textLines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// Describes the first difference between two word sequences, or returns nil if they are equal.
    static func firstDifference(page: [String], seed: [String]) -> String? {
        if page == seed { return nil }
        let common = zip(page, seed).prefix { $0 == $1 }.count
        func context(_ list: [String]) -> String {
            let start = max(0, common - 6)
            let end = min(list.count, common + 6)
            return start < end ? list[start..<end].joined(separator: " ") : "<end of text>"
        }
        let pageWord = common < page.count ? page[common] : "<end of text>"
        let seedWord = common < seed.count ? seed[common] : "<end of text>"
        return """
            word \(common + 1): page has “\(pageWord)”, seed has “\(seedWord)” \
            (page: \(page.count) words, seed: \(seed.count) words)
              page: … \(context(page)) …
              seed: … \(context(seed)) …
            """
    }

    /// A Markdown page split into front matter and body.
    struct MarkdownPage {
        let frontMatterLines: [String]
        let bodyLines: [String]

        init(_ text: String) {
            let lines = textLines(text)
            if lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") {
                frontMatterLines = Array(lines[1..<end])
                bodyLines = Array(lines[(end + 1)...])
            } else {
                frontMatterLines = []
                bodyLines = lines
            }
        }

        /// Simple `key: value` front matter (the only form these pages use).
        var frontMatter: [(key: String, value: String)] {
            frontMatterLines.compactMap { line in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                let key = line[..<colon].trimmingCharacters(in: .whitespaces)
                var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
                    value = String(value.dropFirst().dropLast())
                }
                return (key, value)
            }
        }

        func value(_ key: String) -> String? {
            frontMatter.first { $0.key == key }?.value
        }

        /// All ATX headings of the body, with their level and text. For `##`
        /// dimension headings the text is the name after the icon markup.
        var headings: [(level: Int, text: String)] {
            bodyLines.compactMap(MarkdownPage.heading)
        }

        static func heading(_ line: String) -> (level: Int, text: String)? {
            let hashes = line.prefix { $0 == "#" }.count
            guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
            let text = stripIconMarkup(String(line.dropFirst(hashes + 1)))
            return (hashes, text.trimmingCharacters(in: .whitespaces))
        }

        /// Parses `## <i class="fas fa-…"></i> Name` exactly; nil for any other form.
        static func dimensionHeading(_ line: String) -> Dimension? {
            let prefix = "## <i class=\"fas "
            let middle = "\"></i> "
            guard line.hasPrefix(prefix) else { return nil }
            let rest = line.dropFirst(prefix.count)
            guard let close = rest.range(of: middle) else { return nil }
            let icon = String(rest[..<close.lowerBound])
            let name = String(rest[close.upperBound...])
            guard icon.hasPrefix("fa-"), !icon.contains(" "), !name.isEmpty,
                name == name.trimmingCharacters(in: .whitespaces)
            else { return nil }
            return Dimension(icon: icon, name: name)
        }

        /// Removes `<i …></i>` icon markup.
        static func stripIconMarkup(_ text: String) -> String {
            var result = text
            while let open = result.range(of: "<i "),
                let close = result.range(of: "</i>", range: open.upperBound..<result.endIndex)
            {
                result.removeSubrange(open.lowerBound..<close.upperBound)
            }
            return result
        }

        /// Replaces `![alt](url)` by nothing (plain-text renderings do not show
        /// images) and `[text](url)` by `text`.
        static func stripLinks(_ text: String) -> String {
            var result = ""
            var index = text.startIndex
            while index < text.endIndex {
                let isImage =
                    text[index] == "!" && text.index(after: index) < text.endIndex
                    && text[text.index(after: index)] == "["
                let bracket = isImage ? text.index(after: index) : index
                if text[bracket] == "[",
                    let closeText = text[bracket...].firstIndex(of: "]"),
                    text.index(after: closeText) < text.endIndex,
                    text[text.index(after: closeText)] == "(",
                    let closeURL = text[closeText...].firstIndex(of: ")")
                {
                    if !isImage {
                        result += text[text.index(after: bracket)..<closeText]
                    }
                    index = text.index(after: closeURL)
                } else {
                    result.append(text[index])
                    index = text.index(after: index)
                }
            }
            return result
        }

        /// The body as plain words: heading hashes, icon markup, list markers,
        /// emphasis markers and link syntax removed. Heading lines whose text is
        /// in `skippingHeadings` are left out entirely.
        func plainWords(skippingHeadings: Set<String> = []) -> [String] {
            var output: [String] = []
            for line in bodyLines {
                var text = line
                if let heading = MarkdownPage.heading(line) {
                    if skippingHeadings.contains(heading.text) { continue }
                    text = heading.text
                }
                let trimmed = text.drop { $0 == " " }
                for marker in ["- ", "* ", "+ "] where trimmed.hasPrefix(marker) {
                    text = String(trimmed.dropFirst(marker.count))
                    break
                }
                text = MarkdownPage.stripIconMarkup(text)
                text = MarkdownPage.stripLinks(text)
                text = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
                output += words(text)
            }
            return output
        }
    }

    /// A plain-text rendering of a level page: title line, description line, body.
    struct SeedText {
        let title: String
        let description: String
        /// Body lines after the description, without the dropped leftovers.
        let bodyLines: [String]
        /// Dropped lines that were not found in the seed (should be empty).
        let missingDroppedLines: [String]

        init(_ text: String, droppedLines: [String] = []) {
            var lines = textLines(text)
            let titleIndex = lines.firstIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? 0
            title = lines.isEmpty ? "" : lines[titleIndex].trimmingCharacters(in: .whitespaces)
            let descriptionIndex = lines.indices.first {
                $0 > titleIndex && !lines[$0].trimmingCharacters(in: .whitespaces).isEmpty
            }
            description = descriptionIndex.map { lines[$0].trimmingCharacters(in: .whitespaces) } ?? ""
            lines = descriptionIndex.map { Array(lines[($0 + 1)...]) } ?? []
            missingDroppedLines = droppedLines.filter { !lines.contains($0) }
            // A dropped line is replaced by a blank line so the surrounding
            // blank-line structure (used by the heading heuristic) is unchanged.
            bodyLines = lines.map { droppedLines.contains($0) ? "" : $0 }
        }

        static let bullet: Character = "•"

        static func isBlank(_ line: String) -> Bool {
            line.trimmingCharacters(in: .whitespaces).isEmpty
        }

        /// Heading heuristic for plain-text renderings. A body line is taken to be
        /// a heading when all of these hold:
        /// - it is not blank and is not a bullet item (`•`);
        /// - the lines directly before and after it are blank (or the text ends);
        /// - it is at most 60 characters long;
        /// - it does not end with sentence punctuation (`.`, `:`, `;`, `!`, `?`).
        /// Paragraphs in these pages are full sentences and end with a period (or
        /// a colon before a list), so they never qualify; topic titles are short
        /// and stand alone between blank lines. The calibration test below checks
        /// the heuristic against the Markdown Level 3 seed and its older
        /// plain-text rendering.
        static func isHeading(_ lines: [String], at index: Int) -> Bool {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, line.first != bullet, line.count <= 60 else { return false }
            if let last = line.last, ".:;!?".contains(last) { return false }
            let blankBefore = index == 0 || isBlank(lines[index - 1])
            let blankAfter = index == lines.count - 1 || isBlank(lines[index + 1])
            return blankBefore && blankAfter
        }

        var headingLines: [String] {
            bodyLines.indices.filter { SeedText.isHeading(bodyLines, at: $0) }
                .map { bodyLines[$0].trimmingCharacters(in: .whitespaces) }
        }

        /// Body words with bullet markers removed.
        var plainWords: [String] {
            bodyLines.flatMap { line -> [String] in
                var text = Substring(line).drop { $0 == " " }
                if text.first == SeedText.bullet { text = text.dropFirst() }
                return words(String(text))
            }
        }
    }
}

// MARK: - Tests for the converted level pages

@Suite("Level pages converted from the seed documents")
struct SeedContentTests {
    @Test(
        "Each page has the five dimensions as level-two headings with the right icons, in the seed's order",
        arguments: SeedCheck.ConvertedPage.all)
    func dimensionHeadings(page: SeedCheck.ConvertedPage) throws {
        let markdown = SeedCheck.MarkdownPage(try SeedCheck.Locations.readPage(page.pagePath))
        let levelTwoLines = markdown.bodyLines.filter { $0.hasPrefix("## ") }
        let parsed = levelTwoLines.map(SeedCheck.MarkdownPage.dimensionHeading)
        for (line, dimension) in zip(levelTwoLines, parsed) where dimension == nil {
            Issue.record("“\(line)” is not of the form ## <i class=\"fas fa-…\"></i> Name")
        }
        #expect(parsed.compactMap { $0 } == page.dimensions)

        // The expected list itself: five dimensions, each icon exactly once.
        #expect(page.dimensions.count == 5)
        #expect(Set(page.dimensions.map(\.icon)) == SeedCheck.Dimension.allIcons)

        // The expected order is the order of the seed.
        let seed = try SeedCheck.Locations.readSeed(page.seedFile)
        let seedOrder: [String]
        switch page.kind {
        case .markdown:
            seedOrder = SeedCheck.MarkdownPage(seed).bodyLines.compactMap(SeedCheck.MarkdownPage.dimensionHeading).map(
                \.name)
        case .plainText:
            let names = Set(page.dimensions.map(\.name))
            seedOrder = SeedCheck.SeedText(seed, droppedLines: page.droppedSeedLines).headingLines.filter(
                names.contains)
        }
        #expect(seedOrder == page.dimensions.map(\.name))
    }

    @Test("Each page has the seed's headings, in order, at the right levels", arguments: SeedCheck.ConvertedPage.all)
    func topicHeadings(page: SeedCheck.ConvertedPage) throws {
        let markdown = SeedCheck.MarkdownPage(try SeedCheck.Locations.readPage(page.pagePath))
        let seed = try SeedCheck.Locations.readSeed(page.seedFile)
        let pageHeadings = markdown.headings
        let dimensionNames = Set(page.dimensions.map(\.name))

        // Levels: ## for dimensions, #### for certification names, ### otherwise.
        for heading in pageHeadings {
            let expectedLevel =
                dimensionNames.contains(heading.text)
                ? 2
                : heading.text.hasPrefix("Certified ") ? 4 : 3
            #expect(
                heading.level == expectedLevel,
                "“\(heading.text)” is a level-\(heading.level) heading, expected level \(expectedLevel)")
        }

        // Restored headings must be in the page, as ###, and only for plain-text seeds.
        if page.kind == .markdown {
            #expect(page.restoredHeadings.isEmpty, "Markdown seeds keep their headings; nothing to restore")
        }
        for restored in page.restoredHeadings {
            #expect(
                pageHeadings.contains { $0.level == 3 && $0.text == restored },
                "Restored heading “\(restored)” is not a ### heading in the page")
        }

        let expected: [String]
        switch page.kind {
        case .markdown:
            expected = SeedCheck.MarkdownPage(seed).headings.map(\.text)
        case .plainText:
            expected = SeedCheck.SeedText(seed, droppedLines: page.droppedSeedLines).headingLines
        }
        let restored = Set(page.restoredHeadings)
        let actual = pageHeadings.filter { !($0.level == 3 && restored.contains($0.text)) }.map(\.text)
        #expect(!expected.isEmpty, "No headings found in seed \(page.seedFile)")
        #expect(actual == expected, "Headings differ between page and seed \(page.seedFile)")
    }

    @Test("Each page's front matter has the title, description and weight", arguments: SeedCheck.ConvertedPage.all)
    func frontMatter(page: SeedCheck.ConvertedPage) throws {
        let markdown = SeedCheck.MarkdownPage(try SeedCheck.Locations.readPage(page.pagePath))
        #expect(markdown.frontMatter.filter { $0.key == "weight" }.map(\.value) == ["\(page.weight)"])

        let seed = try SeedCheck.Locations.readSeed(page.seedFile)
        switch page.kind {
        case .markdown:
            let seedPage = SeedCheck.MarkdownPage(seed)
            #expect(markdown.value("title") == seedPage.value("title"))
            #expect(markdown.value("description") == seedPage.value("description"))
        case .plainText:
            let seedText = SeedCheck.SeedText(seed)
            #expect(markdown.frontMatter.map(\.key) == ["title", "weight", "description"])
            #expect(markdown.value("title") == seedText.title)
            #expect(markdown.value("description") == seedText.description)
        }
    }

    @Test(
        "Markdown seed pages equal the seed except for the added weight line",
        arguments: SeedCheck.ConvertedPage.all.filter { $0.kind == .markdown })
    func markdownPagesMatchSeed(page: SeedCheck.ConvertedPage) throws {
        let pageText = try SeedCheck.Locations.readPage(page.pagePath)
        let seed = try SeedCheck.Locations.readSeed(page.seedFile)
        var lines = SeedCheck.textLines(pageText)
        let frontMatterEnd = try #require(
            lines.dropFirst().firstIndex(of: "---"),
            "Page \(page.pagePath) has no front matter")
        let weightLines = (1..<frontMatterEnd).filter { lines[$0] == "weight: \(page.weight)" }
        try #require(
            weightLines.count == 1,
            "Expected exactly one “weight: \(page.weight)” line in the front matter")
        lines.remove(at: weightLines[0])
        let seedLines = SeedCheck.textLines(seed)
        if let index = zip(lines, seedLines).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record(
                "Line \(index + 1) differs from the seed:\n  page: \(lines[index])\n  seed: \(seedLines[index])")
        }
        #expect(
            lines.count == seedLines.count,
            "Page has \(lines.count) lines without the weight line, seed has \(seedLines.count)")
        let identical = lines.joined(separator: "\n") == seed
        #expect(identical, "Page \(page.pagePath) without its weight line is not identical to seed \(page.seedFile)")
    }

    @Test("Plain-text seed pages match the seed word for word", arguments: SeedCheck.ConvertedPage.plainText)
    func plainTextPagesMatchSeedWords(page: SeedCheck.ConvertedPage) throws {
        let markdown = SeedCheck.MarkdownPage(try SeedCheck.Locations.readPage(page.pagePath))
        let seed = SeedCheck.SeedText(
            try SeedCheck.Locations.readSeed(page.seedFile), droppedLines: page.droppedSeedLines)
        #expect(
            seed.missingDroppedLines.isEmpty,
            "Listed rendering leftovers not found in the seed: \(seed.missingDroppedLines)")

        let pageWords = markdown.plainWords(skippingHeadings: Set(page.restoredHeadings))
        let seedWords = seed.plainWords
        #expect(seedWords.count > 100, "Seed \(page.seedFile) looks too short to be a level page")
        let difference = SeedCheck.firstDifference(page: pageWords, seed: seedWords)
        #expect(difference == nil, "Page text differs from seed \(page.seedFile): \(difference ?? "")")
    }

    @Test("Plain-text bullet items are Markdown list items in the page", arguments: SeedCheck.ConvertedPage.plainText)
    func bulletLists(page: SeedCheck.ConvertedPage) throws {
        let markdown = SeedCheck.MarkdownPage(try SeedCheck.Locations.readPage(page.pagePath))
        let seed = SeedCheck.SeedText(
            try SeedCheck.Locations.readSeed(page.seedFile), droppedLines: page.droppedSeedLines)
        let seedItems = seed.bodyLines
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.first == SeedCheck.SeedText.bullet }
            .map { $0.dropFirst().trimmingCharacters(in: .whitespaces) }
        let pageItems = markdown.bodyLines.filter { $0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
        #expect(pageItems == seedItems)
    }

    @Test("The heading heuristic agrees with the Markdown Level 3 seed on its older plain-text rendering")
    func headingHeuristicCalibration() throws {
        // 001 is an older plain-text rendering of the English Level 3 page. It
        // is used here only to check the heuristic: every line of it that also
        // occurs in the Markdown seed 000 as a heading must be classified as a
        // heading, and every line that occurs there as a paragraph must not.
        let markdown = SeedCheck.MarkdownPage(try SeedCheck.Locations.readSeed("000_acd8af7c62516b85.txt"))
        let rendering = SeedCheck.SeedText(try SeedCheck.Locations.readSeed("001_450fe7b0a652aea1.txt"))
        let headings = Set(markdown.headings.map(\.text))
        let paragraphs = Set(
            markdown.bodyLines.filter {
                !$0.isEmpty && SeedCheck.MarkdownPage.heading($0) == nil
            })
        var checkedHeadings = 0
        var checkedParagraphs = 0
        for index in rendering.bodyLines.indices {
            let line = rendering.bodyLines[index].trimmingCharacters(in: .whitespaces)
            let classified = SeedCheck.SeedText.isHeading(rendering.bodyLines, at: index)
            if headings.contains(line) {
                checkedHeadings += 1
                #expect(classified, "“\(line)” is a heading in the Markdown seed but not detected as one")
            } else if paragraphs.contains(line) {
                checkedParagraphs += 1
                #expect(
                    !classified, "“\(line.prefix(60))…” is a paragraph in the Markdown seed but looks like a heading")
            }
        }
        #expect(checkedHeadings >= 20)
        #expect(checkedParagraphs >= 20)
    }
}

// MARK: - Site-wide content checks

@Suite("Site content around the level pages")
struct SeedSiteContentTests {
    static let levelsWithoutSeed = ["level-1", "level-5"]

    func markdownFiles() throws -> [URL] {
        let content = SeedCheck.Locations.packageRoot().appendingPathComponent("content", isDirectory: true)
        try #require(FileManager.default.fileExists(atPath: content.path), "No content directory at \(content.path)")
        let enumerator = try #require(FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil))
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "md" }
    }

    @Test("Levels 1 and 5 have no pages and no links, since they have no seed")
    func noPagesForLevelsWithoutSeed() throws {
        let files = try markdownFiles()
        #expect(!files.isEmpty)
        for file in files {
            for level in Self.levelsWithoutSeed {
                #expect(!file.pathComponents.contains(level), "Unexpected page \(file.path)")
                let text = try String(contentsOf: file, encoding: .utf8)
                let linksToLevel = text.contains("/\(level)/")
                #expect(
                    !linksToLevel,
                    "\(file.lastPathComponent) in \(file.deletingLastPathComponent().path) links to /\(level)/")
            }
        }
    }

    @Test("Images referenced by pages exist under static/ as SVG documents with a title")
    func referencedImagesExist() throws {
        let root = SeedCheck.Locations.packageRoot()
        var references: [String] = []
        for file in try markdownFiles() {
            let text = try String(contentsOf: file, encoding: .utf8)
            var rest = Substring(text)
            while let start = rest.range(of: "](/images/") {
                let afterParen = rest.index(start.lowerBound, offsetBy: 2)
                guard let end = rest[afterParen...].firstIndex(of: ")") else { break }
                references.append(String(rest[afterParen..<end]))
                rest = rest[end...]
            }
        }
        #expect(references.contains("/images/cloud-native-vs-legacy-cost.svg"))
        for reference in references {
            let url = root.appendingPathComponent("static").appendingPathComponent(String(reference.dropFirst()))
            try #require(FileManager.default.fileExists(atPath: url.path), "Missing image static\(reference)")
            if url.pathExtension == "svg" {
                let svg = try String(contentsOf: url, encoding: .utf8)
                let hasNamespace = svg.contains("xmlns=\"http://www.w3.org/2000/svg\"")
                let hasViewBox = svg.contains("viewBox=\"")
                let hasTitle = svg.contains("<title")
                #expect(hasNamespace, "\(reference) lacks the SVG namespace")
                #expect(hasViewBox, "\(reference) lacks a viewBox")
                #expect(hasTitle, "\(reference) lacks a <title>")
            }
        }
    }
}
