import Foundation

/// The preview's listings of the content folders, kept while the changes the file watcher reports cannot have
/// added, removed or replaced anything in them.
///
/// A rebuild after a page was saved finds the same files again: walking a tree of thousands of files (a
/// `readdir` per folder, an `lstat` per entry) was a quarter of the load stage of such a rebuild. A listing is
/// kept when every changed path below its folder is one of its files and still a regular file, or a path that
/// neither exists nor was listed (an editor's temporary file, come and gone), or one the walker never looks at
/// (hidden files, editor litter). Anything else (a file or folder added, removed or replaced, a folder named
/// for lost events) makes the next build walk again, and so does every build after a walk that met a symbolic
/// link. The loader still checks each file's contents; this only spares finding the files.
final class WalkMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    private struct Entry {
        var listing: FileWalker.Listing
        var files: Set<String>
        var folders: Set<String>
    }

    /// The walker's listing as kept, or a new walk (kept when it met no symbolic link).
    func listing(of walker: FileWalker) -> FileWalker.Listing {
        let key = walker.root.standardizedFileURL.path
        if let known = locked({ entries[key] }) { return known.listing }
        let listing = walker.listing()
        guard !listing.hasLinks else { return listing }
        var folders = Set<String>()
        for file in listing.files {
            var folder = OutputWriter.parent(of: file)
            while !folder.isEmpty, folders.insert(folder).inserted { folder = OutputWriter.parent(of: folder) }
        }
        locked { entries[key] = Entry(listing: listing, files: Set(listing.files), folders: folders) }
        return listing
    }

    /// Drops the listings a batch of changes (absolute, standardised paths) may have made wrong.
    func forget(changed paths: Set<String>) {
        locked {
            entries = entries.filter { root, entry in paths.allSatisfy { Self.keeps(entry, root: root, after: $0) } }
        }
    }

    func clear() {
        locked { entries = [:] }
    }

    private static func keeps(_ entry: Entry, root: String, after path: String) -> Bool {
        guard path.hasPrefix(root + "/") else {
            // Elsewhere, unless it is the folder itself or one it lies in.
            return path != root && !root.hasPrefix(path + "/")
        }
        let relative = String(path.dropFirst(root.count + 1))
        if relative.split(separator: "/").contains(where: { FileWalker.isIgnored(String($0)) }) { return true }
        var status = stat()
        let exists = lstat(path, &status) == 0
        if entry.files.contains(relative) { return exists && status.st_mode & S_IFMT == S_IFREG }
        return !exists && !entry.folders.contains(relative)
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
