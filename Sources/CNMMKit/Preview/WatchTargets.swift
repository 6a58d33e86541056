import Foundation

/// What the preview watches: the folders a build reads and its config file.
///
/// Folders are watched with everything below them: `content/`, `static/`, the site's `i18n/` and the
/// theme. A change matters when it is the config file, or a file inside a folder that the loader
/// would read: hidden files and editor litter (`.swp`, `~`, vim's `4913`, Emacs' `#a.md#`) do not count, in
/// the file's name or in a folder's on its way (the rule is the loader's own, `FileWalker.isIgnored`).
struct WatchTargets: Sendable {
    /// Absolute, standardised folder paths.
    var folders: [String]
    /// Absolute, standardised file paths.
    var files: [String]

    init(folders: [String], files: [String]) {
        self.folders = folders
        self.files = files
    }

    init(options: BuildOptions) {
        let root = options.sourceRoot
        folders = [
            root.appendingPathComponent("content"), root.appendingPathComponent("static"),
            root.appendingPathComponent("i18n"), options.themeFolder,
        ].map { $0.standardizedFileURL.path }
        files = [options.configFile.path]
    }

    /// The folders to watch without their contents, to see targets appear, vanish or be replaced.
    var parents: [String] {
        var seen = Set<String>()
        return (folders + files).map { ($0 as NSString).deletingLastPathComponent }.filter { seen.insert($0).inserted }
    }

    /// Whether a change of this absolute path matters for the build.
    func isRelevant(_ path: String) -> Bool {
        if files.contains(path) { return true }
        for folder in folders {
            if path == folder { return true }
            guard path.hasPrefix(folder + "/") else { continue }
            let names = path.dropFirst(folder.count + 1).split(separator: "/")
            return !names.isEmpty && !names.contains { FileWalker.isIgnored(String($0)) }
        }
        return false
    }

    /// The folder target a path lies in (or is), if any.
    func folder(containing path: String) -> String? {
        folders.first { path == $0 || path.hasPrefix($0 + "/") }
    }
}
