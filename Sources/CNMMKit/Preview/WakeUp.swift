#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Blocks a thread in `poll(2)` until a descriptor is readable, a timeout passes, or another thread wakes it.
///
/// The wake-up is a pipe: `signal()` writes one byte that is never read, so every later wait returns
/// `.woken` at once (the watcher's way to stop). Both pipe ends are closed when the object goes.
final class WakeUp: @unchecked Sendable {
    enum Result {
        case readable
        case timeout
        case woken
    }

    private let readEnd: Int32
    private let writeEnd: Int32

    init() throws(WatchError) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw WatchError(call: "pipe", code: errno) }
        readEnd = ends[0]
        writeEnd = ends[1]
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(writeEnd, F_SETFL, O_NONBLOCK)
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// Wakes the waiting thread, now and for every later wait.
    func signal() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Waits for `descriptor` to be readable, at most `timeout` (nil: no limit).
    func wait(for descriptor: Int32?, timeout: Duration?) -> Result {
        var descriptors = [pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)]
        if let descriptor { descriptors.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
        var milliseconds: Int32 = -1
        if let timeout {
            let (seconds, attoseconds) = timeout.components
            let total = max(0, seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
            milliseconds = Int32(clamping: total)
        }
        let ready = poll(&descriptors, nfds_t(descriptors.count), milliseconds)
        // EINTR and other failures count as a timeout: the caller loops and waits again.
        guard ready > 0 else { return .timeout }
        if descriptors[0].revents != 0 { return .woken }
        if descriptors.count > 1, descriptors[1].revents != 0 { return .readable }
        return .timeout
    }
}
