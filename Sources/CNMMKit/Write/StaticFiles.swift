import Foundation

/// The files copied as they are: the theme's `static/`, the site's `static/` (which wins over the
/// theme's), and the non-Markdown files under `content/` (bundle resources, placed beside their page).
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
        for resource in resources where published.contains(resource.language) {
            let prefix = site.config.languagePrefix(resource.language)
            files.append(
                OutputFile(
                    path: prefix + resource.relativePath,
                    content: .copy(sourceRoot.appendingPathComponent(resource.sourcePath))))
        }
        return files
    }
}
