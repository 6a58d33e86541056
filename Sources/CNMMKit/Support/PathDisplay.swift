import Foundation

/// Paths as messages show them: relative to the source root when inside it, so no message names the machine.
enum PathDisplay {
    static func relative(_ url: URL, to root: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = root.standardizedFileURL.path
        if path == base { return "." }
        if path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) }
        return url.lastPathComponent
    }
}

extension URL {
    /// A path given by the user, taken relative to `base` unless it is absolute.
    public static func resolving(_ path: String, against base: URL) -> URL {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL }
        return base.appendingPathComponent(path).standardizedFileURL
    }
}
