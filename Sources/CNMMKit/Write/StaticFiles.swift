import Foundation

/// The files copied as they are: the theme's `static/`, the site's `static/` (which wins over the
/// theme's), and the non-Markdown files under `content/` (bundle resources, placed beside their page). A page shown
/// in another language as a fallback gets its bundle's files beside it there too, so its relative links and images
/// work at that URL (`/de/level-1/chart.svg` for an untranslated `level-1/index.md` with `![](chart.svg)`).
struct StaticFiles {
    var sourceRoot: URL
    var theme: Theme
    var site: Site
    var resources: [ContentLoader.Resource]

    func files() -> [OutputFile] {
        var files: [OutputFile] = []
        for folder in [theme.staticFolder, sourceRoot.appendingPathComponent("static")] {
            for relative in ContentLoader.files(under: folder) {
                files.append(OutputFile(path: relative, content: .copy(folder.appendingPathComponent(relative))))
            }
        }
        let published = Set(site.config.publishedLanguages.map(\.code))
        var placed = Set<String>()
        for resource in resources where published.contains(resource.language) {
            let prefix = site.config.languagePrefix(resource.language)
            placed.insert(prefix + resource.relativePath)
            files.append(
                OutputFile(
                    path: prefix + resource.relativePath,
                    content: .copy(sourceRoot.appendingPathComponent(resource.sourcePath))))
        }
        // Fallback pages: the files of the source page's bundle, under the fallback's language (never over a file
        // the language has of its own).
        var bundles: [String: [ContentLoader.Resource]] = [:]
        for resource in resources {
            let folder = resource.relativePath.lastIndex(of: "/").map { String(resource.relativePath[..<$0]) } ?? ""
            bundles[resource.language + "\u{0}" + folder, default: []].append(resource)
        }
        for page in site.pages where !page.path.isEmpty && published.contains(page.language) {
            guard let source = page.fallbackFrom else { continue }
            let prefix = site.config.languagePrefix(page.language)
            for resource in bundles[source + "\u{0}" + page.path] ?? []
            where placed.insert(prefix + resource.relativePath).inserted {
                files.append(
                    OutputFile(
                        path: prefix + resource.relativePath,
                        content: .copy(sourceRoot.appendingPathComponent(resource.sourcePath))))
            }
        }
        return files
    }
}
