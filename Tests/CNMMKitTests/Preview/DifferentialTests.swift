import Foundation
import Testing

@testable import CNMMKit

/// The preview's rebuilds against fresh builds: after each of a long, seeded sequence of edits, a rebuild that takes
/// over what it can from the builds before (`BuildReuse`, as `cnmm serve` does) gives exactly the files a build from
/// nothing gives, or exactly its errors. `CNMM_SEED` varies the sequence, `CNMM_EDITS` its length.
@Suite("Rebuilds against fresh builds")
struct DifferentialTests {
    /// One edit: the files it touched (relative to the site), for the rebuild to be told.
    typealias Edit = (name: String, touched: [String])

    @Test("after each of 200 random edits, the preview's rebuild is byte for byte a fresh build")
    func randomEdits() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["CNMM_SEED"] ?? "") ?? 17
        let count = Int(ProcessInfo.processInfo.environment["CNMM_EDITS"] ?? "") ?? 200
        let site = try TestSite.goldenCopy()
        defer { site.remove() }
        var random = SplitMix64(seed: seed)
        let options = site.options()
        let reuse = BuildReuse(options: options)
        _ = try? SiteBuilder(options: options, reuse: reuse).render()
        var editor = SiteEditor(site: site)
        var failures = 0
        for number in 1...count {
            let edit = try editor.edit(&random)
            reuse.forget(changed: Set(edit.touched.map { site.root.appendingPathComponent($0).path }))
            let rebuilt = Result { try SiteBuilder(options: options, reuse: reuse).render() }
            let fresh = Result { try SiteBuilder(options: options).render() }
            switch (rebuilt, fresh) {
            case (.success(let rebuilt), .success(let fresh)):
                let (a, b) = (try Self.files(rebuilt), try Self.files(fresh))
                let differing = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
                #expect(differing.isEmpty, "edit \(number) (\(edit.name), seed \(seed)): \(differing.prefix(5))")
                if !differing.isEmpty { return }
            case (.failure(let rebuilt), .failure(let fresh)):
                failures += 1
                #expect("\(rebuilt)" == "\(fresh)", "edit \(number) (\(edit.name)): the errors differ")
            case (.success, .failure(let error)):
                Issue.record("edit \(number) (\(edit.name)): the rebuild succeeded, a fresh build failed: \(error)")
                return
            case (.failure(let error), .success):
                Issue.record("edit \(number) (\(edit.name)): the rebuild failed, a fresh build succeeded: \(error)")
                return
            }
        }
        #expect(failures < count / 4, "most edits leave a site that builds")
    }

    /// Every file of a rendered site with its bytes.
    static func files(_ rendered: SiteBuilder.Rendered) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for file in rendered.files {
            switch file.content {
            case .data(let data): result[file.path] = data
            case .copy(let url): result[file.path] = try Data(contentsOf: url)
            case .staged: result[file.path] = Data("(staged)".utf8)
            }
        }
        return result
    }
}

/// Makes random edits to a copy of the golden site: text, titles, weights, headings, links, pages and folders
/// added, deleted and renamed, a translation removed and restored, a UI string, a theme template.
struct SiteEditor {
    let site: TestSite
    /// Pages this editor added (relative paths), which it may edit, rename or delete.
    private var added: [String] = []
    /// A translation it removed, with its text, to restore.
    private var removed: (path: String, text: String)?

    init(site: TestSite) { self.site = site }

    private static let pages = [
        "content/en/_index.md", "content/en/guide/_index.md", "content/en/guide/reading.md",
        "content/en/level-1/index.md", "content/en/level-2/index.md", "content/de/level-1/index.md",
    ]
    private static let words = ["security", "teams", "Kultur", "über", "platform", "policy", "cost", "CI/CD"]

    mutating func edit(_ random: inout SplitMix64) throws -> DifferentialTests.Edit {
        let pages = (Self.pages + added).filter { site.exists($0) }
        let page = pages[random.int(0...(pages.count - 1))]
        let word = Self.words[random.int(0...(Self.words.count - 1))]
        switch random.int(0...13) {
        case 0, 1:
            try append(page, "\nA paragraph about \(word) \(random.int(0...999)).\n")
            return ("text of \(page)", [page])
        case 2:
            try replaceFrontMatter(page, key: "title", value: "\(word.capitalized) \(random.int(1...9))")
            return ("title of \(page)", [page])
        case 3:
            try replaceFrontMatter(page, key: "weight", value: "\(random.int(1...9))")
            return ("weight of \(page)", [page])
        case 4:
            let icon = ["users", "server", "cogs"][random.int(0...2)]
            try append(
                page, "\n## <i class=\"fas fa-\(icon)\"></i> \(word.capitalized)\n\n### \(word) topic\n\nText.\n")
            return ("a section in \(page)", [page])
        case 5:
            // Links that lead somewhere from any page; relative ones from the level pages, whose depth is known.
            var targets = [
                "/golden/level-2/", "/golden/level-1/#people", "/golden/guide/reading/", "/golden/",
                "{{< ref \"/level-2\" >}}", "{{< relref \"/level-1/index.md#technology\" >}}",
            ]
            if page.contains("/level-") { targets += ["../level-2/#technology", "../level-1/", "#people"] }
            let target = targets[random.int(0...(targets.count - 1))]
            try append(page, "\nSee [\(word)](\(target)).\n")
            return ("a link in \(page)", [page])
        case 6:
            let folder = random.chance(0.5) ? "content/en/guide" : "content/en/new-\(random.int(1...3))"
            let path = "\(folder)/page-\(random.int(1...99)).md"
            try site.write(path, "---\ntitle: \(word.capitalized) page\nweight: \(random.int(1...9))\n---\n# \(word)\n")
            added.append(path)
            return ("new page \(path)", [path, folder])
        case 7:
            guard let path = added.randomElement(using: &random) else { return try edit(&random) }
            try FileManager.default.removeItem(at: site.root.appendingPathComponent(path))
            added.removeAll { $0 == path }
            return ("deleted \(path)", [path])
        case 8:
            guard let path = added.randomElement(using: &random) else { return try edit(&random) }
            let renamed = path.replacingOccurrences(of: ".md", with: "-r.md")
            try FileManager.default.moveItem(
                at: site.root.appendingPathComponent(path), to: site.root.appendingPathComponent(renamed))
            added.removeAll { $0 == path }
            added.append(renamed)
            return ("renamed \(path)", [path, renamed])
        case 9:
            if let removed {
                try site.write(removed.path, removed.text)
                self.removed = nil
                return ("restored \(removed.path)", [removed.path])
            }
            let path = "content/de/level-1/index.md"
            guard site.exists(path) else { return try edit(&random) }
            removed = (path, try site.read(path))
            try FileManager.default.removeItem(at: site.root.appendingPathComponent(path))
            return ("removed the translation \(path)", [path])
        case 10:
            let path = "themes/default/i18n/en.yml"
            let lines = try site.read(path).components(separatedBy: "\n").map { line in
                line.hasPrefix("edit_page:") ? "edit_page: \(word.capitalized) \(random.int(1...9))" : line
            }
            try site.write(path, lines.joined(separator: "\n"))
            return ("a UI string", [path])
        case 11:
            let path = "themes/default/layouts/page.mustache"
            try append(path, "{{! \(word) }}")
            return ("a template", [path])
        case 12:
            // A folder of added pages removed whole.
            guard let path = added.first(where: { $0.contains("/new-") }) else { return try edit(&random) }
            let folder = String(path[..<path.lastIndex(of: "/")!])
            try FileManager.default.removeItem(at: site.root.appendingPathComponent(folder))
            let gone = added.filter { $0.hasPrefix(folder + "/") }
            added.removeAll { $0.hasPrefix(folder + "/") }
            return ("removed the folder \(folder)", gone + [folder])
        default:
            try append(page, "\n### \(word.capitalized)\n\nMore on \(word).\n")
            return ("a heading in \(page)", [page])
        }
    }

    private func append(_ path: String, _ text: String) throws {
        try site.write(path, try site.read(path) + text)
    }

    /// Sets a front matter key (adds it when missing).
    private func replaceFrontMatter(_ path: String, key: String, value: String) throws {
        var lines = try site.read(path).components(separatedBy: "\n")
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return }
        if let line = lines[1..<end].firstIndex(where: { $0.hasPrefix("\(key):") }) {
            lines[line] = "\(key): \(value)"
        } else {
            lines.insert("\(key): \(value)", at: end)
        }
        try site.write(path, lines.joined(separator: "\n"))
    }
}
