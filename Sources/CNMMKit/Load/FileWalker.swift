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

    /// What a walk found.
    struct Listing: Sendable {
        /// Relative to `root`, sorted.
        var files: [String]
        var skipped: [Skipped]
        /// Whether a symbolic link was met on the way (a link's target can change without a change below `root`).
        var hasLinks = false
    }

    func walk() -> (files: [String], skipped: [Skipped]) {
        let listing = listing()
        return (listing.files, listing.skipped)
    }

    func listing() -> Listing {
        var listing = Listing(files: [], skipped: [])
        let boundary = (within ?? root).resolvingSymlinksInPath().standardizedFileURL.path
        let rootReal = root.resolvingSymlinksInPath().standardizedFileURL.path
        var visited: Set<String> = [rootReal]
        listing.hasLinks = rootReal != root.standardizedFileURL.path
        visit(root.path, real: rootReal, relative: "", boundary: boundary, visited: &visited, listing: &listing)
        listing.files.sort()
        return listing
    }

    /// Reads one folder. `real` is the folder's path with every symbolic link resolved: an entry that is no
    /// link lies at `real/name`, so only links cost a resolution (a `stat` of each part of the path).
    private func visit(
        _ folder: String, real: String, relative: String, boundary: String, visited: inout Set<String>,
        listing: inout Listing
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
                listing.hasLinks = true
                targetReal = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
                guard targetReal == boundary || targetReal.hasPrefix(boundary + "/") else {
                    listing.skipped.append(
                        Skipped(path: relativePath, reason: "symbolic link leads outside the site; not read"))
                    continue
                }
                guard stat(targetReal, &status) == 0 else {
                    listing.skipped.append(
                        Skipped(path: relativePath, reason: "symbolic link leads nowhere (or loops); not read"))
                    continue
                }
                isDirectory = status.st_mode & S_IFMT == S_IFDIR
            }
            if isDirectory {
                guard visited.insert(targetReal).inserted else {
                    listing.skipped.append(
                        Skipped(path: relativePath, reason: "symbolic link loops back into a folder already read"))
                    continue
                }
                visit(
                    path, real: targetReal, relative: relativePath, boundary: boundary, visited: &visited,
                    listing: &listing)
            } else {
                listing.files.append(relativePath)
            }
        }
    }

    /// Hidden files and what editors leave beside the files they edit.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name == "4913" || name.hasPrefix("#") && name.hasSuffix("#")
    }
}
