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
        var visited: Set<String> = [root.resolvingSymlinksInPath().standardizedFileURL.path]
        visit(root, relative: "", boundary: boundary, visited: &visited, files: &files, skipped: &skipped)
        return (files.sorted(), skipped)
    }

    private func visit(
        _ folder: URL, relative: String, boundary: String, visited: inout Set<String>, files: inout [String],
        skipped: inout [Skipped]
    ) {
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names.sorted() where !Self.isIgnored(name) {
            let url = folder.appendingPathComponent(name)
            let path = relative.isEmpty ? name : relative + "/" + name
            guard let type = (try? fileManager.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType else {
                continue
            }
            var target = url
            if type == .typeSymbolicLink {
                target = url.resolvingSymlinksInPath().standardizedFileURL
                let real = target.path
                guard real == boundary || real.hasPrefix(boundary + "/") else {
                    skipped.append(Skipped(path: path, reason: "symbolic link leads outside the site; not read"))
                    continue
                }
                guard fileManager.fileExists(atPath: real) else {
                    skipped.append(Skipped(path: path, reason: "symbolic link leads nowhere (or loops); not read"))
                    continue
                }
            }
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: target.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                let real = target.resolvingSymlinksInPath().standardizedFileURL.path
                guard visited.insert(real).inserted else {
                    skipped.append(Skipped(path: path, reason: "symbolic link loops back into a folder already read"))
                    continue
                }
                visit(url, relative: path, boundary: boundary, visited: &visited, files: &files, skipped: &skipped)
            } else {
                files.append(path)
            }
        }
    }

    /// Hidden files and what editors leave beside the files they edit.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name == "4913" || name.hasPrefix("#") && name.hasSuffix("#")
    }
}
