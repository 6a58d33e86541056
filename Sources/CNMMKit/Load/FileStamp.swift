import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `stat` says of a file that changes whenever its bytes do: device, inode, size, and the times of its last
/// change, to the nanosecond. The preview takes a file over by its stamp instead of reading it again.
///
/// A file's times come from a clock that ticks every few milliseconds, so two saves within one tick can leave
/// equal stamps (git calls such a file "racy"). A stamp is therefore only made for a file whose last change lies
/// more than two seconds before the build started (`trustedBefore`); a file saved later is read and compared by
/// its bytes.
struct FileStamp: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int
    var changed: Int

    /// The stamp of the file at `path`, or nil when it cannot be trusted (changed after `trustedBefore`, in
    /// nanoseconds since 1970) or cannot be read.
    init?(path: String, trustedBefore limit: Int) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        modified = Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)
        changed = Int(status.st_ctim.tv_sec) * 1_000_000_000 + Int(status.st_ctim.tv_nsec)
        guard max(modified, changed) < limit else { return nil }
    }

    /// Two seconds before now, in nanoseconds since 1970: files changed before it get a stamp.
    static func now(margin: Int = 2_000_000_000) -> Int {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec) - margin
    }
}
