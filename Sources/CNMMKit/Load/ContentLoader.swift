import Foundation

/// The load stage: reads `content/<lang>/…` into pages, by Hugo's conventions.
///
/// `_index.md` at a language's root is its home page, `_index.md` elsewhere a section, `name/index.md`
/// a page bundle (its other files travel with it), `name.md` a page. Other files under `content/` are
/// resources, copied to the same place in the output. Output: pages in path order, resources, and
/// every problem found (a file with errors is left out, the others still load).
struct ContentLoader {
    var sourceRoot: URL
    var languages: [Language]
    var includeDrafts: Bool
    /// Files the preview's earlier builds loaded, by their bytes; nil parses every file.
    var memo: ReuseTable<Data, Result>? = nil
    /// The same, by what `stat` says of the file, for files last changed well before this build (see `FileStamp`).
    var stamps: ReuseTable<FileStamp, Result>? = nil
    /// The preview's listings of the language folders, kept while no file was added or removed; nil walks them.
    var walks: WalkMemo? = nil
    /// Files changed before this moment (nanoseconds since 1970) get a stamp; nil: two seconds before the load.
    var stampedBefore: Int? = nil

    struct Result: Sendable {
        var pages: [Page]
        /// Non-Markdown files: (language, source path relative to the root, path inside the language).
        var resources: [Resource]
        var diagnostics: [Diagnostic]
    }

    struct Resource: Sendable {
        var language: String
        var sourcePath: String
        var relativePath: String
    }

    func load() -> Result {
        var markdown: [(language: String, relative: String)] = []
        var resources: [Resource] = []
        let contentRoot = sourceRoot.appendingPathComponent("content")
        var notes: [Diagnostic] = []
        let folders = Self.languageFolders(in: contentRoot)
        let known = Set(languages.map(\.code))
        let declared = Set(languages.compactMap(\.contentFolder))
        for (code, folder) in folders.sorted(by: { $0.key < $1.key }) where !known.contains(code) {
            guard !declared.contains(folder) else { continue }
            notes.append(
                .warning("content/\(folder)", "'\(code)' is not a language of site.yml; its pages are not built"))
        }
        for language in languages {
            // A contentDir that is not there is a language without pages yet, as a missing folder is.
            guard let folder = language.contentFolder ?? folders[language.code], folders.values.contains(folder)
            else { continue }
            let walker = FileWalker(root: contentRoot.appendingPathComponent(folder), within: sourceRoot)
            let walk = walks?.listing(of: walker) ?? walker.listing()
            notes += walk.skipped.map { .warning("content/\(folder)/\($0.path)", $0.reason) }
            for relative in walk.files {
                if relative.hasSuffix(".md") {
                    markdown.append((language.code, "content/\(folder)/\(relative)"))
                } else {
                    resources.append(
                        Resource(
                            language: language.code, sourcePath: "content/\(folder)/\(relative)", relativePath: relative
                        ))
                }
            }
        }
        let started = stampedBefore ?? FileStamp.now()
        if memo == nil { ReadAhead.start(markdown.map { sourceRoot.path + "/" + $0.relative }) }
        let loaded = markdown.map { SourceRef(language: $0.language, path: $0.relative) }.parallelMap {
            loadPage(language: $0.language, path: $0.path, started: started)
        }
        var result = Result(pages: [], resources: resources, diagnostics: notes)
        for item in loaded {
            result.pages += item.pages
            result.diagnostics += item.diagnostics
        }
        attachBundleFiles(&result)
        return result
    }

    private func loadPage(language: String, path: String, started: Int) -> Result {
        // A path by hand: making a URL for every file was a tenth of loading a site whose files are known.
        let file = sourceRoot.path + "/" + path
        let key = language + "\u{0}" + path + (includeDrafts ? "\u{0}drafts" : "")
        let stamp = stamps == nil ? nil : FileStamp(path: file, trustedBefore: started)
        if let stamps, let stamp, let known = stamps.known(key, input: stamp) { return known }
        guard let data = FileManager.default.contents(atPath: file) else {
            return Result(pages: [], resources: [], diagnostics: [.error(path, "cannot read file")])
        }
        guard let memo else { return parsePage(data, language: language, path: path) }
        let result = memo.value(key, input: data) { parsePage(data, language: language, path: path) }
        if let stamps, let stamp { stamps.keep(key, input: stamp, output: result) }
        return result
    }

    private func parsePage(_ data: Data, language: String, path: String) -> Result {
        do {
            let text: String
            do { text = try SourceText.decode(data, path: path) } catch { throw BuildFailure([error]) }
            try Self.checkConflictMarkers(text, path: path)
            let parsed = try FrontMatterParser(path: path).parse(text)
            if parsed.frontMatter.draft && !includeDrafts {
                return Result(pages: [], resources: [], diagnostics: parsed.warnings)
            }
            let (kind, logicalPath) = Self.classify(path.split(separator: "/").dropFirst(2).joined(separator: "/"))
            let page = Page(
                sourcePath: path, language: language, kind: kind, path: logicalPath,
                frontMatter: parsed.frontMatter, body: parsed.body, bodyLine: parsed.bodyLine)
            return Result(pages: [page], resources: [], diagnostics: parsed.warnings)
        } catch {
            return Result(pages: [], resources: [], diagnostics: error.diagnostics)
        }
    }

    /// Git's merge conflict markers left in a file are an error on each marker's line.
    static func checkConflictMarkers(_ text: String, path: String) throws(BuildFailure) {
        // By UTF-8 bytes: Foundation's `contains` bridged every file to NSString and was half of loading it.
        guard text[...].firstUTF8Range(of: "<<<<<<< ") != nil else { return }
        var problems: [Diagnostic] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("<<<<<<< ") || line == "=======" || line.hasPrefix(">>>>>>> ") {
                problems.append(
                    .error(
                        path, line: index + 1, column: 1, "git conflict marker '\(line.prefix(7))' (resolve the merge)")
                )
            }
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
    }

    /// The kind and logical path of a Markdown file given its path inside the language folder.
    static func classify(_ relative: String) -> (PageKind, String) {
        let withoutExtension = String(relative.dropLast(3))
        if withoutExtension == "_index" { return (.home, "") }
        if withoutExtension.hasSuffix("/_index") { return (.section, String(withoutExtension.dropLast(7))) }
        if withoutExtension == "index" { return (.home, "") }
        if withoutExtension.hasSuffix("/index") { return (.page, String(withoutExtension.dropLast(6))) }
        return (.page, withoutExtension)
    }

    /// Files of a leaf bundle (`x/index.md`) go with the page; they are listed on it for the writer.
    private func attachBundleFiles(_ result: inout Result) {
        var bundles: [String: Int] = [:]
        for (index, page) in result.pages.enumerated() where page.sourcePath.hasSuffix("/index.md") {
            bundles[String(page.sourcePath.dropLast("index.md".count))] = index
        }
        for resource in result.resources {
            var folder = resource.sourcePath
            while let slash = folder.dropLast().lastIndex(of: "/") {
                folder = String(folder[...slash])
                if let index = bundles[folder] {
                    result.pages[index].bundleFiles.append(resource.sourcePath)
                    break
                }
            }
        }
    }

    /// Language code → folder name under content/ (folders may use another case: `pt-br`).
    static func languageFolders(in contentRoot: URL) -> [String: String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: contentRoot.path)) ?? []
        var folders: [String: String] = [:]
        for name in names.sorted() where !name.hasPrefix(".") {
            folders[Language.normalise(name)] = name
        }
        return folders
    }

    /// Every regular file below a folder, relative to it, sorted, skipping hidden files, editor litter, and
    /// symbolic links that lead outside the folder.
    static func files(under folder: URL) -> [String] {
        FileWalker(root: folder).walk().files
    }
}

private struct SourceRef: Sendable {
    var language: String
    var path: String
}

extension Error {
    /// The diagnostics an error carries, or one that describes it.
    var diagnostics: [Diagnostic] {
        if let failure = self as? BuildFailure { return failure.diagnostics }
        if let diagnostic = self as? Diagnostic { return [diagnostic] }
        return [.error("", "\(self)")]
    }
}
