import Foundation
import Mustache

/// A theme folder, loaded: Mustache layouts and partials, SVG icons, UI strings, static files.
///
/// Layout: `layouts/*.mustache` (partials under `layouts/partials/`), `icons/<name>.svg` (Font Awesome
/// names without `fa-`), `i18n/<lang>.yml` (flat key: text), `static/` (copied to the output root).
/// Templates are parsed once; a parse error names the template file and line.
public struct Theme: Sendable {
    public var root: URL
    public var library: MustacheLibrary
    public var templateNames: Set<String>
    /// Icon name → its `<symbol>` in the site's icon sprite (`IconSprite`).
    public var iconSymbols: [String: String]
    /// Language code → key → text, from the theme and the site's own `i18n/` (the site wins).
    public var strings: [String: [String: String]]
    /// Whether a template reads `page.toc`, the entries of the table of contents (`toc` named in a tag, or a
    /// template that changes its delimiters, which the check cannot read): pages get them only then.
    public var usesTOCEntries = true

    /// Loads the theme at `root`; `siteRoot` adds the site's `i18n/` overrides. `displayRoot` shortens paths in messages.
    public static func load(root: URL, siteRoot: URL) throws(BuildFailure) -> Theme {
        var diagnostics: [Diagnostic] = []
        let show: @Sendable (URL) -> String = { url in PathDisplay.relative(url, to: siteRoot) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildFailure([.error(show(root), "theme folder not found")])
        }
        // The UI strings are read while the templates are parsed, and the templates on all cores: a small site's
        // build waited on loading the theme.
        let stringsLoad = Background { Self.loadStrings(root: root, siteRoot: siteRoot, show: show) }
        let layouts = root.appendingPathComponent("layouts")
        let names = ContentLoader.files(under: layouts).filter { $0.hasSuffix(".mustache") }
        let parsed = names.parallelMap {
            relative -> (name: String, result: Result<(MustacheTemplate, String), BuildFailure>) in
            let url = layouts.appendingPathComponent(relative)
            return (
                String(relative.dropLast(".mustache".count)),
                Result { () throws(BuildFailure) in
                    try Self.parseTemplate(url, shown: show(url))
                }
            )
        }
        var templates: [String: MustacheTemplate] = [:]
        var sources: [String: String] = [:]
        for (name, result) in parsed {
            switch result {
            case .success(let (template, text)):
                templates[name] = template
                sources[name] = text
            case .failure(let failure):
                diagnostics += failure.diagnostics
            }
        }
        for cycle in PartialCycles.find(in: sources) {
            diagnostics.append(
                .error(
                    "layouts/\(cycle[0]).mustache",
                    "template includes itself with no section to stop it: \(cycle.joined(separator: " → "))"))
        }
        var symbols: [String: String] = [:]
        let iconFolder = root.appendingPathComponent("icons")
        for relative in ContentLoader.files(under: iconFolder) where relative.hasSuffix(".svg") {
            guard let data = FileManager.default.contents(atPath: iconFolder.appendingPathComponent(relative).path)
            else { continue }
            let name = String(relative.dropLast(4))
            symbols[name] = IconSprite.symbol(String(decoding: data, as: UTF8.self), name: name)
        }
        let (strings, stringProblems) = stringsLoad.value
        diagnostics += stringProblems
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics) }
        var theme = Theme(
            root: root, library: MustacheLibrary(templates: templates), templateNames: Set(templates.keys),
            iconSymbols: symbols, strings: strings)
        theme.usesTOCEntries =
            templates[PageContext.tocListTemplate] != nil
            || sources.values.contains { TemplateTags.mayName("toc", in: $0) }
        return theme
    }

    /// The theme's static folder.
    public var staticFolder: URL { root.appendingPathComponent("static") }

    /// A template and its text; a syntax error names the file and line.
    private static func parseTemplate(_ url: URL, shown: String) throws(BuildFailure) -> (MustacheTemplate, String) {
        do {
            let text = try SourceText.decode(try Data(contentsOf: url), path: shown)
            return (try MustacheTemplate(string: HTMLEscaping.pragma + text), text)
        } catch let error as MustacheTemplate.ParserError {
            // The pragma's line comes before the file's first line.
            throw BuildFailure([
                .error(
                    shown, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber,
                    "template syntax: \(error.error)")
            ])
        } catch {
            throw BuildFailure(error.diagnostics.map { $0.path.isEmpty ? .error(shown, $0.message) : $0 })
        }
    }

    /// The theme's UI strings, then the site's (which win), by language code.
    private static func loadStrings(
        root: URL, siteRoot: URL, show: @Sendable (URL) -> String
    ) -> (strings: [String: [String: String]], problems: [Diagnostic]) {
        var strings: [String: [String: String]] = [:]
        var problems: [Diagnostic] = []
        for folder in [root.appendingPathComponent("i18n"), siteRoot.appendingPathComponent("i18n")] {
            for relative in ContentLoader.files(under: folder)
            where relative.hasSuffix(".yml") || relative.hasSuffix(".yaml") {
                let url = folder.appendingPathComponent(relative)
                let code = Language.normalise(String(relative.split(separator: ".").first ?? ""))
                do {
                    let loaded = try Self.loadStrings(url, shown: show(url))
                    strings[code, default: [:]].merge(loaded) { _, new in new }
                } catch {
                    problems += error.diagnostics
                }
            }
        }
        return (strings, problems)
    }

    private static func loadStrings(_ url: URL, shown: String) throws -> [String: String] {
        let text = try SourceText.decode(try Data(contentsOf: url), path: shown)
        guard let node = try FrontMatterParser(path: shown).compose(text, lineOffset: 0) else { return [:] }
        guard let mapping = node.mapping else {
            throw Diagnostic.error(shown, line: 1, "UI strings must be a mapping of keys to text")
        }
        var result: [String: String] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            guard let text = value.scalar?.string else {
                throw Diagnostic.error(shown, line: keyNode.mark?.line ?? 0, "UI string '\(key)' must be text")
            }
            result[key] = text
        }
        return result
    }

    /// Icon name → what a page holds for it: a reference into the sprite at the site's `basePath`.
    public func icons(basePath: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: iconSymbols.keys.map { ($0, IconSprite.reference($0, basePath: basePath)) })
    }
}
