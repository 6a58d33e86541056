import Foundation
import Logging

/// The one orchestrator: load → assemble → Markdown → render → write.
///
/// Each stage takes values and returns values; problems are collected across the whole run and
/// reported together, each naming its file and line. Nothing in the output folder changes unless
/// every stage succeeded.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions
    public var logger: Logger
    /// What the preview server's rebuilds take over from the build before; nil builds everything.
    public var reuse: BuildReuse?
    /// Updated as the build goes, for a progress display; nil when nobody watches.
    public var progress: BuildProgress?

    public init(options: BuildOptions, logger: Logger = Logger(label: "cnmm"), reuse: BuildReuse? = nil) {
        self.options = options
        self.logger = logger
        self.reuse = reuse
    }

    /// Builds the site and writes it into the output folder.
    @discardableResult
    public func build() throws -> BuildSummary {
        let start = DispatchTime.now()
        try options.requireSite()
        try OutputLocation(options: options).check()
        // Pages go into the staging folder as they are rendered; it is removed whatever happens.
        let staging = try StagingFolder(beside: options.outputFolder, useSpare: true)
        defer { staging.remove() }
        let rendered = try render(spill: staging)
        var clock = StageClock()
        progress?.start("write", total: rendered.files.count)
        let written = try OutputWriter(output: options.outputFolder).write(rendered.files, staging: staging)
        // What the output held before is the next build's staging folder (see `StagingFolder`).
        staging.keepAsSpare(files: written.exchanged)
        var summary = rendered.summary
        summary.stages.write = clock.lap()
        summary.filesWritten = written.filesWritten
        summary.bytesWritten = written.bytesWritten
        summary.filesRemoved = written.filesRemoved
        summary.milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
        return summary
    }

    /// A rendered site in memory: its files and what the build found on the way.
    public struct Rendered: Sendable {
        public var site: Site
        public var files: [OutputFile]
        public var summary: BuildSummary
    }

    /// Runs every stage but the write: the files the site consists of.
    public func render() throws -> Rendered {
        try render(spill: nil)
    }

    /// `spill`: where pages are written as they are rendered (`cnmm build`); nil keeps them in memory.
    func render(spill: StagingFolder?) throws -> Rendered {
        try options.requireSite()
        let log = DiagnosticLog()
        var stages = BuildSummary.StageTimes()

        var clock = StageClock()
        // The theme loads (templates parsed, UI strings read) while the configuration and the content do.
        let themeLoad = Background { [options, reuse] () -> Result<Theme, BuildFailure> in
            Result { () throws(BuildFailure) in
                if let reuse { return try reuse.theme() }
                return try Theme.load(root: options.themeFolder, siteRoot: options.sourceRoot)
            }
        }
        let configFile = try SiteConfigLoader(sourceRoot: options.sourceRoot, configPath: options.configPath).load()
        configFile.notes.forEach(log.report)
        let declared = configFile.config
        let config = try declared.applying(edition: options.edition, baseURL: options.baseURL, path: configFile.path)
        // A build for another URL than the one site.yml publishes at (a preview) is kept out of search engines.
        let isPreview = options.baseURL != nil && declared.hasAbsoluteBaseURL && config.baseURL != declared.baseURL
        // git runs while the content loads: its answers are needed only once the pages are assembled.
        let git = GitHistory(sourceRoot: options.sourceRoot, reuse: reuse)
        let history = Background { git.lastCommits(under: "content") }
        let loaded = ContentLoader(
            sourceRoot: options.sourceRoot, languages: config.languages, includeDrafts: options.includeDrafts,
            memo: reuse?.files, stamps: reuse?.fileStamps, walks: reuse?.walks
        ).load()
        loaded.diagnostics.forEach(log.report)
        let theme = try themeLoad.value.get()
        stages.load = clock.lap()
        progress?.start("assemble")

        var (site, assembleProblems) = SiteAssembler(config: config).assemble(loaded.pages)
        assembleProblems.forEach(log.report)
        let commits = history.value
        git.notes.forEach(log.report)
        for index in site.pages.indices { site.pages[index].lastCommit = commits[site.pages[index].sourcePath] }
        stages.assemble = clock.lap()

        progress?.start("markdown")
        let icons = theme.icons(basePath: config.basePath)
        let markdown = MarkdownStage(site: site, icons: icons, dimensions: config.dimensions, memo: reuse?.markdown)
        site = markdown.run(log: log)
        stages.markdown = clock.lap()

        let strings = Dictionary(
            uniqueKeysWithValues: config.languages.map {
                ($0.code, UIStrings(language: $0.code, defaultLanguage: config.defaultLanguage, all: theme.strings))
            })
        let translated = SearchPages.withoutFallbackCopies(
            TranslationStage(site: site, git: commits.isEmpty ? nil : git).run(), templates: theme.templateNames)
        let model = ModelAssembler(config: config, pages: translated, strings: strings).assemble()
        model.diagnostics.forEach(log.report)
        var wanted = model.generated
        if config.languages.count > 1 {
            wanted += config.languages.map { language in
                Page.generated(
                    .translations, path: "translations", title: strings[language.code]?["translations"] ?? "",
                    language: language.code)
            }
        }
        wanted += SearchPages.wanted(languages: config.languages, templates: theme.templateNames, strings: strings)
        let generated = GeneratedPages(config: config).place(wanted, into: translated)
        generated.diagnostics.forEach(log.report)
        let (complete, problems) = SiteAssembler(config: config).assemble(generated.pages)
        problems.forEach(log.report)
        site = complete
        site.models = model.models
        if config.languages.count > 1 {
            site.translationReport = TranslationReport(site: site, wordCounts: reuse?.wordCounts)
        }
        if spill != nil {
            // Nothing reads the Markdown any more (links carry their lines in `Page.content`): a build
            // of 10,000 pages per language lets go of 220 MB here. The preview keeps it, to compare edits with.
            for index in site.pages.indices { site.pages[index].body = "" }
        }
        stages.assemble += clock.lap()
        reportMissingStrings(strings, config: config, log: log)

        // Rendering goes on after content errors, so that broken links are reported in the same run.
        var files: [OutputFile] = []
        do {
            let noindex = options.includeDrafts || options.noindex || isPreview
            progress?.start(
                "render", total: site.config.publishedLanguages.reduce(0) { $0 + (site.ordered[$1.code]?.count ?? 0) })
            let renderer = SiteRenderer(
                site: site, theme: theme, noindex: noindex, memo: reuse?.pages, sidebars: reuse?.sidebars,
                shortcuts: reuse?.shortcuts, progress: progress, spill: spill)
            files = try renderer.render(warnings: log)
        } catch {
            error.diagnostics.forEach(log.report)
            try log.throwIfFailed(strict: options.strict)
        }
        stages.render = clock.lap()
        progress?.start("check")
        let searchIndex = try SearchIndex(
            site: site, strings: strings, searchPages: SearchPages.find(in: site, templates: theme.templateNames),
            memo: reuse?.searchText, encoded: reuse?.searchIndexes
        ).output(rendered: files) { file in
            // The index files are large (a tenth of the pages' bytes): into the staging folder with the pages.
            try spill?.keep(file) ?? file
        }
        files += searchIndex.files
        stages.search = clock.lap()
        files =
            StaticFiles(sourceRoot: options.sourceRoot, theme: theme, site: site, resources: loaded.resources).files()
            + files
        files = Self.lastWins(files)
        LinkChecker(site: site, memo: reuse?.anchors, clean: reuse?.cleanLinks)
            .check(files).forEach(log.report)
        stages.check = clock.lap()
        try log.throwIfFailed(strict: options.strict)

        var summary = BuildSummary()
        summary.stages = stages
        summary.warnings = log.warnings
        summary.notes = log.notes
        summary.searchIndexBytes = searchIndex.bytes
        summary.indexedHTMLBytes = searchIndex.indexedHTMLBytes
        for language in config.publishedLanguages {
            summary.pagesPerLanguage.append((language.code, site.ordered[language.code]?.count ?? 0))
        }
        return Rendered(site: site, files: files, summary: summary)
    }

    private func reportMissingStrings(_ strings: [String: UIStrings], config: SiteConfig, log: DiagnosticLog) {
        for language in config.languages where language.code != config.defaultLanguage {
            for key in strings[language.code]?.missing ?? [] {
                log.report(
                    .warning(
                        "i18n/\(language.code).yml",
                        "UI string '\(key)' is missing; the \(config.defaultLanguage) text is used"))
            }
        }
    }

    /// Keeps one file per output path; later entries (pages over static files) win.
    private static func lastWins(_ files: [OutputFile]) -> [OutputFile] {
        var position: [String: Int] = [:]
        var result: [OutputFile] = []
        for file in files {
            if let existing = position[file.path] {
                result[existing] = file
            } else {
                position[file.path] = result.count
                result.append(file)
            }
        }
        return result
    }
}

/// Measures the time between stage boundaries.
struct StageClock {
    private var last = DispatchTime.now()

    mutating func lap() -> Double {
        let now = DispatchTime.now()
        defer { last = now }
        return Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1_000_000
    }
}

extension SiteConfig {
    /// The config for an edition build and with the base URL given on the command line, when there are.
    /// `path`: the config file, for messages.
    func applying(edition: String?, baseURL: String?, path: String = "site.yml") throws -> SiteConfig {
        var copy = self
        if let edition {
            let code = Language.normalise(edition)
            guard let language = language(code) else {
                let known = languages.map(\.code).joined(separator: ", ")
                throw BuildFailure([.error(path, "--language \(edition): not a language of the site (\(known))")])
            }
            copy.edition = code
            if let url = language.baseURL { copy.baseURL = url.hasSuffix("/") ? url : url + "/" }
            if let title = language.title { copy.title = title }
        }
        if let baseURL { copy.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        return copy
    }
}
