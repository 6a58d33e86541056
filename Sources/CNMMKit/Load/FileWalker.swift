import Foundation

/// Lists the files below a folder without ever leaving the site.
///
/// Hidden files and editor litter (`a.md~`, `.swp`, `4913`, `.#a.md`) are skipped. A symbolic link is
/// followed only when its target lies inside `within` (the site root); one that points outside, dangles,
/// or loops is skipped and reported, never read.
struct FileWalker {
    var root: URL
    var within: URL?

    struct Skipped: Sendable {
        /// Relative to `root`.
        var path: String
        var reason: String
    }

    func walk() -> (files: [String], skipped: [Skipped]) {
        var files: [String] = []
        var skipped: [Skipped] = []
        let boundary = (within ?? root).resolvingSymlinksInPath().standardizedFileURL.path
        let rootReal = root.resolvingSymlinksInPath().standardizedFileURL.path
        var visited: Set<String> = [rootReal]
        visit(
            root.path, real: rootReal, relative: "", boundary: boundary, visited: &visited, files: &files,
            skipped: &skipped)
        return (files.sorted(), skipped)
    }

    /// Reads one folder. `real` is the folder's path with every symbolic link resolved: an entry that is no
    /// link lies at `real/name`, so only links cost a resolution (a `stat` of each part of the path).
    private func visit(
        _ folder: String, real: String, relative: String, boundary: String, visited: inout Set<String>,
        files: inout [String], skipped: inout [Skipped]
    ) {
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() where !Self.isIgnored(name) {
            let path = folder + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            var targetReal = real + "/" + name
            var isDirectory = status.st_mode & S_IFMT == S_IFDIR
            if status.st_mode & S_IFMT == S_IFLNK {
                targetReal = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
                guard targetReal == boundary || targetReal.hasPrefix(boundary + "/") else {
                    skipped.append(
                        Skipped(path: relativePath, reason: "symbolic link leads outside the site; not read"))
                    continue
                }
                guard stat(targetReal, &status) == 0 else {
                    skipped.append(
                        Skipped(path: relativePath, reason: "symbolic link leads nowhere (or loops); not read"))
                    continue
                }
                isDirectory = status.st_mode & S_IFMT == S_IFDIR
            }
            if isDirectory {
                guard visited.insert(targetReal).inserted else {
                    skipped.append(
                        Skipped(path: relativePath, reason: "symbolic link loops back into a folder already read"))
                    continue
                }
                visit(
                    path, real: targetReal, relative: relativePath, boundary: boundary, visited: &visited,
                    files: &files, skipped: &skipped)
            } else {
                files.append(relativePath)
            }
        }
    }

    /// Hidden files and what editors leave beside the files they edit.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name == "4913" || name.hasPrefix("#") && name.hasSuffix("#")
    }
}
