import Foundation

/// One version of the site as the server answers it: made whole by a build, then never changed.
///
/// The store swaps whole snapshots, so a request sees either the site before a save or the site
/// after it, never a mix. While the sources do not build, the snapshot keeps the last good site for
/// its assets and answers pages with the error page.
struct PreviewSnapshot: Sendable {
    /// Changes with every build, good or not; the live-reload script compares it with its own.
    var version: String
    /// Output path (`de/level-1/index.html`) → file.
    var files: [String: ServedFile]
    /// The path the site lives under (`/`, or `/docs/` for a base URL with a path).
    var basePath: String
    /// The error page while the sources do not build.
    var failure: ServedFile?

    /// How the server answers a request path.
    enum Answer: Equatable {
        /// A file of the site, or the error page or the 404 page with its status.
        case file(path: String, status: Int)
        case redirect(String)
    }

    /// The answer for the path of a request (no query); refused paths get the same answer as missing files.
    func answer(for rawPath: String) -> Answer {
        let base = basePath.split(separator: "/").map(String.init)
        guard let request = RequestPath(rawPath) else { return missing }
        guard request.segments.starts(with: base) else {
            return request.segments.isEmpty && request.isFolder ? .redirect(basePath) : missing
        }
        let inside = RequestPath(segments: Array(request.segments.dropFirst(base.count)), isFolder: request.isFolder)
        if inside.segments.isEmpty && !inside.isFolder { return .redirect(basePath) }
        let path = inside.filePath
        if failure != nil, path.hasSuffix(".html") || files[path] == nil {
            return .file(path: Self.errorPath, status: 500)
        }
        if files[path] != nil { return .file(path: path, status: 200) }
        if !inside.isFolder, files[path + "/index.html"] != nil {
            return .redirect(String(basePath.dropLast()) + inside.folderURLPath)
        }
        return missing
    }

    /// The file of an answer.
    func file(at path: String) -> ServedFile? {
        switch path {
        case Self.errorPath: failure
        case Self.plainNotFoundPath: Self.plainNotFound
        default: files[path]
        }
    }

    /// The answer for anything not in the site: its 404 page.
    private var missing: Answer {
        if failure != nil { return .file(path: Self.errorPath, status: 500) }
        return .file(path: files[Self.notFoundPath] == nil ? Self.plainNotFoundPath : Self.notFoundPath, status: 404)
    }

    static let notFoundPath = "404.html"
    /// Internal names for the pages that are not files of the site (they cannot be requested: a request
    /// path never contains a NUL).
    static let errorPath = "\0error"
    static let plainNotFoundPath = "\0not-found"
    static let plainNotFound = ServedFile(
        body: Data("Not found\n".utf8), contentType: "text/plain; charset=utf-8")
}
