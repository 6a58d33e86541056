#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A system call of the watcher failed: which one and why (`errno`).
struct WatchError: Error, CustomStringConvertible {
    var call: String
    var code: Int32

    var description: String {
        "\(call) failed: \(String(cString: strerror(code)))"
    }
}
