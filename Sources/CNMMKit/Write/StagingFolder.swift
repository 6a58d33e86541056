import Foundation

/// The folder beside the output where a build writes its files before any of them is moved into place.
///
/// `cnmm build` writes each page here as soon as it is rendered (`SiteRenderer.spill`), so a site's pages
/// are never all in memory at once; `OutputWriter` writes the rest, then moves everything into the output.
/// Whoever makes one removes it (`remove()`), whether the build succeeded or not: the output folder is
/// touched only by the writer's final moves. Called from several threads at once.
///
/// A build stopped by a signal removes its folder on the way out (`removeActive()`, from `cnmm build`); one
/// killed outright leaves it, and the next build beside the same output removes it: each staging folder holds a
/// marker (`.cnmm-staging`) with the process id of its build, and only marked folders of builds no longer
/// running are removed.
///
/// The spare (`.public.cnmm-spare`): a successful `cnmm build` keeps its staging folder, which then holds the
/// files the output had before (the writer exchanged them for the new ones), and the next build beside the same
/// output writes into it: a page written over a file that is already there keeps its inode, where a new file
/// costs the file system an inode made and one deleted (on ext4, several times the cost of the write itself).
/// Before anything is moved, the files of the spare this build did not write are removed (`removeStale`).
final class StagingFolder: @unchecked Sendable {
    static let markerName = ".cnmm-staging"
    /// In a spare: the files it holds, relative to it, one per line.
    static let spareListName = ".cnmm-spare-files"

    let url: URL
    private let output: URL
    private let lock = NSLock()
    private var folders: Set<String> = [""]
    /// The files the folder held when it was taken over as a spare; empty for a new folder.
    private(set) var spareFiles: [String] = []
    /// Set once the folder became the spare: then `remove()` leaves it.
    private var isSpare = false

    /// A staging folder beside `output` (`.public.staging-1a2b3c4d`): the spare when there is one, else a new,
    /// empty folder; after removing the staging folders of builds that were killed.
    init(beside output: URL, useSpare: Bool = false) throws {
        Self.removeAbandoned(beside: output)
        self.output = output
        url = output.deletingLastPathComponent()
            .appendingPathComponent(Self.prefix(output) + UUID().uuidString.prefix(8))
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        // Taking the spare is one rename: of two builds at once, one gets it.
        if useSpare, rename(Self.spare(beside: output).path, url.path) == 0 {
            let list = url.appendingPathComponent(Self.spareListName)
            let text = (try? String(contentsOf: list, encoding: .utf8)) ?? ""
            spareFiles = text.split(separator: "\n").map(String.init).filter(OutputWriter.isSafeRelative)
            unlink(list.path)
        } else {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        try Data("\(getpid())\n".utf8).write(to: url.appendingPathComponent(Self.markerName))
        Self.register(url)
    }

    private static func prefix(_ output: URL) -> String {
        ".\(output.lastPathComponent).staging-"
    }

    /// Where the spare of an output folder is kept.
    static func spare(beside output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).cnmm-spare")
    }

    /// Removes the spare's files that are not among `current` (the files this build wrote), and the folders
    /// that leaves empty: nothing of an earlier build may be moved into the output with a folder of this one.
    func removeStale(keeping current: Set<String>) {
        for file in spareFiles where !current.contains(file) {
            unlink(url.appendingPathComponent(file).path)
            var folder = OutputWriter.parent(of: file)
            while !folder.isEmpty, rmdir(url.appendingPathComponent(folder).path) == 0 {
                folder = OutputWriter.parent(of: folder)
            }
        }
        spareFiles = []
    }

    /// Keeps the folder as the spare for the next build; `files` are the files it holds now (those the writer
    /// exchanged out of the output). A spare left from elsewhere is replaced.
    func keepAsSpare(files: [String]) {
        isSpare = true
        Self.unregister(url)
        let spare = Self.spare(beside: output)
        let list = Data((files.joined(separator: "\n") + "\n").utf8)
        // The `.gitignore` keeps the spare out of `git status` in a site's repository.
        guard (try? list.write(to: url.appendingPathComponent(Self.spareListName))) != nil,
            (try? Data("*\n".utf8).write(to: url.appendingPathComponent(".gitignore"))) != nil
        else {
            try? FileManager.default.removeItem(at: url)
            return
        }
        if FileManager.default.fileExists(atPath: spare.path) { try? FileManager.default.removeItem(at: spare) }
        if rename(url.path, spare.path) != 0 { try? FileManager.default.removeItem(at: url) }
    }

    /// Removes the staging folders beside `output` whose marker names a process that no longer runs.
    static func removeAbandoned(beside output: URL) {
        let parent = output.deletingLastPathComponent()
        let prefix = prefix(output)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        let removing = ".removing"
        for name in names
        where name.hasPrefix(prefix)
            && (name.count == prefix.count + 8 || name.hasSuffix(removing) && name.count == prefix.count + 8 + 9)
        {
            let folder = parent.appendingPathComponent(name)
            var status = stat()
            guard lstat(folder.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR,
                let marker = FileManager.default.contents(atPath: folder.appendingPathComponent(markerName).path),
                let pid = Int32(String(decoding: marker, as: UTF8.self).trimmingWhitespaceAndNewlines), pid > 0
            else { continue }
            // Signal 0 only asks whether the process exists.
            guard kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: folder)
        }
    }

    // The staging folders of this process's builds under way, for `removeActive()`.
    private nonisolated(unsafe) static var active: Set<URL> = []
    private static let activeLock = NSLock()

    private static func register(_ url: URL) {
        activeLock.lock()
        active.insert(url)
        activeLock.unlock()
    }

    private static func unregister(_ url: URL) {
        activeLock.lock()
        active.remove(url)
        activeLock.unlock()
    }

    /// Removes the staging folders of every build under way in this process (a signal stops the process).
    /// Each is first renamed, so that the build's threads, still writing, cannot add to it while it goes.
    /// `including` picks some of them (tests, which run side by side in one process).
    static func removeActive(including: (URL) -> Bool = { _ in true }) {
        activeLock.lock()
        let folders = active.filter(including)
        active.subtract(folders)
        activeLock.unlock()
        for folder in folders {
            let doomed = folder.path + ".removing"
            let target = rename(folder.path, doomed) == 0 ? URL(fileURLWithPath: doomed) : folder
            try? FileManager.default.removeItem(at: target)
        }
    }

    /// Writes a file at `path` (relative), making its folders.
    func write(_ data: Data, to path: String) throws {
        try makeFolder(OutputWriter.parent(of: path))
        let target = url.appendingPathComponent(path).path
        do {
            try OutputWriter.writeWithoutSync(data, to: target)
        } catch {
            // A spare's folder where this build has a file: it is ours to remove.
            var status = stat()
            guard lstat(target, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { throw error }
            try FileManager.default.removeItem(atPath: target)
            try OutputWriter.writeWithoutSync(data, to: target)
        }
    }

    /// Writes a file made in memory here and returns what stands for it in the build's file list: its size,
    /// and for a page its ids and links (the link check's part). Other files are returned as they are.
    ///
    /// `settled` tells links known to be fine already (`LinkChecker.Settled`); they are not kept, so that a large
    /// site's links are not all in memory until the check.
    func keep(_ file: OutputFile, settled: LinkChecker.Settled? = nil) throws -> OutputFile {
        guard case .data(let data) = file.content else { return file }
        try write(data, to: file.path)
        var anchors =
            file.path.hasSuffix(".html") ? LinkChecker.anchors(in: data) : PageAnchors(ids: [], links: [])
        if let settled { anchors.links.removeAll { settled.isFine($0, ids: anchors.ids) } }
        return OutputFile(path: file.path, content: .staged(bytes: data.count, anchors: anchors))
    }

    /// Makes a folder (relative) and those above it, once each.
    func makeFolder(_ folder: String) throws {
        lock.lock()
        let known = folders.contains(folder)
        lock.unlock()
        guard !known else { return }
        // mkdir by hand, part by part: another thread may be making the same parent at the same moment, and
        // a folder that exists already is no error here.
        var path = url.path
        for part in folder.split(separator: "/") {
            path += "/" + part
            if mkdir(path, 0o777) != 0 && errno != EEXIST {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
            var status = stat()
            if lstat(path, &status) == 0, status.st_mode & S_IFMT != S_IFDIR {
                // A spare's file where this build has a folder: it is ours to replace.
                unlink(path)
                if mkdir(path, 0o777) != 0 && errno != EEXIST {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
                }
            }
        }
        lock.lock()
        var cursor = folder
        while !cursor.isEmpty, folders.insert(cursor).inserted { cursor = OutputWriter.parent(of: cursor) }
        lock.unlock()
    }

    func remove() {
        guard !isSpare else { return }
        Self.unregister(url)
        try? FileManager.default.removeItem(at: url)
    }
}

extension SiteBuilder {
    /// Removes the staging folders of the builds under way in this process: for a signal handler, before the
    /// process exits (the output folder is untouched until a build's last step).
    public static func removeStagingFolders() {
        StagingFolder.removeActive()
    }
}
