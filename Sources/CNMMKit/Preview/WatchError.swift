#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A system call of the watcher failed: which one and why (`errno`).
///
/// inotify's limits fail with codes that mislead (ENOSPC says "No space left on device" for too many
/// watches), so a limit is named by its setting instead, with a value to raise it to.
struct WatchError: Error, CustomStringConvertible {
    var call: String
    var code: Int32

    /// The kernel setting whose limit was reached, and a value that is enough for large sites.
    var limit: (setting: String, raiseTo: Int)? {
        switch (call, code) {
        case ("inotify_add_watch", ENOSPC): ("fs.inotify.max_user_watches", 524_288)
        case ("inotify_init1", EMFILE): ("fs.inotify.max_user_instances", 1024)
        default: nil
        }
    }

    var description: String {
        guard let limit else { return "\(call) failed: \(String(cString: strerror(code)))" }
        let name = code == ENOSPC ? "ENOSPC, not a full disk" : "EMFILE"
        return "the limit \(limit.setting) is reached (\(call) failed with \(name))"
    }
}
