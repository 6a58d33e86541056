import Foundation

/// Refuses an output folder that would overwrite sources: the source root itself or a folder
/// containing it, or a folder inside `content/`, `static/` or the theme.
struct OutputLocation {
    var options: BuildOptions

    func check() throws {
        let output = Self.real(options.outputFolder)
        let root = Self.real(options.sourceRoot)
        var problems: [String] = []
        if output == root || root.hasPrefix(output + "/") || output == "/" {
            problems.append("it is the source folder or contains it")
        }
        let protected = [
            ("content/", options.sourceRoot.appendingPathComponent("content")),
            ("static/", options.sourceRoot.appendingPathComponent("static")),
            ("the theme", options.themeFolder),
        ]
        for (name, folder) in protected {
            let folder = Self.real(folder)
            if output == folder || output.hasPrefix(folder + "/") || folder.hasPrefix(output + "/") {
                problems.append("it overlaps \(name)")
            }
        }
        if !problems.isEmpty {
            throw BuildFailure([
                .error(options.outputPath, "refusing to write the site here: \(problems.joined(separator: "; "))")
            ])
        }
    }

    /// The path with symlinks resolved, so a link cannot hide an overlap.
    private static func real(_ url: URL) -> String {
        url.standardizedFileURL.resolvingSymlinksInPath().path
    }
}
