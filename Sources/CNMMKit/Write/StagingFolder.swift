import Foundation

/// The folder beside the output where a build writes its files before any of them is moved into place.
///
/// `cnmm build` writes each page here as soon as it is rendered (`SiteRenderer.spill`), so a site's pages
/// are never all in memory at once; `OutputWriter` writes the rest, then moves everything into the output.
/// Whoever makes one removes it (`remove()`), whether the build succeeded or not: the output folder is
/// touched only by the writer's final moves. Called from several threads at once.
final class StagingFolder: @unchecked Sendable {
    let url: URL
    private let lock = NSLock()
    private var folders: Set<String> = [""]

    /// Makes a new, empty staging folder beside `output` (`.public.staging-1a2b3c4d`).
    init(beside output: URL) throws {
        url = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).staging-\(UUID().uuidString.prefix(8))")
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
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
        try? FileManager.default.removeItem(at: url)
    }
}
