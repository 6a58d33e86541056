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
final class StagingFolder: @unchecked Sendable {
    static let markerName = ".cnmm-staging"

    let url: URL
    private let lock = NSLock()
    private var folders: Set<String> = [""]

    /// Makes a new, empty staging folder beside `output` (`.public.staging-1a2b3c4d`), after removing those of
    /// builds that were killed.
    init(beside output: URL) throws {
        Self.removeAbandoned(beside: output)
        url = output.deletingLastPathComponent()
            .appendingPathComponent(Self.prefix(output) + UUID().uuidString.prefix(8))
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data("\(getpid())\n".utf8).write(to: url.appendingPathComponent(Self.markerName))
        Self.register(url)
    }

    private static func prefix(_ output: URL) -> String {
        ".\(output.lastPathComponent).staging-"
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
        try OutputWriter.writeWithoutSync(data, to: url.appendingPathComponent(path).path)
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
        }
        lock.lock()
        var cursor = folder
        while !cursor.isEmpty, folders.insert(cursor).inserted { cursor = OutputWriter.parent(of: cursor) }
        lock.unlock()
    }

    func remove() {
        Self.activeLock.lock()
        Self.active.remove(url)
        Self.activeLock.unlock()
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
