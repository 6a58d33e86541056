import Foundation

/// Finds changed sources by looking at them: the watcher's fallback when inotify is not available.
///
/// Each scan lists the files of the watched folders and the watched files with size and
/// modification time, and returns the paths that appeared, went, or changed since the last scan.
struct PollingScanner {
    let targets: WatchTargets
    private var last: [String: Stamp]

    init(targets: WatchTargets) {
        self.targets = targets
        last = Self.stamps(targets)
    }

    /// The paths that changed since the last scan.
    mutating func scan() -> Set<String> {
        let now = Self.stamps(targets)
        var changed = Set<String>()
        for (path, stamp) in now where last[path] != stamp { changed.insert(path) }
        for path in last.keys where now[path] == nil { changed.insert(path) }
        last = now
        return changed
    }
}

extension PollingScanner {
    fileprivate struct Stamp: Equatable {
        var size: Int
        var modified: Date
    }

    fileprivate static let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]

    fileprivate static func stamps(_ targets: WatchTargets) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for file in targets.files {
            if let stamp = stamp(URL(fileURLWithPath: file)) { stamps[file] = stamp }
        }
        for folder in targets.folders {
            guard
                let enumerator = FileManager.default.enumerator(
                    at: URL(fileURLWithPath: folder), includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
            else { continue }
            for case let url as URL in enumerator {
                let path = url.standardizedFileURL.path
                guard targets.isRelevant(path), let stamp = stamp(url) else { continue }
                stamps[path] = stamp
            }
        }
        return stamps
    }

    fileprivate static func stamp(_ url: URL) -> Stamp? {
        guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else {
            return nil
        }
        return Stamp(size: values.fileSize ?? 0, modified: values.contentModificationDate ?? .distantPast)
    }
}
